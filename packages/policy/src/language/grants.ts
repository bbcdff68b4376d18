import { principalIamArn } from './context-keys.js';
import type { CallerPrincipal, Grant, GrantConstraints, RequestContext } from './types.js';

/** Operations a grant can allow. */
export const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
] as const;

// Constraints only make sense where an encryption context does; AWS ignores them for these.
const CONSTRAINTS_IGNORED = new Set(['describekey', 'retiregrant']);

type Context = Readonly<Record<string, string>>;

function lowerKeys(ec: Context): Map<string, string> {
  return new Map(Object.entries(ec).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Every pair of `subset` is in `ec`: keys case-insensitive, values case-sensitive. */
function containsPairs(ec: Context, subset: Context): boolean {
  const have = lowerKeys(ec);
  return Object.entries(subset).every(([k, v]) => have.get(k.toLowerCase()) === v);
}

function sameContext(a: Context, b: Context): boolean {
  return lowerKeys(a).size === lowerKeys(b).size && containsPairs(a, b);
}

/** True when the request's encryption context satisfies the grant's constraints. */
export function constraintsSatisfied(
  constraints: GrantConstraints | undefined,
  ec: Context | undefined,
): boolean {
  if (constraints === undefined) return true;
  const context = ec ?? {};
  const { encryptionContextEquals: equals, encryptionContextSubset: subset } = constraints;
  if (equals !== undefined && !sameContext(context, equals)) return false;
  if (subset !== undefined && !containsPairs(context, subset)) return false;
  return true;
}

/** A grant created through a grant must be at least as strict as its parent. */
function atLeastAsStrict(
  parent: GrantConstraints | undefined,
  child: GrantConstraints | undefined,
): boolean {
  if (parent === undefined) return true;
  const childEquals = child?.encryptionContextEquals;
  const childSubset = child?.encryptionContextSubset;
  if (parent.encryptionContextEquals !== undefined) {
    return childEquals !== undefined && sameContext(childEquals, parent.encryptionContextEquals);
  }
  const parentSubset = parent.encryptionContextSubset;
  if (parentSubset === undefined) return true;
  if (childEquals !== undefined) return containsPairs(childEquals, parentSubset);
  return childSubset !== undefined && containsPairs(childSubset, parentSubset);
}

function isGrantee(grant: Grant, caller: CallerPrincipal): boolean {
  if (caller.type === 'service')
    return grant.granteePrincipal.toLowerCase() === caller.arn.toLowerCase();
  return (
    grant.granteePrincipal === caller.arn || grant.granteePrincipal === principalIamArn(caller.arn)
  );
}

function isRetiringPrincipal(grant: Grant, caller: CallerPrincipal): boolean {
  const r = grant.retiringPrincipal;
  return r !== undefined && (r === caller.arn || r === principalIamArn(caller.arn));
}

/** The operation name of an action: `kms:Decrypt` -> `decrypt`. */
export function operationOf(action: string): string {
  const lower = action.toLowerCase();
  return lower.startsWith('kms:') ? lower.slice(4) : lower;
}

/**
 * True when the grant allows the request: the caller is the grantee, the
 * operation is one of the grant's, and the constraints hold (ignored for
 * DescribeKey and RetireGrant; for CreateGrant the new grant must be at least
 * as strict and ask for no more operations). RetireGrant of this very grant
 * is also allowed to its retiring principal and to its issuing account's root.
 */
export function grantAllows(grant: Grant, ctx: RequestContext): boolean {
  const op = operationOf(ctx.action);
  const caller = ctx.principal;
  if (op === 'retiregrant' && ctx.grant?.grantId === grant.grantId) {
    if (isRetiringPrincipal(grant, caller)) return true;
    if (caller.type === 'root' && caller.accountId === grant.issuingAccount) return true;
  }
  if (!isGrantee(grant, caller)) return false;
  const ops = grant.operations.map((o) => o.toLowerCase());
  if (!ops.includes(op)) return false;
  if (op === 'retiregrant') return ctx.grant?.grantId === grant.grantId;
  if (CONSTRAINTS_IGNORED.has(op)) return true;
  if (op === 'creategrant') {
    const requested = ctx.grant?.operations ?? [];
    return (
      requested.every((o) => ops.includes(o.toLowerCase())) &&
      atLeastAsStrict(grant.constraints, ctx.grant?.constraints)
    );
  }
  return constraintsSatisfied(grant.constraints, ctx.encryptionContext);
}
