import { KmsError, isKmsError } from '@keyhold/core';
import { parsePolicy } from '@keyhold/policy';
import type { DecisionBundle, Grant, Policy } from '@keyhold/policy';
import type { DecisionBundle__Output, IdentityPolicies__Output } from '@keyhold/proto';

// A policy the authorizer handed over but this evaluator cannot read (a
// version skew between the two) allows nothing rather than failing requests
// that a grant may still allow.
const ALLOWS_NOTHING: Policy = { version: '2012-10-17', id: undefined, statements: [] };

function readPolicy(json: string, kind: 'key' | 'identity'): Policy {
  try {
    return parsePolicy(json, { kind });
  } catch (err) {
    if (!isKmsError(err)) throw err;
    return ALLOWS_NOTHING;
  }
}

/** The authorizer's bundle as the evaluator takes it: the key policy parsed once, here. */
export function toDecisionBundle(b: DecisionBundle__Output): DecisionBundle {
  if (b.keyArn === '' || b.keyAccountId === '') {
    throw KmsError.internal(new Error('GetDecisionBundle returned no key'));
  }
  return {
    key: {
      arn: b.keyArn,
      accountId: b.keyAccountId,
      keySpec: b.keySpec,
      keyUsage: b.keyUsage,
      origin: b.origin,
      multiRegion: b.multiRegion,
      aliases: b.aliases,
      tags: b.tags,
    },
    keyState: b.keyState,
    keyPolicy: readPolicy(b.keyPolicy, 'key'),
    grants: b.grants.map((g): Grant => ({
      grantId: g.grantId,
      granteePrincipal: g.granteePrincipal,
      operations: g.operations,
      ...(g.retiringPrincipal ? { retiringPrincipal: g.retiringPrincipal } : {}),
      ...(g.issuingAccount ? { issuingAccount: g.issuingAccount } : {}),
      ...(g.encryptionContextEquals || g.encryptionContextSubset
        ? {
            constraints: {
              ...(g.encryptionContextEquals
                ? { encryptionContextEquals: g.encryptionContextEquals.pairs }
                : {}),
              ...(g.encryptionContextSubset
                ? { encryptionContextSubset: g.encryptionContextSubset.pairs }
                : {}),
            },
          }
        : {}),
    })),
    version: b.version,
  };
}

/** The caller's identity policies, parsed. */
export function toIdentityPolicies(res: IdentityPolicies__Output): readonly Policy[] {
  return res.policies.map((p) => readPolicy(p, 'identity'));
}
