import { createHash, randomBytes } from 'node:crypto';
import type { handleUnaryCall } from '@grpc/grpc-js';
import type postgres from 'postgres';
import type { GrantConstraintsData, KeyEvent } from '@keyhold/bus';
import { GRANT_ID, decodeGrantToken, encodeGrantToken } from '@keyhold/policy';
import {
  KmsError,
  isKmsError,
  keyArn,
  keyStreamId,
  newKeyId,
  parseAliasArn,
  parseKeyReference,
} from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { commandHandler, createStateCache } from '@keyhold/eventstore';
import type {
  CommandResult,
  EventStore,
  PostgresTransaction,
  RecordedEvent,
  StateCache,
} from '@keyhold/eventstore';
import type {
  AliasListEntry,
  AuthorizeRequest,
  GrantParameters,
  AuthorizerMethods,
  CallInfo,
  CryptoWorkerMethods,
  GrantConstraints,
  GrantConstraints__Output,
  GrantListEntry,
  KeyManagerHandlers,
  RequestContext,
  UnaryHandler,
} from '@keyhold/proto';
import {
  countKeys,
  destroyKeyMaterial,
  findAlias,
  findGrant,
  findKey,
  insertKeyMaterial,
  keyMaterials,
  keyPolicyAndTags,
  keysDueForDeletion,
  keysDueForRotation,
  listAliases,
  listGrants,
  listKeys,
  listRetirableGrants,
  listRotations,
  OWNED_KEY_MANAGER,
  projectKeyEvents,
} from '../projections/keys-view.js';
import type { KeyRow } from '../projections/keys-view.js';
import type { CreateKey, KeyCommand } from './commands.js';
import {
  DEFAULT_PENDING_WINDOW_DAYS,
  DEFAULT_ROTATION_PERIOD_DAYS,
  MAX_ON_DEMAND_ROTATIONS,
  assertCreateKeyValid,
  grantFingerprint,
  keyDecider,
} from './decide.js';
import { createdKeySource, toKeyMetadata } from './key-metadata.js';
import { KeyedMutex } from './keyed-mutex.js';
import { ANY, POSITION, decodeMarker, page, pageLimit } from './markers.js';
import { mapGet } from './persistent-map.js';
import type { KeyState } from './state.js';
import { assertAliasName } from './validation.js';
import type { AdminHandlers } from '../admin.js';

export interface KeyHandlerDeps {
  readonly sql: postgres.Sql;
  readonly store: EventStore<PostgresTransaction>;
  readonly cryptoWorker: Pick<CryptoWorkerMethods, 'GenerateKeyMaterial'>;
  readonly authorizer: Pick<AuthorizerMethods, 'Authorize'>;
  readonly logger: Logger;
  readonly maxKeysPerRegion: number;
  /** @default 50_000 */
  readonly maxGrantsPerKey?: number;
  /** @default 50 */
  readonly maxAliasesPerKey?: number;
  /** Folded key states kept between commands. @default 10_000 */
  readonly stateCacheSize?: number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default newKeyId */
  readonly newId?: () => string;
  /** Deadline of calls to crypto-worker and the authorizer. @default 5000 */
  readonly peerTimeoutMs?: number;
}

/** KeyManager's RPCs as promise handlers, typed from the generated service. */
export type KeyManagerUnaryHandlers = {
  [
    K in keyof KeyManagerHandlers as string extends K ? never : K
  ]: KeyManagerHandlers[K] extends handleUnaryCall<infer Req, infer Res>
    ? UnaryHandler<Req, Res>
    : never;
};

/** What an Authorize request carries besides the caller, action and resource. */
type AuthorizeFacts = Omit<
  AuthorizeRequest,
  'action' | 'resourceArn' | 'accountId' | 'principalArn' | 'region'
>;

/** The management RPCs of KeyManager (the admin ones live in admin.ts). */
export type KeyHandlers = Omit<KeyManagerUnaryHandlers, keyof AdminHandlers>;

/** Background work the jobs run: each call handles what is due now and returns how many keys it touched. */
export interface KeyJobs {
  deleteDueKeys(limit?: number): Promise<number>;
  rotateDueKeys(limit?: number): Promise<number>;
}

const FIRST_MATERIAL_VERSION = 1;
const INCLUDE_KEY_MATERIAL = ['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'];
/**
 * The alias/aws/<service> names a new AWS account lists before any of their
 * keys exist (the common ones; AWS's list varies a little by region). Sorted.
 */
export const PREDEFINED_ALIASES = [
  'alias/aws/acm',
  'alias/aws/dynamodb',
  'alias/aws/ebs',
  'alias/aws/elasticfilesystem',
  'alias/aws/es',
  'alias/aws/glue',
  'alias/aws/kinesisvideo',
  'alias/aws/lambda',
  'alias/aws/rds',
  'alias/aws/redshift',
  'alias/aws/s3',
  'alias/aws/secretsmanager',
  'alias/aws/sns',
  'alias/aws/sqs',
  'alias/aws/ssm',
  'alias/aws/xray',
];

interface Caller {
  readonly accountId: string;
  readonly region: string;
  readonly principalArn: string;
  readonly sourceIp?: string;
  readonly viaService?: string;
}

function callerOf(context: RequestContext): Caller {
  if (!context.accountId || !context.region) {
    throw KmsError.validation('The request carries no caller account or region.');
  }
  return {
    accountId: context.accountId,
    region: context.region,
    principalArn: context.principalArn,
    ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
    ...(context.viaService ? { viaService: context.viaService } : {}),
  };
}

function keyQuotaExceeded(): KmsError {
  return new KmsError(
    'LimitExceededException',
    'The request was rejected because it would exceed the number of KMS keys allowed in this account and Region.',
  );
}

function dryRun(): KmsError {
  return new KmsError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
  );
}

/** The id of an alias/aws/<service> key: derived, so concurrent first uses meet on one stream. */
export function managedKeyId(accountId: string, region: string, aliasName: string): string {
  const h = createHash('sha256')
    .update(`keyhold/managed-key/v1\0${accountId}\0${region}\0${aliasName}`)
    .digest('hex');
  // Formatted as a v4-looking UUID so that every key id has one shape.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The KeyMaterialId AWS reports for a key's material: 64 hex digits,
 * derived from the key and version (never from the material, which stays
 * secret) so that every replica and every call give the same id.
 */
export function keyMaterialId(keyArnValue: string, version: number): string {
  return createHash('sha256')
    .update(`keyhold/key-material-id/v1\0${keyArnValue}\0${version}`)
    .digest('hex');
}

/** A grant token's key and grant, or InvalidGrantTokenException. */
function readGrantToken(token: string): { keyArn: string; grantId: string } {
  const read = decodeGrantToken(token);
  if (!read) throw new KmsError('InvalidGrantTokenException', 'The grant token is not valid.');
  return read;
}

function constraintsIn(
  c: GrantConstraints__Output | null | undefined,
): GrantConstraintsData | undefined {
  if (!c) return undefined;
  const out: {
    encryptionContextSubset?: Record<string, string>;
    encryptionContextEquals?: Record<string, string>;
  } = {};
  if (c.hasEncryptionContextSubset || Object.keys(c.encryptionContextSubset).length > 0) {
    out.encryptionContextSubset = { ...c.encryptionContextSubset };
  }
  if (c.hasEncryptionContextEquals || Object.keys(c.encryptionContextEquals).length > 0) {
    out.encryptionContextEquals = { ...c.encryptionContextEquals };
  }
  return out.encryptionContextSubset || out.encryptionContextEquals ? out : undefined;
}

/** The grant ids that grant tokens name for one key (tokens for other keys do not count). */
function grantIdsFor(tokens: readonly string[], keyArn: string): string[] {
  return tokens
    .map((t) => readGrantToken(t))
    .filter((t) => t.keyArn === keyArn)
    .map((t) => t.grantId);
}

/** `kms:RequestAlias`, when the KeyId named the key by alias name or alias ARN. */
function requestAliasFact(keyId: string): { requestAlias?: string } {
  const alias = keyId.startsWith('alias/') ? keyId : parseAliasArn(keyId)?.aliasName;
  return alias ? { requestAlias: alias } : {};
}

/** `aws:RequestTag/<k>` and `aws:TagKeys` of a request carrying tags. */
function tagFacts(tags: readonly { tagKey: string; tagValue: string }[]): {
  requestTags: Record<string, string>;
  tagKeys: string[];
} {
  return {
    requestTags: Object.fromEntries(tags.map((t) => [t.tagKey, t.tagValue])),
    tagKeys: tags.map((t) => t.tagKey),
  };
}

/** RevokeGrant's grant parameter: only the id is known. */
function grantActedOn(grantId: string): GrantParameters {
  return {
    operations: [],
    granteePrincipal: '',
    retiringPrincipal: '',
    isForAwsResource: false,
    encryptionContextEquals: null,
    encryptionContextSubset: null,
    grantId,
  };
}

function constraintsOut(c: GrantConstraintsData | null): GrantConstraints | undefined {
  if (!c) return undefined;
  return {
    encryptionContextSubset: { ...(c.encryptionContextSubset ?? {}) },
    encryptionContextEquals: { ...(c.encryptionContextEquals ?? {}) },
    hasEncryptionContextSubset: c.encryptionContextSubset !== undefined,
    hasEncryptionContextEquals: c.encryptionContextEquals !== undefined,
  };
}

/** Every management RPC over the key streams and their read models. */
export function createKeyHandlers(
  deps: KeyHandlerDeps,
): KeyHandlers & { jobs: KeyJobs; cache: StateCache<KeyState> } {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? newKeyId;
  const timeoutMs = deps.peerTimeoutMs ?? 5000;
  const maxGrants = deps.maxGrantsPerKey ?? 50_000;
  const limits = { maxAliasesPerKey: deps.maxAliasesPerKey ?? 50 };
  const cache = createStateCache<KeyState>(deps.stateCacheSize ?? 10_000);
  const mutex = new KeyedMutex();
  const handle = commandHandler<PostgresTransaction, KeyState, KeyCommand, KeyEvent>(
    deps.store,
    keyDecider,
    {
      streamId: (c) => keyStreamId(c.data.keyId),
      cache,
    },
  );

  type Extra = (
    tx: PostgresTransaction,
    recorded: ReadonlyArray<RecordedEvent<KeyEvent>>,
  ) => Promise<void>;

  /** One command on one key: serialised per key, projected in the append transaction. */
  const run = (command: KeyCommand, extra?: Extra): Promise<CommandResult<KeyState, KeyEvent>> =>
    mutex.run(command.data.keyId, () =>
      handle(command, {
        inTransaction: async (tx, recorded) => {
          await projectKeyEvents(tx, recorded, limits);
          if (extra) await extra(tx, recorded);
        },
        // Consumers of the events (through the outbox) can log the request that caused them.
        ...(command.metadata.requestId
          ? { metadata: { requestId: command.metadata.requestId } }
          : {}),
      }),
    );

  const meta = (call?: { context: RequestContext }) => ({
    metadata: {
      now: clock(),
      ...(call?.context.requestId ? { requestId: call.context.requestId } : {}),
    },
  });

  /**
   * Asks the authorizer; `facts` are the request's parameters that condition
   * keys read (grant parameters, tags, rotation period, ...) and the key
   * stream version this service has seen, so a decision never judges an
   * older key than the one about to change.
   */
  const authorize = async (
    action: string,
    resourceArn: string,
    call: CallInfo,
    facts: AuthorizeFacts = {},
  ): Promise<void> => {
    const caller = callerOf(call.context);
    const res = await deps.authorizer.Authorize(
      {
        action,
        resourceArn,
        accountId: caller.accountId,
        principalArn: caller.principalArn,
        region: caller.region,
        ...facts,
      },
      { context: call.context, timeoutMs },
    );
    if (!res.allowed) {
      // The reason travels to the gateway's audit record, never to the caller.
      throw new KmsError(
        'AccessDeniedException',
        res.message || KmsError.accessDenied(caller.principalArn, action, resourceArn).message,
        { audit: { denyReason: res.reason || 'no allow' } },
      );
    }
  };

  const generateMaterial = async (
    arn: string,
    version: number,
    call: { context: RequestContext },
  ) =>
    (
      await deps.cryptoWorker.GenerateKeyMaterial(
        { keyArn: arn, materialVersion: version },
        { context: call.context, timeoutMs },
      )
    ).wrapped;

  /** The alias/aws/<service> key of the caller, created (key, rotation, alias) on first use. */
  const ensureManagedKey = async (
    aliasName: string,
    caller: Caller,
    call: { context: RequestContext },
  ): Promise<KeyRow> => {
    assertAliasName(aliasName, { allowReserved: true });
    const keyId = managedKeyId(caller.accountId, caller.region, aliasName);
    const existing = await findKey(deps.sql, keyId);
    if (existing) return existing;
    const wrapped = await generateMaterial(
      keyArn(caller.region, caller.accountId, keyId),
      FIRST_MATERIAL_VERSION,
      call,
    );
    await run(
      {
        type: 'CreateManagedKey',
        data: { keyId, accountId: caller.accountId, region: caller.region, aliasName },
        ...meta(call),
      },
      (tx) => insertKeyMaterial(tx, keyId, FIRST_MATERIAL_VERSION, wrapped),
    );
    const row = await findKey(deps.sql, keyId);
    if (!row) throw KmsError.internal(new Error('managed key vanished after creation'));
    return row;
  };

  /**
   * A KeyId as AWS takes it. Management operations accept a key id (in the
   * caller's account and region) or a key ARN (which names its account, but
   * a key is only found from its own region); crypto operations and
   * DescribeKey also accept alias names and alias ARNs.
   */
  const resolveKey = async (
    keyId: string,
    caller: Caller,
    options: {
      aliases?: boolean;
      anyAccount?: boolean;
      call?: { context: RequestContext };
      /** Owned keys are found only for Keyhold's own services. */
      owned?: boolean;
    } = {},
  ): Promise<KeyRow> => {
    const aliasArn = parseAliasArn(keyId);
    if (keyId.startsWith('alias/') || aliasArn) {
      if (!options.aliases) throw KmsError.notFound(keyId);
      const { accountId, region, aliasName } = aliasArn ?? {
        accountId: caller.accountId,
        region: caller.region,
        aliasName: keyId,
      };
      if (region !== caller.region) throw KmsError.notFound(keyId);
      const alias = await findAlias(deps.sql, accountId, region, aliasName);
      if (!alias) {
        // AWS managed keys exist from their first use, and only for their own account.
        if (aliasName.startsWith('alias/aws/') && accountId === caller.accountId && options.call) {
          return ensureManagedKey(aliasName, caller, options.call);
        }
        throw new KmsError(
          'NotFoundException',
          `Alias arn:aws:kms:${region}:${accountId}:${aliasName} is not found.`,
        );
      }
      const row = await findKey(deps.sql, alias.keyId);
      if (!row) throw KmsError.notFound(keyId);
      return row;
    }
    const ref = parseKeyReference(keyId);
    const want =
      ref.kind === 'arn'
        ? { keyId: ref.keyId, accountId: ref.accountId, region: ref.region }
        : { keyId: ref.keyId, accountId: caller.accountId, region: caller.region };
    if (want.region !== caller.region) throw KmsError.notFound(keyId);
    const row = await findKey(deps.sql, want.keyId);
    const accountOk =
      row?.accountId === want.accountId || (ref.kind === 'id' && options.anyAccount === true);
    if (!row || !accountOk || row.region !== want.region) throw KmsError.notFound(keyId);
    if (row.keyManager === OWNED_KEY_MANAGER && options.owned !== true) {
      throw KmsError.notFound(keyId);
    }
    return row;
  };

  /** Resolve, authorize `kms:<op>` on the key, run the command built from the row. */
  const mutate = async (
    op: string,
    keyId: string,
    call: CallInfo,
    command: (row: KeyRow) => KeyCommand,
    facts: AuthorizeFacts = {},
  ): Promise<{ row: KeyRow; result: CommandResult<KeyState, KeyEvent> }> => {
    const caller = callerOf(call.context);
    const row = await resolveKey(keyId, caller);
    await authorize(`kms:${op}`, row.arn, call, { minVersion: row.streamVersion, ...facts });
    const result = await run(command(row));
    return { row, result };
  };

  /** Rotates a key to a new material version, made by crypto-worker and stored with the event. */
  const rotate = async (
    row: Pick<KeyRow, 'keyId' | 'arn'>,
    rotationType: 'AUTOMATIC' | 'ON_DEMAND',
    context: RequestContext,
  ) =>
    mutex.run(`rotate:${row.keyId}`, async () => {
      const current = await findKey(deps.sql, row.keyId);
      if (!current) throw KmsError.notFound(row.arn);
      const version = current.currentMaterialVersion + 1;
      // Let decide refuse what it will refuse before material is spent on it.
      const refused =
        current.state !== 'Enabled' ||
        current.keyManager === 'AWS' ||
        current.onDemandRotations >= MAX_ON_DEMAND_ROTATIONS;
      if (rotationType === 'ON_DEMAND' && refused) {
        await run({
          type: 'RotateKey',
          data: { keyId: row.keyId, materialVersion: version, rotationType },
          ...meta({ context }),
        });
      }
      const wrapped = await generateMaterial(current.arn, version, { context });
      return run(
        {
          type: 'RotateKey',
          data: { keyId: row.keyId, materialVersion: version, rotationType },
          ...meta({ context }),
        },
        (tx) => insertKeyMaterial(tx, row.keyId, version, wrapped),
      );
    });

  const jobContext = (row: { accountId: string; region: string }): RequestContext => ({
    requestId: newKeyId(),
    region: row.region,
    accountId: row.accountId,
    principalArn: 'keyhold:key-manager',
    sourceIp: '',
    userAgent: 'key-manager',
    viaService: '',
    operation: 'RotateKey',
  });

  const jobs: KeyJobs = {
    async deleteDueKeys(limit = 100) {
      let deleted = 0;
      for (const keyId of await keysDueForDeletion(deps.sql, clock(), limit)) {
        try {
          const result = await run(
            { type: 'DeleteKey', data: { keyId }, ...meta() },
            async (tx) => {
              await destroyKeyMaterial(tx, keyId);
            },
          );
          if (result.newEvents.length > 0) {
            deleted++;
            cache.delete(keyStreamId(keyId));
            deps.logger.info({ keyId }, 'key deleted');
          }
        } catch (err) {
          // Another replica deleting the same key shows up as a conflict: it is deleted once.
          deps.logger.warn({ err, keyId }, 'key deletion failed');
        }
      }
      return deleted;
    },
    async rotateDueKeys(limit = 100) {
      let rotated = 0;
      for (const due of await keysDueForRotation(deps.sql, clock(), limit)) {
        try {
          const row = await findKey(deps.sql, due.keyId);
          if (!row) continue;
          const result = await rotate(row, 'AUTOMATIC', jobContext(row));
          if (result.newEvents.length > 0) {
            rotated++;
            deps.logger.info({ keyId: row.keyId }, 'key rotated');
          }
        } catch (err) {
          deps.logger.warn({ err, keyId: due.keyId }, 'key rotation failed');
        }
      }
      return rotated;
    },
  };

  const grantEntry = (
    g: Awaited<ReturnType<typeof listGrants>>[number],
    arnOf: string,
  ): GrantListEntry => {
    const entry: GrantListEntry = {
      keyId: arnOf,
      grantId: g.grantId,
      name: g.name,
      creationDate: g.createdAt.getTime() / 1000,
      granteePrincipal: g.granteePrincipal,
      issuingAccount: `arn:aws:iam::${g.issuingAccount}:root`,
      operations: [...g.operations],
    };
    if (g.retiringPrincipal !== null) entry.retiringPrincipal = g.retiringPrincipal;
    const c = constraintsOut(g.constraints);
    if (c) entry.constraints = c;
    return entry;
  };

  const noTargetAlias = (caller: Caller, aliasName: string) =>
    new KmsError(
      'NotFoundException',
      `Alias arn:aws:kms:${caller.region}:${caller.accountId}:${aliasName} is not found.`,
    );

  return {
    jobs,
    cache,

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
          bypassPolicyLockoutSafetyCheck: request.bypassPolicyLockoutSafetyCheck,
          caller,
        },
        ...meta(call),
      };
      // Reject bad requests before spending an authorization and key material on them.
      assertCreateKeyValid(command.data);
      await authorize('kms:CreateKey', '*', call, {
        newKey: {
          keySpec: request.keySpec ?? 'SYMMETRIC_DEFAULT',
          keyUsage: request.keyUsage ?? 'ENCRYPT_DECRYPT',
          origin: request.origin ?? 'AWS_KMS',
          multiRegion: request.multiRegion === true,
        },
        parameters: {
          bypassPolicyLockoutSafetyCheck: request.bypassPolicyLockoutSafetyCheck === true,
        },
        ...tagFacts(request.tags),
      });
      if ((await countKeys(deps.sql, caller.accountId, caller.region)) >= deps.maxKeysPerRegion) {
        throw keyQuotaExceeded();
      }
      const arn = keyArn(caller.region, caller.accountId, command.data.keyId);
      const wrapped = await generateMaterial(arn, FIRST_MATERIAL_VERSION, call);
      const result = await run(command, async (tx) => {
        // Appends are serialised per schema, so this count is exact.
        if ((await countKeys(tx, caller.accountId, caller.region)) > deps.maxKeysPerRegion) {
          throw keyQuotaExceeded();
        }
        await insertKeyMaterial(tx, command.data.keyId, FIRST_MATERIAL_VERSION, wrapped);
      });
      const created = result.newEvents.find((e) => e.type === 'KeyCreated');
      if (!created) throw KmsError.internal(new Error('CreateKey appended no KeyCreated'));
      call.logger.info({ keyId: created.data.keyId }, 'key created');
      return { keyMetadata: toKeyMetadata(createdKeySource(created.data)) };
    },

    async DescribeKey(request, call) {
      const caller = callerOf(call.context);
      const key = await resolveKey(request.keyId, caller, { aliases: true, call });
      await authorize('kms:DescribeKey', key.arn, call, {
        minVersion: key.streamVersion,
        grantIds: grantIdsFor(request.grantTokens, key.arn),
        ...requestAliasFact(request.keyId),
      });
      return { keyMetadata: toKeyMetadata(key) };
    },

    async ListKeys(request, call) {
      const caller = callerOf(call.context);
      const limit = pageLimit(request.limit, 1000, 100);
      const after = request.marker === undefined ? '0' : decodeMarker(request.marker, POSITION);
      await authorize('kms:ListKeys', '*', call);
      const rows = await listKeys(deps.sql, caller.accountId, caller.region, after, limit + 1);
      const p = page(rows, limit, (r) => r.position);
      return {
        keys: p.items.map((r) => ({ keyId: r.keyId, keyArn: r.arn })),
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async EnableKey(request, call) {
      await mutate('EnableKey', request.keyId, call, (row) => ({
        type: 'EnableKey',
        data: { keyId: row.keyId },
        ...meta(call),
      }));
      return {};
    },

    async DisableKey(request, call) {
      await mutate('DisableKey', request.keyId, call, (row) => ({
        type: 'DisableKey',
        data: { keyId: row.keyId },
        ...meta(call),
      }));
      return {};
    },

    async UpdateKeyDescription(request, call) {
      await mutate('UpdateKeyDescription', request.keyId, call, (row) => ({
        type: 'UpdateKeyDescription',
        data: { keyId: row.keyId, description: request.description },
        ...meta(call),
      }));
      return {};
    },

    async ScheduleKeyDeletion(request, call) {
      const { row, result } = await mutate(
        'ScheduleKeyDeletion',
        request.keyId,
        call,
        (r) => ({
          type: 'ScheduleKeyDeletion',
          data: { keyId: r.keyId, pendingWindowInDays: request.pendingWindowInDays },
          ...meta(call),
        }),
        {
          parameters: {
            pendingWindowInDays: request.pendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS,
          },
        },
      );
      const scheduled = result.newEvents.find((e) => e.type === 'KeyDeletionScheduled');
      if (!scheduled) throw KmsError.internal(new Error('ScheduleKeyDeletion appended nothing'));
      call.logger.info(
        { keyId: row.keyId, deletionDate: scheduled.data.deletionDate },
        'key deletion scheduled',
      );
      return {
        keyId: row.arn,
        deletionDate: Date.parse(scheduled.data.deletionDate) / 1000,
        keyState: 'PendingDeletion',
        pendingWindowInDays: scheduled.data.pendingWindowInDays,
      };
    },

    async CancelKeyDeletion(request, call) {
      const { row } = await mutate('CancelKeyDeletion', request.keyId, call, (r) => ({
        type: 'CancelKeyDeletion',
        data: { keyId: r.keyId },
        ...meta(call),
      }));
      return { keyId: row.arn };
    },

    async PutKeyPolicy(request, call) {
      await mutate(
        'PutKeyPolicy',
        request.keyId,
        call,
        (row) => ({
          type: 'PutKeyPolicy',
          data: {
            keyId: row.keyId,
            policyName: request.policyName,
            policy: request.policy,
            bypassPolicyLockoutSafetyCheck: request.bypassPolicyLockoutSafetyCheck,
            caller: callerOf(call.context),
          },
          ...meta(call),
        }),
        {
          parameters: {
            bypassPolicyLockoutSafetyCheck: request.bypassPolicyLockoutSafetyCheck === true,
          },
        },
      );
      return {};
    },

    async GetKeyPolicy(request, call) {
      const caller = callerOf(call.context);
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:GetKeyPolicy', row.arn, call);
      const policyName = request.policyName ?? 'default';
      if (policyName !== 'default') {
        throw new KmsError(
          'NotFoundException',
          `Policy '${policyName}' does not exist; the only key policy is 'default'.`,
        );
      }
      const found = await keyPolicyAndTags(deps.sql, row.keyId);
      if (!found) throw KmsError.notFound(request.keyId);
      return { policy: found.policy, policyName };
    },

    async ListKeyPolicies(request, call) {
      const caller = callerOf(call.context);
      pageLimit(request.limit, 1000, 100);
      if (request.marker !== undefined) decodeMarker(request.marker, ANY);
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:ListKeyPolicies', row.arn, call);
      return { policyNames: request.marker === undefined ? ['default'] : [], truncated: false };
    },

    async TagResource(request, call) {
      await mutate(
        'TagResource',
        request.keyId,
        call,
        (row) => ({
          type: 'TagResource',
          data: {
            keyId: row.keyId,
            tags: request.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
          },
          ...meta(call),
        }),
        tagFacts(request.tags),
      );
      return {};
    },

    async UntagResource(request, call) {
      await mutate(
        'UntagResource',
        request.keyId,
        call,
        (row) => ({
          type: 'UntagResource',
          data: { keyId: row.keyId, tagKeys: request.tagKeys },
          ...meta(call),
        }),
        { tagKeys: request.tagKeys },
      );
      return {};
    },

    async ListResourceTags(request, call) {
      const caller = callerOf(call.context);
      const limit = pageLimit(request.limit, 50, 50);
      const offset =
        request.marker === undefined ? 0 : Number(decodeMarker(request.marker, /^\d{1,4}$/));
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:ListResourceTags', row.arn, call);
      const found = await keyPolicyAndTags(deps.sql, row.keyId);
      const tags = (found?.tags ?? []).slice(offset, offset + limit + 1);
      const p = page(tags, limit, () => String(offset + limit));
      return {
        tags: p.items.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async CreateAlias(request, call) {
      assertAliasName(request.aliasName);
      const caller = callerOf(call.context);
      const row = await resolveKey(request.targetKeyId, caller);
      // An alias lives in the caller's account: the key must be there too.
      if (row.accountId !== caller.accountId) throw KmsError.notFound(request.targetKeyId);
      await authorize('kms:CreateAlias', row.arn, call);
      await run({
        type: 'CreateAlias',
        data: { keyId: row.keyId, aliasName: request.aliasName },
        ...meta(call),
      });
      return {};
    },

    async UpdateAlias(request, call) {
      assertAliasName(request.aliasName);
      const caller = callerOf(call.context);
      const alias = await findAlias(deps.sql, caller.accountId, caller.region, request.aliasName);
      if (!alias) throw noTargetAlias(caller, request.aliasName);
      const target = await resolveKey(request.targetKeyId, caller);
      if (target.accountId !== caller.accountId) throw KmsError.notFound(request.targetKeyId);
      const current = await findKey(deps.sql, alias.keyId);
      if (current && (current.keyUsage !== target.keyUsage || current.keySpec !== target.keySpec)) {
        throw KmsError.validation(
          `${target.arn} has a different key usage or key spec than the alias's current target; UpdateAlias needs keys of the same type and usage.`,
        );
      }
      await authorize('kms:UpdateAlias', target.arn, call);
      await run({
        type: 'UpdateAlias',
        data: { keyId: target.keyId, aliasName: request.aliasName, previousKeyId: alias.keyId },
        ...meta(call),
      });
      return {};
    },

    async DeleteAlias(request, call) {
      assertAliasName(request.aliasName);
      const caller = callerOf(call.context);
      const alias = await findAlias(deps.sql, caller.accountId, caller.region, request.aliasName);
      if (!alias) throw noTargetAlias(caller, request.aliasName);
      const row = await findKey(deps.sql, alias.keyId);
      if (!row) throw noTargetAlias(caller, request.aliasName);
      await authorize('kms:DeleteAlias', row.arn, call);
      await run({
        type: 'DeleteAlias',
        data: { keyId: row.keyId, aliasName: request.aliasName },
        ...meta(call),
      });
      return {};
    },

    async ListAliases(request, call) {
      const caller = callerOf(call.context);
      const limit = pageLimit(request.limit, 100, 50);
      const after = request.marker === undefined ? '' : decodeMarker(request.marker, ANY);
      let keyId: string | undefined;
      if (request.keyId !== undefined) {
        const row = await resolveKey(request.keyId, caller);
        keyId = row.keyId;
      }
      await authorize('kms:ListAliases', '*', call);
      const rows = await listAliases(
        deps.sql,
        caller.accountId,
        caller.region,
        keyId,
        after,
        limit + 1,
      );
      const entries: Array<AliasListEntry & { aliasName: string }> = rows.map((a) => ({
        aliasName: a.aliasName,
        aliasArn: `arn:aws:kms:${a.region}:${a.accountId}:${a.aliasName}`,
        targetKeyId: a.keyId,
        creationDate: a.createdAt.getTime() / 1000,
        lastUpdatedDate: a.updatedAt.getTime() / 1000,
      }));
      // As in AWS, the predefined alias/aws/<service> names are listed before
      // their key exists, without a TargetKeyId. Only those up to the last
      // row read can go on this page; a row of the same name wins.
      if (keyId === undefined) {
        const upTo = rows.length > limit ? rows.at(-1)!.aliasName : undefined;
        const taken = new Set(rows.map((r) => r.aliasName));
        for (const name of PREDEFINED_ALIASES) {
          if (name > after && (upTo === undefined || name < upTo) && !taken.has(name)) {
            entries.push({
              aliasName: name,
              aliasArn: `arn:aws:kms:${caller.region}:${caller.accountId}:${name}`,
            });
          }
        }
        entries.sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1));
      }
      const p = page(entries.slice(0, limit + 1), limit, (a) => a.aliasName);
      return {
        aliases: p.items,
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async EnableKeyRotation(request, call) {
      await mutate(
        'EnableKeyRotation',
        request.keyId,
        call,
        (row) => ({
          type: 'EnableKeyRotation',
          data: { keyId: row.keyId, rotationPeriodInDays: request.rotationPeriodInDays },
          ...meta(call),
        }),
        {
          parameters: {
            rotationPeriodInDays: request.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS,
          },
        },
      );
      return {};
    },

    async DisableKeyRotation(request, call) {
      await mutate('DisableKeyRotation', request.keyId, call, (row) => ({
        type: 'DisableKeyRotation',
        data: { keyId: row.keyId },
        ...meta(call),
      }));
      return {};
    },

    // OnDemandRotationStartDate is never set: RotateKeyOnDemand answers once
    // the new material is current, so no rotation is ever seen in progress.
    async GetKeyRotationStatus(request, call) {
      const caller = callerOf(call.context);
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:GetKeyRotationStatus', row.arn, call);
      return {
        keyRotationEnabled: row.rotationEnabled,
        keyId: row.arn,
        ...(row.rotationEnabled && row.rotationPeriodDays !== null
          ? { rotationPeriodInDays: row.rotationPeriodDays }
          : {}),
        ...(row.rotationEnabled && row.nextRotationDate
          ? { nextRotationDate: row.nextRotationDate.getTime() / 1000 }
          : {}),
      };
    },

    async RotateKeyOnDemand(request, call) {
      const caller = callerOf(call.context);
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:RotateKeyOnDemand', row.arn, call);
      await rotate(row, 'ON_DEMAND', call.context);
      call.logger.info({ keyId: row.keyId }, 'key rotated on demand');
      return { keyId: row.arn };
    },

    async ListKeyRotations(request, call) {
      const caller = callerOf(call.context);
      const limit = pageLimit(request.limit, 1000, 100);
      const include = request.includeKeyMaterial ?? 'ROTATIONS_ONLY';
      if (!INCLUDE_KEY_MATERIAL.includes(include)) {
        throw KmsError.constraint(
          'includeKeyMaterial',
          include,
          `Member must satisfy enum value set: [${INCLUDE_KEY_MATERIAL.join(', ')}]`,
        );
      }
      const after =
        request.marker === undefined ? 0 : Number(decodeMarker(request.marker, /^\d{1,9}$/));
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:ListKeyRotations', row.arn, call);
      const rotations = await listRotations(deps.sql, row.keyId, after, limit + 1);
      // The first material is not a rotation: listed only when all material is asked for.
      const rows: Array<{ materialVersion: number; rotationDate?: Date; rotationType?: string }> =
        include === 'ALL_KEY_MATERIAL' && after < FIRST_MATERIAL_VERSION
          ? [{ materialVersion: FIRST_MATERIAL_VERSION }, ...rotations]
          : rotations;
      const p = page(rows, limit, (r) => String(r.materialVersion));
      return {
        rotations: p.items.map((r) => ({
          keyId: row.arn,
          keyMaterialId: keyMaterialId(row.arn, r.materialVersion),
          keyMaterialState:
            r.materialVersion === row.currentMaterialVersion ? 'CURRENT' : 'NON_CURRENT',
          ...(r.rotationDate ? { rotationDate: r.rotationDate.getTime() / 1000 } : {}),
          ...(r.rotationType ? { rotationType: r.rotationType } : {}),
        })),
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async CreateGrant(request, call) {
      const caller = callerOf(call.context);
      const row = await resolveKey(request.keyId, caller);
      // Tokens naming a grant of this key: the caller may act through one of them.
      const viaTokens = request.grantTokens
        .map((t) => readGrantToken(t))
        .filter((t) => t.keyArn === row.arn);
      let viaGrant: { grantId: string; caller: Caller } | undefined;
      const requested = constraintsIn(request.constraints);
      try {
        await authorize('kms:CreateGrant', row.arn, call, {
          minVersion: row.streamVersion,
          grantIds: viaTokens.map((t) => t.grantId),
          grant: {
            operations: request.operations,
            granteePrincipal: request.granteePrincipal,
            retiringPrincipal: request.retiringPrincipal ?? '',
            isForAwsResource: call.context.viaService !== '',
            encryptionContextEquals: requested?.encryptionContextEquals
              ? { pairs: requested.encryptionContextEquals }
              : null,
            encryptionContextSubset: requested?.encryptionContextSubset
              ? { pairs: requested.encryptionContextSubset }
              : null,
          },
        });
      } catch (err) {
        // Not allowed by the key policy: the grant in the token is the
        // caller's only authority, and decide holds the new grant to it.
        if (!isKmsError(err, 'AccessDeniedException') || viaTokens.length === 0) throw err;
        viaGrant = { grantId: viaTokens[0]!.grantId, caller };
      }
      const constraints = requested;
      const grantId = randomBytes(32).toString('hex');
      const command: KeyCommand = {
        type: 'CreateGrant',
        data: {
          keyId: row.keyId,
          grantId,
          name: request.name,
          granteePrincipal: request.granteePrincipal,
          retiringPrincipal: request.retiringPrincipal,
          operations: request.operations,
          constraints,
          issuingAccount: caller.accountId,
          maxGrants,
          viaGrant,
        },
        ...meta(call),
      };
      if (request.dryRun) {
        // Decide on the current state without appending: the answer a real call would get.
        const { events } = await deps.store.readStream<KeyEvent>(keyStreamId(row.keyId));
        const state = events.reduce(
          (s, e) => keyDecider.evolve(s, e as unknown as KeyEvent),
          keyDecider.initialState(),
        );
        keyDecider.decide(command, state);
        throw dryRun();
      }
      const result = await run(command);
      const created = result.newEvents.find((e) => e.type === 'GrantCreated');
      let id = created?.data.grantId;
      if (!id && result.newState.status !== 'Nonexistent' && result.newState.status !== 'Deleted') {
        id = mapGet(result.newState.namedGrants, grantFingerprint(command.data));
      }
      if (!id) throw KmsError.internal(new Error('CreateGrant produced no grant'));
      return { grantId: id, grantToken: encodeGrantToken(row.arn, id) };
    },

    async ListGrants(request, call) {
      const caller = callerOf(call.context);
      const limit = pageLimit(request.limit, 100, 50);
      const after = request.marker === undefined ? '0' : decodeMarker(request.marker, POSITION);
      if (request.grantId !== undefined && !GRANT_ID.test(request.grantId)) {
        throw new KmsError('InvalidGrantIdException', `Grant ID ${request.grantId} is not valid.`);
      }
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:ListGrants', row.arn, call);
      const rows = await listGrants(
        deps.sql,
        { keyId: row.keyId, grantId: request.grantId, granteePrincipal: request.granteePrincipal },
        after,
        limit + 1,
      );
      const p = page(rows, limit, (g) => g.position);
      return {
        grants: p.items.map((g) => grantEntry(g, row.keyId)),
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async ListRetirableGrants(request, call) {
      callerOf(call.context);
      const limit = pageLimit(request.limit, 100, 50);
      const after = request.marker === undefined ? '0' : decodeMarker(request.marker, POSITION);
      await authorize('kms:ListRetirableGrants', '*', call);
      const rows = await listRetirableGrants(deps.sql, request.retiringPrincipal, after, limit + 1);
      const p = page(rows, limit, (g) => g.position);
      const arns = new Map<string, string>();
      const grants: GrantListEntry[] = [];
      for (const g of p.items) {
        if (!arns.has(g.keyId))
          arns.set(g.keyId, (await findKey(deps.sql, g.keyId))?.arn ?? g.keyId);
        grants.push(grantEntry(g, arns.get(g.keyId)!));
      }
      return {
        grants,
        truncated: p.truncated,
        ...(p.nextMarker ? { nextMarker: p.nextMarker } : {}),
      };
    },

    async RetireGrant(request, call) {
      const caller = callerOf(call.context);
      let keyRef: string;
      let grantId: string;
      if (request.grantToken !== undefined) {
        const t = readGrantToken(request.grantToken);
        keyRef = t.keyArn;
        grantId = t.grantId;
      } else if (request.keyId !== undefined && request.grantId !== undefined) {
        keyRef = request.keyId;
        grantId = request.grantId;
      } else {
        throw KmsError.validation(
          'Either GrantToken, or both KeyId and GrantId, must be specified.',
        );
      }
      if (!GRANT_ID.test(grantId))
        throw new KmsError('InvalidGrantIdException', `Grant ID ${grantId} is not valid.`);
      const row = await resolveKey(keyRef, caller);
      const grant = await findGrant(deps.sql, grantId);
      if (!grant || grant.keyId !== row.keyId) {
        throw new KmsError('NotFoundException', `Grant ID ${grantId} not found`);
      }
      // RetireGrant is authorized by the grant itself (AWS): its retiring
      // principal, its grantee when it allows RetireGrant, or the key's account.
      const allowed =
        caller.principalArn === grant.retiringPrincipal ||
        (caller.principalArn === grant.granteePrincipal &&
          grant.operations.includes('RetireGrant')) ||
        caller.accountId === row.accountId;
      if (!allowed) {
        throw KmsError.accessDenied(
          caller.principalArn,
          'kms:RetireGrant',
          row.arn,
          "no allow: not the grant's retiring principal, its grantee allowed RetireGrant, or the key's account",
        );
      }
      if (request.dryRun) throw dryRun();
      await run({ type: 'RetireGrant', data: { keyId: row.keyId, grantId }, ...meta() });
      return {};
    },

    async RevokeGrant(request, call) {
      if (!GRANT_ID.test(request.grantId)) {
        throw new KmsError('InvalidGrantIdException', `Grant ID ${request.grantId} is not valid.`);
      }
      const caller = callerOf(call.context);
      const row = await resolveKey(request.keyId, caller);
      await authorize('kms:RevokeGrant', row.arn, call, {
        minVersion: row.streamVersion,
        grant: grantActedOn(request.grantId),
      });
      if (request.dryRun) {
        const grant = await findGrant(deps.sql, request.grantId);
        if (!grant || grant.keyId !== row.keyId)
          throw new KmsError('NotFoundException', `Grant ID ${request.grantId} not found`);
        throw dryRun();
      }
      await run({
        type: 'RevokeGrant',
        data: { keyId: row.keyId, grantId: request.grantId },
        ...meta(call),
      });
      return {};
    },

    // No authorization here: the caller is crypto-worker, which decides on
    // the end caller's request itself.
    async GetKeyForCrypto(request, call) {
      const caller = callerOf(call.context);
      const key = await resolveKey(request.keyId, caller, {
        aliases: true,
        anyAccount: request.anyAccount,
        call,
        owned: true,
      });
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
