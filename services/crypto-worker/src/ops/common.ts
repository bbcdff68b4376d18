import { KEY_STATES, KEY_USAGES, KmsError, parseAliasArn, parseKeyReference } from '@keyhold/core';
import { callerPrincipal, describeReason, evaluatePolicies } from '@keyhold/policy';
import type {
  KeyAttributes,
  Policy,
  PolicyDecision,
  RequestContext as EvaluationRequest,
} from '@keyhold/policy';
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

/**
 * A required KeyId: present and 1..2048 characters; a key id, key ARN, alias
 * name or alias ARN (any other ARN is InvalidArnException).
 */
export function assertKeyId(value: string | undefined, field = 'keyId'): string {
  if (value === undefined || value === '') throw missing(field);
  if (!parseAliasArn(value)) parseKeyReference(value, field);
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
  /** The KeyId as the request gave it: an alias name or ARN is `kms:RequestAlias`. */
  readonly requestedKeyId?: string | undefined;
  /** `kms:EncryptionAlgorithm`; key operations use SYMMETRIC_DEFAULT when the request named none. */
  readonly encryptionAlgorithm?: string | undefined;
  /** ReEncrypt: `kms:ReEncryptOnSameKey`, whether source and destination are one key. */
  readonly reEncryptOnSameKey?: boolean;
}

/** `kms:RequestAlias`: `alias/<name>` when the KeyId named the key by alias (name or ARN). */
export function requestAliasOf(requestedKeyId: string | undefined): string | undefined {
  if (requestedKeyId === undefined) return undefined;
  if (requestedKeyId.startsWith('alias/')) return requestedKeyId;
  return parseAliasArn(requestedKeyId)?.aliasName;
}

/** What the evaluator is told about a request of `call` for `action` on `key`. */
function evaluationRequest(
  call: CallInfo,
  action: string,
  key: KeyAttributes,
  facts: AuthorizationFacts,
): EvaluationRequest {
  const ctx = call.context;
  const requestAlias = requestAliasOf(facts.requestedKeyId);
  return {
    principal: callerPrincipal(ctx.principalArn, ctx.accountId),
    action,
    key,
    region: ctx.region,
    time: new Date(),
    ...(ctx.viaService ? { viaService: ctx.viaService } : {}),
    ...(ctx.sourceIp ? { sourceIp: ctx.sourceIp } : {}),
    ...(facts.encryptionContext ? { encryptionContext: facts.encryptionContext } : {}),
    ...(requestAlias ? { requestAlias } : {}),
    parameters: {
      ...(facts.encryptionAlgorithm ? { encryptionAlgorithm: facts.encryptionAlgorithm } : {}),
      ...(facts.reEncryptOnSameKey === undefined
        ? {}
        : { reEncryptOnSameKey: facts.reEncryptOnSameKey }),
    },
  };
}

/**
 * Throws AccessDenied unless `decision` allows. The caller gets AWS's message;
 * the reason goes to operators and, through the error's audit detail, to the
 * gateway's audit record.
 */
function enforce(decision: PolicyDecision, call: CallInfo, action: string, resource: string): void {
  if (decision.decision === 'Allow') return;
  const ctx = call.context;
  const reason = describeReason(decision.reason);
  call.logger.info({ resource, principalArn: ctx.principalArn, action, reason }, 'access denied');
  throw KmsError.accessDenied(ctx.principalArn, action, resource, reason);
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
  const [bundle, identityPolicies] = await Promise.all([
    deps.cache.getBundle(call.context, key, facts.grantTokens),
    deps.cache.getIdentityPolicies(call.context),
  ]);
  const decision = evaluatePolicies({
    keyPolicy: bundle.keyPolicy,
    identityPolicies,
    grants: bundle.grants,
    request: evaluationRequest(call, action, bundle.key, {
      ...facts,
      // Every key operation here is symmetric: the request's algorithm or the only one.
      encryptionAlgorithm: facts.encryptionAlgorithm || 'SYMMETRIC_DEFAULT',
    }),
  });
  enforce(decision, call, action, key.arn);
  assertUsable(key, operation);
}

/**
 * The key policy an action on no key (GenerateRandom) is judged by: it names
 * only the caller's account, so the caller's identity policies decide.
 */
function accountOnlyPolicy(accountId: string): Policy {
  return {
    version: '2012-10-17',
    id: undefined,
    statements: [
      {
        index: 0,
        sid: undefined,
        effect: 'Allow',
        principal: { aws: [accountId], service: [], negated: false },
        action: { negated: false, patterns: ['kms:*'] },
        resource: { negated: false, patterns: ['*'] },
        conditions: [],
      },
    ],
  };
}

/** Authorizes an action on no key (resource `*`) by the caller's identity policies alone. */
export async function authorizeAccountAction(
  deps: OpDeps,
  call: CallInfo,
  action: string,
): Promise<void> {
  const accountId = call.context.accountId;
  const decision = evaluatePolicies({
    keyPolicy: accountOnlyPolicy(accountId),
    identityPolicies: await deps.cache.getIdentityPolicies(call.context),
    request: evaluationRequest(call, action, { arn: '*', accountId }, {}),
  });
  enforce(decision, call, action, '*');
}

/** The material for `version`, which a resolved key always holds for its current version. */
export function materialOf(key: ResolvedKey, version: number): Buffer {
  const material = key.materials.get(version);
  if (!material)
    throw KmsError.internal(new Error(`key ${key.keyId} has no material version ${version}`));
  return material;
}
