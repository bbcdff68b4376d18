import { grantAllows, operationOf } from './grants.js';
import { principalMatch, statementApplies } from './match.js';
import type { EvaluationInput, PolicyDecision, Statement, StatementRef } from './types.js';

/**
 * Operations (lower case, without `kms:`) a principal of another account may
 * be allowed; every other operation, management ones in particular, works
 * only in the key's own account.
 */
export const CROSS_ACCOUNT_OPERATIONS: ReadonlySet<string> = new Set(
  [
    'Encrypt',
    'Decrypt',
    'ReEncryptFrom',
    'ReEncryptTo',
    'GenerateDataKey',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'Sign',
    'Verify',
    'GenerateMac',
    'VerifyMac',
    'DeriveSharedSecret',
    'DescribeKey',
    'GetPublicKey',
    'CreateGrant',
    'RetireGrant',
    'RevokeGrant',
    'ListGrants',
    'GetKeyRotationStatus',
  ].map((o) => o.toLowerCase()),
);

const IMPLICIT_DENY: PolicyDecision = Object.freeze({
  decision: 'Deny',
  reason: Object.freeze({ kind: 'implicit-deny' }),
});

/** A statement's name in a decision: its Sid, or its index when it has none. */
export function statementRef(s: Statement): StatementRef {
  return s.sid !== undefined && s.sid !== '' ? s.sid : s.index;
}

/**
 * Decides a request the way AWS KMS does:
 * 1. any applicable explicit Deny, in the key policy or an identity policy, wins;
 * 2. otherwise an Allow in the key policy naming the caller (or `*`, or for the
 *    account's root user its account) allows; for a caller of another
 *    account it also needs an identity-policy Allow, except for that
 *    account's root user;
 * 3. otherwise, when the key policy allows the caller's account (delegation
 *    to IAM), an Allow in the caller's identity policies allows;
 * 4. otherwise a grant for the caller, its operation and constraints allows;
 * 5. otherwise the request is implicitly denied.
 * Callers of another account are denied every operation outside
 * {@link CROSS_ACCOUNT_OPERATIONS}. Pure: no clock, no I/O.
 */
export function evaluatePolicies(input: EvaluationInput): PolicyDecision {
  const { keyPolicy, identityPolicies = [], grants = [], request } = input;
  const caller = request.principal;

  for (const s of keyPolicy.statements) {
    if (
      s.effect === 'Deny' &&
      principalMatch(s, caller) !== 'none' &&
      statementApplies(s, request)
    ) {
      return {
        decision: 'Deny',
        reason: { kind: 'explicit-deny', source: 'key-policy', statement: statementRef(s) },
      };
    }
  }
  for (const [policy, p] of identityPolicies.entries()) {
    for (const s of p.statements) {
      if (s.effect === 'Deny' && statementApplies(s, request)) {
        return {
          decision: 'Deny',
          reason: {
            kind: 'explicit-deny',
            source: 'identity-policy',
            statement: statementRef(s),
            policy,
          },
        };
      }
    }
  }

  const crossAccount = caller.type !== 'service' && caller.accountId !== request.key.accountId;
  if (crossAccount && !CROSS_ACCOUNT_OPERATIONS.has(operationOf(request.action))) {
    return IMPLICIT_DENY;
  }

  // The key-policy statement that lets IAM decide for this caller, if any.
  let delegation: Statement | undefined;
  for (const s of keyPolicy.statements) {
    if (s.effect !== 'Allow') continue;
    const m = principalMatch(s, caller);
    if (m === 'none' || !statementApplies(s, request)) continue;
    // Across accounts the caller's own account must agree too, unless the caller is its root.
    if (m === 'direct' && (!crossAccount || caller.type === 'root')) {
      return {
        decision: 'Allow',
        reason: { kind: 'allow', source: 'key-policy', statement: statementRef(s) },
      };
    }
    delegation ??= s;
  }

  if (delegation !== undefined) {
    for (const [policy, p] of identityPolicies.entries()) {
      for (const s of p.statements) {
        if (s.effect === 'Allow' && statementApplies(s, request)) {
          return {
            decision: 'Allow',
            reason: {
              kind: 'allow',
              source: 'identity-policy',
              statement: statementRef(s),
              policy,
              keyPolicyStatement: statementRef(delegation),
            },
          };
        }
      }
    }
  }

  for (const g of grants) {
    if (grantAllows(g, request)) {
      return { decision: 'Allow', reason: { kind: 'allow', source: 'grant', grantId: g.grantId } };
    }
  }
  return IMPLICIT_DENY;
}
