import { evaluatePolicies } from './evaluate-policies.js';
import type { CallerPrincipal, KeyAttributes, Policy, RequestContext } from './types.js';

/** Options for {@link wouldLockOut}. */
export interface LockoutOptions {
  /**
   * The caller's identity policies. When omitted, IAM is assumed to allow
   * (what matters is whether the key policy itself shuts the caller out).
   */
  readonly identityPolicies?: readonly Policy[];
  /** The key; for CreateKey a placeholder in the caller's account is used. */
  readonly key?: KeyAttributes;
  /** The rest of the current request's context (source IP, time, ...) for conditions. */
  readonly context?: Omit<Partial<RequestContext>, 'principal' | 'action' | 'key'>;
}

const ALLOW_ALL: Policy = {
  version: '2012-10-17',
  id: undefined,
  statements: [
    {
      index: 0,
      sid: undefined,
      effect: 'Allow',
      principal: undefined,
      action: { negated: false, patterns: ['*'] },
      resource: { negated: false, patterns: ['*'] },
      conditions: [],
    },
  ],
};

/**
 * The lockout safety check: true when `policy`, as the key's new policy,
 * would not allow `caller` a later `kms:PutKeyPolicy`. CreateKey and
 * PutKeyPolicy reject such a policy with MalformedPolicyDocumentException
 * unless `BypassPolicyLockoutSafetyCheck` is true.
 */
export function wouldLockOut(
  policy: Policy,
  caller: CallerPrincipal,
  options: LockoutOptions = {},
): boolean {
  const key = options.key ?? {
    arn: `arn:aws:kms:${options.context?.region ?? 'us-east-1'}:${caller.accountId}:key/00000000-0000-0000-0000-000000000000`,
    accountId: caller.accountId,
  };
  const request: RequestContext = {
    ...options.context,
    principal: caller,
    action: 'kms:PutKeyPolicy',
    key,
  };
  const decision = evaluatePolicies({
    keyPolicy: policy,
    identityPolicies: options.identityPolicies ?? [ALLOW_ALL],
    request,
  });
  return decision.decision !== 'Allow';
}
