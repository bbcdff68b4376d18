import type postgres from 'postgres';
import type { KeyEvent } from '@keyhold/bus';
import { KmsError, keyArn, keyStreamId, newKeyId, parseKeyReference } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { commandHandler } from '@keyhold/eventstore';
import type { EventStore, PostgresTransaction } from '@keyhold/eventstore';
import type {
  AuthorizerMethods,
  CallInfo,
  CreateKeyRequest__Output,
  CreateKeyResponse,
  CryptoWorkerMethods,
  DescribeKeyRequest__Output,
  DescribeKeyResponse,
  GetKeyForCryptoRequest__Output,
  GetKeyForCryptoResponse,
  ListKeysRequest__Output,
  ListKeysResponse,
  RequestContext,
  UnaryHandler,
} from '@keyhold/proto';
import {
  countKeys,
  findKey,
  insertKeyMaterial,
  keyMaterials,
  listKeys,
  projectKeyEvents,
} from '../projections/keys-view.js';
import type { KeyRow } from '../projections/keys-view.js';
import type { CreateKey, KeyCommand } from './commands.js';
import { assertCreateKeyValid, keyDecider } from './decide.js';
import { createdKeySource, toKeyMetadata } from './key-metadata.js';
import type { KeyState } from './state.js';

export interface KeyHandlerDeps {
  readonly sql: postgres.Sql;
  readonly store: EventStore<PostgresTransaction>;
  readonly cryptoWorker: Pick<CryptoWorkerMethods, 'GenerateKeyMaterial'>;
  readonly authorizer: Pick<AuthorizerMethods, 'Authorize'>;
  readonly logger: Logger;
  readonly maxKeysPerRegion: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default newKeyId */
  readonly newId?: () => string;
  /** Deadline of calls to crypto-worker and the authorizer. @default 5000 */
  readonly peerTimeoutMs?: number;
}

export interface KeyHandlers {
  readonly CreateKey: UnaryHandler<CreateKeyRequest__Output, CreateKeyResponse>;
  readonly DescribeKey: UnaryHandler<DescribeKeyRequest__Output, DescribeKeyResponse>;
  readonly ListKeys: UnaryHandler<ListKeysRequest__Output, ListKeysResponse>;
  readonly GetKeyForCrypto: UnaryHandler<GetKeyForCryptoRequest__Output, GetKeyForCryptoResponse>;
}

const FIRST_MATERIAL_VERSION = 1;
const DEFAULT_LIST_LIMIT = 100;
const MARKER = /^v1:(\d{1,19})$/;

interface Caller {
  readonly accountId: string;
  readonly region: string;
  readonly principalArn: string;
}

function callerOf(context: RequestContext): Caller {
  if (!context.accountId || !context.region) {
    throw KmsError.validation('The request carries no caller account or region.');
  }
  return {
    accountId: context.accountId,
    region: context.region,
    principalArn: context.principalArn,
  };
}

function encodeMarker(position: string): string {
  return Buffer.from(`v1:${position}`, 'utf8').toString('base64url');
}

function decodeMarker(marker: string): string {
  if (marker.length < 1 || marker.length > 1024) {
    throw KmsError.constraint(
      'marker',
      marker,
      'Member must have length greater than or equal to 1 and less than or equal to 1024',
    );
  }
  const decoded = Buffer.from(marker, 'base64url');
  const m = MARKER.exec(decoded.toString('utf8'));
  // Re-encoding catches strings that base64url decoding merely tolerated.
  if (!m || decoded.toString('base64url') !== marker) {
    throw new KmsError(
      'InvalidMarkerException',
      'The request was rejected because the marker is not valid.',
    );
  }
  return m[1]!;
}

function keyQuotaExceeded(): KmsError {
  return new KmsError(
    'LimitExceededException',
    'The request was rejected because it would exceed the number of KMS keys allowed in this account and Region.',
  );
}

/** The four KeyManager RPCs over the key streams and the keys view. */
export function createKeyHandlers(deps: KeyHandlerDeps): KeyHandlers {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? newKeyId;
  const timeoutMs = deps.peerTimeoutMs ?? 5000;
  const handle = commandHandler<PostgresTransaction, KeyState, KeyCommand, KeyEvent>(
    deps.store,
    keyDecider,
    {
      streamId: (c) => keyStreamId(c.data.keyId),
    },
  );

  const authorize = async (action: string, resourceArn: string, call: CallInfo): Promise<void> => {
    const caller = callerOf(call.context);
    const res = await deps.authorizer.Authorize(
      {
        action,
        resourceArn,
        accountId: caller.accountId,
        principalArn: caller.principalArn,
        region: caller.region,
      },
      { context: call.context, timeoutMs },
    );
    if (!res.allowed) {
      throw new KmsError(
        'AccessDeniedException',
        res.message || KmsError.accessDenied(caller.principalArn, action, resourceArn).message,
      );
    }
  };

  /**
   * A KeyId as management operations take it: a bare id is looked up in the
   * caller's account and region; an ARN names its account, but a key is only
   * found from its own region.
   */
  const resolveKey = async (keyId: string, caller: Caller): Promise<KeyRow> => {
    const ref = parseKeyReference(keyId);
    const want =
      ref.kind === 'arn'
        ? { keyId: ref.keyId, accountId: ref.accountId, region: ref.region }
        : { keyId: ref.keyId, accountId: caller.accountId, region: caller.region };
    if (want.region !== caller.region) throw KmsError.notFound(keyId);
    const row = await findKey(deps.sql, want.keyId);
    if (!row || row.accountId !== want.accountId || row.region !== want.region)
      throw KmsError.notFound(keyId);
    return row;
  };

  return {
    async CreateKey(request, call) {
      const caller = callerOf(call.context);
      const command: CreateKey = {
        type: 'CreateKey',
        data: {
          keyId: newId(),
          accountId: caller.accountId,
          region: caller.region,
          description: request.description,
          keyUsage: request.keyUsage,
          keySpec: request.keySpec,
          origin: request.origin,
          policy: request.policy,
          multiRegion: request.multiRegion,
          tags: request.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
        },
        metadata: { now: clock() },
      };
      // Reject bad requests before spending an authorization and key material on them.
      assertCreateKeyValid(command.data);
      await authorize('kms:CreateKey', '*', call);
      if ((await countKeys(deps.sql, caller.accountId, caller.region)) >= deps.maxKeysPerRegion) {
        throw keyQuotaExceeded();
      }
      const arn = keyArn(caller.region, caller.accountId, command.data.keyId);
      const { wrapped } = await deps.cryptoWorker.GenerateKeyMaterial(
        { keyArn: arn, materialVersion: FIRST_MATERIAL_VERSION },
        { context: call.context, timeoutMs },
      );
      const result = await handle(command, {
        inTransaction: async (tx, recorded) => {
          // Appends are serialised per schema, so this count is exact.
          if ((await countKeys(tx, caller.accountId, caller.region)) >= deps.maxKeysPerRegion) {
            throw keyQuotaExceeded();
          }
          await projectKeyEvents(tx, recorded);
          await insertKeyMaterial(tx, command.data.keyId, FIRST_MATERIAL_VERSION, wrapped);
        },
      });
      const created = result.newEvents.find((e) => e.type === 'KeyCreated');
      if (!created) throw KmsError.internal(new Error('CreateKey appended no KeyCreated'));
      call.logger.info({ keyId: created.data.keyId }, 'key created');
      return { keyMetadata: toKeyMetadata(createdKeySource(created.data)) };
    },

    async DescribeKey(request, call) {
      const caller = callerOf(call.context);
      const key = await resolveKey(request.keyId, caller);
      await authorize('kms:DescribeKey', key.arn, call);
      return { keyMetadata: toKeyMetadata(key) };
    },

    async ListKeys(request, call) {
      const caller = callerOf(call.context);
      const limit = request.limit ?? DEFAULT_LIST_LIMIT;
      if (limit < 1)
        throw KmsError.constraint(
          'limit',
          limit,
          'Member must have value greater than or equal to 1',
        );
      if (limit > 1000)
        throw KmsError.constraint(
          'limit',
          limit,
          'Member must have value less than or equal to 1000',
        );
      const after = request.marker === undefined ? '0' : decodeMarker(request.marker);
      await authorize('kms:ListKeys', '*', call);
      const rows = await listKeys(deps.sql, caller.accountId, caller.region, after, limit + 1);
      const page = rows.slice(0, limit);
      const truncated = rows.length > limit;
      return {
        keys: page.map((r) => ({ keyId: r.keyId, keyArn: r.arn })),
        truncated,
        ...(truncated ? { nextMarker: encodeMarker(page.at(-1)!.position) } : {}),
      };
    },

    // No authorization here: the caller is crypto-worker, which decides on
    // the end caller's request itself.
    async GetKeyForCrypto(request, call) {
      const caller = callerOf(call.context);
      const key = await resolveKey(request.keyId, caller);
      const materials = await keyMaterials(deps.sql, key.keyId);
      return {
        keyMetadata: toKeyMetadata(key),
        region: key.region,
        currentMaterialVersion: key.currentMaterialVersion,
        materials: materials.map((m) => ({ version: m.version, wrapped: m.wrapped })),
        streamVersion: String(key.streamVersion),
      };
    },
  };
}
