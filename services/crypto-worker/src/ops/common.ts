import { KEY_STATES, KEY_USAGES, KmsError, parseKeyReference } from '@keyhold/core';
import { callerPrincipal, describeReason, evaluatePolicies } from '@keyhold/policy';
import type { CallInfo } from '@keyhold/proto';
import type { KeyCache, ResolvedKey } from '../key-cache.js';

/** What every operation handler gets. */
export interface OpDeps {
  readonly cache: KeyCache;
}

const MAX_GRANT_TOKENS = 10;
const MAX_GRANT_TOKEN_LENGTH = 8192;
const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
] as const;

/** AWS's message for a required member that is absent. */
export function missing(field: string): KmsError {
  return KmsError.validation(
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}

/** A required KeyId: present and 1..2048 characters (a malformed ARN is InvalidArnException). */
export function assertKeyId(value: string | undefined, field = 'keyId'): string {
  if (value === undefined || value === '') throw missing(field);
  parseKeyReference(value, field);
  return value;
}

/** A blob member within `min..max` bytes; the value itself is never echoed. */
export function assertBlobLength(value: Buffer, field: string, min: number, max: number): void {
  if (value.length < min) {
    throw KmsError.constraint(
      field,
      value,
      `Member must have length greater than or equal to ${min}`,
    );
  }
  if (value.length > max) {
    throw KmsError.constraint(field, value, `Member must have length less than or equal to ${max}`);
  }
}

/** GrantTokens: at most 10 of 1..8192 characters (a token naming a new grant refreshes the bundle). */
export function assertGrantTokens(tokens: readonly string[]): void {
  if (tokens.length > MAX_GRANT_TOKENS) {
    throw KmsError.constraint(
      'grantTokens',
      tokens,
      `Member must have length less than or equal to ${MAX_GRANT_TOKENS}`,
    );
  }
  for (const t of tokens) {
    if (t.length < 1 || t.length > MAX_GRANT_TOKEN_LENGTH) {
      throw KmsError.constraint(
        'grantTokens',
        tokens,
        `Member must satisfy constraint: [Member must have length less than or equal to ${MAX_GRANT_TOKEN_LENGTH}, Member must have length greater than or equal to 1]`,
      );
    }
  }
}

/** EncryptionAlgorithm: an AWS enum value, and for symmetric keys only SYMMETRIC_DEFAULT. */
export function assertSymmetricAlgorithm(value: string | undefined): void {
  if (value === undefined || value === 'SYMMETRIC_DEFAULT') return;
  if (!(ENCRYPTION_ALGORITHMS as readonly string[]).includes(value)) {
    throw KmsError.constraint(
      'encryptionAlgorithm',
      value,
      `Member must satisfy enum value set: [${ENCRYPTION_ALGORITHMS.join(', ')}]`,
    );
  }
  throw new KmsError(
    'InvalidKeyUsageException',
    `The encryption algorithm ${value} is not valid for symmetric encryption KMS keys.`,
  );
}

/**
 * DryRun: every check of the real request has passed, so answer as AWS does
 * when the request would have succeeded. Called after authorization and the
 * key-state checks, before any cryptographic work.
 */
export function assertNotDryRun(dryRun: boolean | undefined): void {
  if (dryRun === true) {
    throw new KmsError(
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun option is set.',
    );
  }
}

/** AWS's key-state rules for symmetric crypto operations (Encrypt, Decrypt, GenerateDataKey*). */
export function assertUsable(key: ResolvedKey, operation: string): void {
  switch (key.keyState) {
    case KEY_STATES.Enabled:
    case KEY_STATES.Updating:
      break;
    case KEY_STATES.Disabled:
      throw KmsError.disabled(key.arn);
    case KEY_STATES.PendingDeletion:
    case KEY_STATES.PendingReplicaDeletion:
      throw KmsError.pendingDeletion(key.arn);
    case KEY_STATES.PendingImport:
      throw new KmsError('KMSInvalidStateException', `${key.arn} is pending import.`);
    case KEY_STATES.Unavailable:
      throw new KmsError('KMSInvalidStateException', `${key.arn} is unavailable.`);
    case KEY_STATES.Creating:
      throw new KmsError('KMSInvalidStateException', `${key.arn} is creating.`);
    default:
      throw new KmsError('KMSInvalidStateException', `${key.arn} is ${key.keyState}.`);
  }
  if (key.keyUsage !== KEY_USAGES.ENCRYPT_DECRYPT) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`,
    );
  }
}

/** Request attributes beyond the caller that a policy may test. */
export interface AuthorizationFacts {
  readonly encryptionContext?: Readonly<Record<string, string>>;
  readonly grantTokens?: readonly string[];
}

/**
 * Authorizes `call` on `key` locally from the cached decision bundle, then
 * checks the key can serve `operation`: AccessDenied before state, so a
 * caller learns nothing about keys it may not use. `action` defaults to
 * `kms:<operation>` (ReEncrypt asks for ReEncryptFrom and ReEncryptTo).
 */
export async function authorize(
  deps: OpDeps,
  call: CallInfo,
  key: ResolvedKey,
  operation: string,
  facts: AuthorizationFacts = {},
  action = `kms:${operation}`,
): Promise<void> {
  const ctx = call.context;
  const [bundle, identityPolicies] = await Promise.all([
    deps.cache.getBundle(ctx, key, facts.grantTokens),
    deps.cache.getIdentityPolicies(ctx),
  ]);
  const decision = evaluatePolicies({
    keyPolicy: bundle.keyPolicy,
    identityPolicies,
    grants: bundle.grants,
    request: {
      principal: callerPrincipal(ctx.principalArn, ctx.accountId),
      action,
      key: bundle.key,
      region: ctx.region,
      time: new Date(),
      ...(ctx.viaService ? { viaService: ctx.viaService } : {}),
      ...(ctx.sourceIp ? { sourceIp: ctx.sourceIp } : {}),
      ...(facts.encryptionContext ? { encryptionContext: facts.encryptionContext } : {}),
    },
  });
  if (decision.decision !== 'Allow') {
    // The caller gets AWS's message; the reason is for operators (and, once
    // the gateway records it, the audit trail).
    call.logger.info(
      {
        keyId: key.keyId,
        principalArn: ctx.principalArn,
        action,
        reason: describeReason(decision.reason),
      },
      'access denied',
    );
    throw KmsError.accessDenied(ctx.principalArn, action, key.arn);
  }
  assertUsable(key, operation);
}

/** The material for `version`, which a resolved key always holds for its current version. */
export function materialOf(key: ResolvedKey, version: number): Buffer {
  const material = key.materials.get(version);
  if (!material)
    throw KmsError.internal(new Error(`key ${key.keyId} has no material version ${version}`));
  return material;
}
