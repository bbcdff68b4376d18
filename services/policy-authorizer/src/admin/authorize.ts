import { KmsError } from '@keyhold/core';
import { evaluatePolicies, parsePolicy } from '@keyhold/policy';
import type { Policy } from '@keyhold/policy';
import type { Identity, IdentityStore } from '../identities.js';

/**
 * The resource-side policy of every admin call: it delegates to IAM, so the
 * caller's identity policies alone decide (the account root included: it
 * gets no implicit rights here). The caller's own account stands as the
 * resource's, so a policy may name resources of any account:
 * `Resource: "*"` makes a platform admin, `arn:aws:iam::<acct>:*` an
 * account admin.
 */
function delegation(accountId: string): Policy {
  return parsePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: accountId }, Action: 'iam:*', Resource: '*' },
      ],
    }),
  );
}

/** True when the caller's identity policies allow `action` (an `iam:` name) on `resource`. */
export function adminAllowed(
  identities: IdentityStore,
  caller: Identity,
  action: string,
  resource: string,
  now: Date,
): boolean {
  // Service principals administer nothing.
  if (caller.servicePrincipal !== undefined) return false;
  const decision = evaluatePolicies({
    keyPolicy: delegation(caller.accountId),
    identityPolicies: identities.policiesOf(caller.principalArn).parsed,
    request: {
      principal: { arn: caller.principalArn, accountId: caller.accountId, type: 'user' },
      action,
      key: { arn: resource, accountId: caller.accountId },
      time: now,
    },
  });
  return decision.decision === 'Allow';
}

/** @throws AccessDeniedException unless {@link adminAllowed}. */
export function assertAdminAllowed(
  identities: IdentityStore,
  caller: Identity,
  action: string,
  resource: string,
  now: Date,
): void {
  if (!adminAllowed(identities, caller, action, resource, now)) {
    throw new KmsError(
      'AccessDeniedException',
      `User: ${caller.principalArn} is not authorized to perform: ${action} on resource: ${resource}`,
    );
  }
}
