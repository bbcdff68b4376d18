import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger, isKmsError } from '@keyhold/core';
import { parsePolicy } from '@keyhold/policy';
import type { Policy } from '@keyhold/policy';
import type { CallInfo, RequestContext } from '@keyhold/proto';
import { KeyCache } from '../key-cache.js';
import type { ResolvedKey } from '../key-cache.js';
import { requestAliasOf } from './common.js';
import { decryptHandler } from './decrypt.js';
import { encryptHandler } from './encrypt.js';
import { generateRandomHandler } from './generate-random.js';
import { reEncryptHandler } from './re-encrypt.js';

// What crypto-worker tells the evaluator beyond the caller and the key
// (kms:RequestAlias, kms:EncryptionAlgorithm, kms:ReEncryptOnSameKey), and
// GenerateRandom judged by identity policies alone: real handlers, a real
// KeyCache over in-memory keys and policies.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:user/alice`;

function resolvedKey(keyId: string): ResolvedKey {
  return {
    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
    keyId,
    accountId: ACCOUNT,
    region: REGION,
    keyState: 'Enabled',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    currentMaterialVersion: 1,
    materials: new Map([[1, randomBytes(32)]]),
    streamVersion: 1,
  };
}

const KEY_A = resolvedKey('1234abcd-12ab-34cd-56ef-1234567890ab');
const KEY_B = resolvedKey('2234abcd-12ab-34cd-56ef-1234567890ab');
/** How the stand-in key-manager resolves ids, ARNs and the one alias. */
const NAMES = new Map<string, ResolvedKey>([
  [KEY_A.keyId, KEY_A],
  [KEY_A.arn, KEY_A],
  [KEY_B.keyId, KEY_B],
  [KEY_B.arn, KEY_B],
  ['alias/orders', KEY_A],
]);

const policy = (kind: 'key' | 'identity', ...statements: object[]): Policy =>
  parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), { kind });
const ROOT_OF_ACCOUNT = {
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

/** Handlers whose key policy (both keys) adds `statements` to the account root's; the caller's IAM allows `identity`. */
function setup(
  keyStatements: object[],
  identity: object[] = [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
) {
  const keyPolicy = policy('key', ROOT_OF_ACCOUNT, ...keyStatements);
  const identityPolicy = policy('identity', ...identity);
  const cache = new KeyCache({
    ttlMs: 60_000,
    fetchKey: async (keyId) => {
      const key = NAMES.get(keyId);
      if (!key) throw new Error(`unknown key ${keyId}`);
      return key;
    },
    fetchBundle: async (keyArn) => ({
      key: { arn: keyArn, accountId: ACCOUNT },
      keyState: 'Enabled',
      keyPolicy,
      grants: [],
      version: '1',
    }),
    fetchIdentityPolicies: async () => [identityPolicy],
  });
  const deps = { cache };
  return {
    encrypt: encryptHandler(deps),
    decrypt: decryptHandler(deps),
    reEncrypt: reEncryptHandler(deps),
    generateRandom: generateRandomHandler(deps),
  };
}

const context: RequestContext = {
  requestId: 'r',
  region: REGION,
  accountId: ACCOUNT,
  principalArn: PRINCIPAL,
  sourceIp: '',
  userAgent: '',
  viaService: '',
  operation: '',
};
const call: CallInfo = {
  context,
  metadata: undefined as never,
  logger: createLogger({ service: 'test', level: 'silent' }),
  signal: new AbortController().signal,
};

/** 'OK', or the error code plus the audit's deny reason. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    if (!isKmsError(err)) throw err;
    return `${err.code}${err.audit?.denyReason ? ` (${err.audit.denyReason})` : ''}`;
  }
}

const encryptRequest = (keyId: string, extra: object = {}) => ({
  keyId,
  plaintext: Buffer.from('authorization context test'),
  encryptionContext: {},
  grantTokens: [],
  ...extra,
});

describe('the evaluator’s request context in crypto-worker', () => {
  it('reads the alias a KeyId names, by name or ARN', () => {
    expect(requestAliasOf('alias/orders')).toBe('alias/orders');
    expect(requestAliasOf(`arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`)).toBe('alias/orders');
    expect(requestAliasOf(KEY_A.arn)).toBeUndefined();
    expect(requestAliasOf(KEY_A.keyId)).toBeUndefined();
    expect(requestAliasOf(undefined)).toBeUndefined();
  });

  it('sets kms:RequestAlias when the key was named by alias', async () => {
    const ops = setup([
      {
        Sid: 'OnlyThroughOrders',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:RequestAlias': 'alias/orders' } },
      },
    ]);
    expect(await outcome(ops.encrypt(encryptRequest('alias/orders'), call))).toBe('OK');
    expect(await outcome(ops.encrypt(encryptRequest(KEY_A.keyId), call))).toBe(
      "AccessDeniedException (explicit deny: key policy statement 'OnlyThroughOrders')",
    );
  });

  it('sets kms:EncryptionAlgorithm, SYMMETRIC_DEFAULT when the request names none', async () => {
    const ops = setup([
      {
        Sid: 'SymmetricOnly',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT' } },
      },
    ]);
    const enc = await ops.encrypt(encryptRequest(KEY_A.keyId), call);
    expect(
      await outcome(
        ops.encrypt(
          encryptRequest(KEY_A.keyId, { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
          call,
        ),
      ),
    ).toBe('OK');
    expect(
      await outcome(
        ops.decrypt(
          { ciphertextBlob: enc.ciphertextBlob as Buffer, encryptionContext: {}, grantTokens: [] },
          call,
        ),
      ),
    ).toBe('OK');

    const requireAlgorithm = setup([
      {
        Sid: 'NamedAlgorithm',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:Encrypt',
        Resource: '*',
        Condition: { Null: { 'kms:EncryptionAlgorithm': 'true' } },
      },
    ]);
    // Never absent for a key operation: the default counts as named.
    expect(await outcome(requireAlgorithm.encrypt(encryptRequest(KEY_A.keyId), call))).toBe('OK');
  });

  it('sets kms:ReEncryptOnSameKey for ReEncrypt', async () => {
    const ops = setup([
      {
        Sid: 'NoSameKeyReEncrypt',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kms:ReEncryptFrom', 'kms:ReEncryptTo'],
        Resource: '*',
        Condition: { Bool: { 'kms:ReEncryptOnSameKey': 'true' } },
      },
    ]);
    const ciphertextBlob = (await ops.encrypt(encryptRequest(KEY_A.keyId), call))
      .ciphertextBlob as Buffer;
    const reEncrypt = (destinationKeyId: string) =>
      ops.reEncrypt(
        {
          ciphertextBlob,
          sourceEncryptionContext: {},
          destinationKeyId,
          destinationEncryptionContext: {},
          grantTokens: [],
        },
        call,
      );
    expect(await outcome(reEncrypt(KEY_B.keyId))).toBe('OK');
    expect(await outcome(reEncrypt(KEY_A.arn))).toBe(
      "AccessDeniedException (explicit deny: key policy statement 'NoSameKeyReEncrypt')",
    );
  });
});

describe('GenerateRandom authorization', () => {
  it('is allowed by an identity policy allowing kms:GenerateRandom on "*"', async () => {
    const ops = setup([], [{ Effect: 'Allow', Action: 'kms:GenerateRandom', Resource: '*' }]);
    const res = await ops.generateRandom({ numberOfBytes: 16 }, call);
    expect(res.plaintext).toHaveLength(16);
  });

  it('is denied, with the reason audited, without such a policy or under a Deny', async () => {
    const none = setup([], [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }]);
    expect(await outcome(none.generateRandom({ numberOfBytes: 16 }, call))).toBe(
      'AccessDeniedException (no allow)',
    );
    const denied = setup(
      [],
      [
        { Effect: 'Allow', Action: 'kms:*', Resource: '*' },
        { Sid: 'NoRandom', Effect: 'Deny', Action: 'kms:GenerateRandom', Resource: '*' },
      ],
    );
    const err = await denied.generateRandom({ numberOfBytes: 16 }, call).catch((e: unknown) => e);
    expect(isKmsError(err, 'AccessDeniedException')).toBe(true);
    expect((err as Error).message).toBe(
      `User: ${PRINCIPAL} is not authorized to perform: kms:GenerateRandom on resource: * because no resource-based policy allows the kms:GenerateRandom action`,
    );
    expect((err as { audit?: { denyReason?: string } }).audit?.denyReason).toMatch(/NoRandom/);
  });
});
