import type {
  CallerPrincipal,
  DecisionReason,
  Grant,
  KeyAttributes,
  Policy,
} from './language/types.js';

/**
 * What the local evaluator needs to decide requests on one key, assembled and
 * versioned by policy-authorizer (`GetDecisionBundle`) and cached by
 * crypto-worker until the key's next event. The caller's identity policies
 * are fetched and cached separately, per principal.
 */
export interface DecisionBundle {
  readonly key: KeyAttributes;
  /** The key's state in the authorizer's read model (crypto-worker checks its own copy). */
  readonly keyState: string;
  readonly keyPolicy: Policy;
  readonly grants: readonly Grant[];
  /** The key stream version the bundle was built from (int64 as a decimal string). */
  readonly version: string;
}

/**
 * A service principal's name: DNS-style, never an ARN (`s3.amazonaws.com`,
 * `objectstore.keyhold.internal`); policy-authorizer registers names by the
 * same rule. IAM callers always come as `arn:` ARNs, and the cluster's own
 * system callers as `keyhold:...` (a colon no DNS name has), so nothing else
 * can pass for a service.
 */
const SERVICE_PRINCIPAL =
  /^(?=.{3,128}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/**
 * The caller as the evaluator sees it, from the authenticated principal:
 * `:root` is the account's root user, `user/...` a user, `role/...` and STS
 * `assumed-role/...` a role, and a service principal name (any the
 * authorizer knows, not only `*.amazonaws.com`) a service, which has no
 * account: a key policy must name it with `"Service"`.
 */
export function callerPrincipal(principalArn: string, accountId: string): CallerPrincipal {
  // The pattern admits no colon: an ARN (every request from an IAM caller) skips it.
  if (!principalArn.includes(':') && SERVICE_PRINCIPAL.test(principalArn)) {
    return { arn: principalArn, accountId: '', type: 'service' };
  }
  const resource = principalArn.split(':').slice(5).join(':');
  const type =
    resource === 'root'
      ? 'root'
      : resource.startsWith('role/') || resource.startsWith('assumed-role/')
        ? 'role'
        : 'user';
  return { arn: principalArn, accountId, type };
}

const statementName = (s: string | number): string =>
  typeof s === 'number' ? `statement #${s}` : `statement '${s}'`;

/**
 * A decision's reason in words, for audit records and logs (never for the
 * caller, who gets AWS's AccessDenied message): which statement or grant
 * decided, or `no allow`.
 */
export function describeReason(reason: DecisionReason): string {
  switch (reason.kind) {
    case 'implicit-deny':
      return 'no allow';
    case 'explicit-deny':
      return reason.source === 'key-policy'
        ? `explicit deny: key policy ${statementName(reason.statement)}`
        : `explicit deny: identity policy #${reason.policy ?? 0} ${statementName(reason.statement)}`;
    case 'allow':
      if (reason.source === 'grant') return `allow: grant ${reason.grantId}`;
      if (reason.source === 'key-policy') {
        return `allow: key policy ${statementName(reason.statement)}`;
      }
      return `allow: identity policy #${reason.policy} ${statementName(reason.statement)} (key policy ${statementName(reason.keyPolicyStatement)})`;
  }
}
