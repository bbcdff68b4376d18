import { memoize } from '@keyhold/core';
import type { RequestContext } from './types.js';

/** Reads one condition key's values from a request; undefined when the key is missing. */
export type KeyResolver = (ctx: RequestContext) => readonly string[] | undefined;

const one = (v: string | undefined): readonly string[] | undefined =>
  v === undefined || v === '' ? undefined : [v];
const flag = (v: boolean | undefined): readonly string[] | undefined =>
  v === undefined ? undefined : [String(v)];
const num = (v: number | undefined): readonly string[] | undefined =>
  v === undefined ? undefined : [String(v)];
const many = (v: readonly string[] | undefined): readonly string[] | undefined =>
  v === undefined || v.length === 0 ? undefined : v;

/** Values of `record` whose key, lower-cased, is `lowerName`. */
function lookupIgnoreCase(
  record: Readonly<Record<string, string>> | undefined,
  lowerName: string,
): readonly string[] | undefined {
  if (record === undefined) return undefined;
  const out: string[] = [];
  for (const [k, v] of Object.entries(record)) {
    if (k.toLowerCase() === lowerName) out.push(v);
  }
  return many(out);
}

// An assumed-role session is matched by its role (aws:PrincipalArn is the role ARN).
const STS_SESSION = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * The IAM ARN a caller is known by in policies: the role for an STS session.
 * Memoised: callers repeat, and this runs once per statement per decision.
 */
export const principalIamArn = memoize((arn: string): string => {
  const m = STS_SESSION.exec(arn);
  return m === null ? arn : `arn:${m[1] ?? 'aws'}:iam::${m[2] ?? ''}:role/${m[3] ?? ''}`;
});

const PRINCIPAL_TYPE = {
  user: 'User',
  role: 'AssumedRole',
  root: 'Account',
  service: 'AWSService',
};

// Over 50 aliases AWS stops evaluating kms:ResourceAliases; the key is then missing.
const MAX_RESOURCE_ALIASES = 50;

const KEYS: Readonly<Record<string, KeyResolver>> = {
  'kms:encryptioncontextkeys': (c) => many(Object.keys(c.encryptionContext ?? {})),
  'kms:calleraccount': (c) => one(c.principal.accountId),
  'kms:viaservice': (c) => one(c.viaService),
  'kms:grantoperations': (c) => many(c.grant?.operations),
  'kms:grantisforawsresource': (c) => flag(c.grant?.isForAwsResource),
  'kms:granteeprincipal': (c) => one(c.grant?.granteePrincipal),
  'kms:retiringprincipal': (c) => one(c.grant?.retiringPrincipal),
  'kms:grantconstrainttype': (c) => {
    const k = c.grant?.constraints;
    if (k === undefined) return undefined;
    const types: string[] = [];
    if (k.encryptionContextEquals !== undefined) types.push('EncryptionContextEquals');
    if (k.encryptionContextSubset !== undefined) types.push('EncryptionContextSubset');
    return many(types);
  },
  'kms:requestalias': (c) => one(c.requestAlias),
  'kms:resourcealiases': (c) =>
    (c.key.aliases?.length ?? 0) > MAX_RESOURCE_ALIASES ? undefined : many(c.key.aliases),
  'kms:keyspec': (c) => one(c.key.keySpec),
  'kms:customermasterkeyspec': (c) => one(c.key.keySpec),
  'kms:keyusage': (c) => one(c.key.keyUsage),
  'kms:customermasterkeyusage': (c) => one(c.key.keyUsage),
  'kms:keyorigin': (c) => one(c.key.origin),
  'kms:multiregion': (c) => flag(c.key.multiRegion),
  'kms:rotationperiodindays': (c) => num(c.parameters?.rotationPeriodInDays),
  'kms:schedulekeydeletionpendingwindowindays': (c) => num(c.parameters?.pendingWindowInDays),
  'kms:bypasspolicylockoutsafetycheck': (c) => flag(c.parameters?.bypassPolicyLockoutSafetyCheck),
  'kms:encryptionalgorithm': (c) => one(c.parameters?.encryptionAlgorithm),
  'kms:signingalgorithm': (c) => one(c.parameters?.signingAlgorithm),
  'kms:macalgorithm': (c) => one(c.parameters?.macAlgorithm),
  'kms:datakeypairspec': (c) => one(c.parameters?.dataKeyPairSpec),
  'kms:messagetype': (c) => one(c.parameters?.messageType),
  'kms:reencryptonsamekey': (c) => flag(c.parameters?.reEncryptOnSameKey),
  'aws:principalarn': (c) =>
    c.principal.type === 'service' ? undefined : one(principalIamArn(c.principal.arn)),
  'aws:principalaccount': (c) => one(c.principal.accountId),
  'aws:principaltype': (c) => [PRINCIPAL_TYPE[c.principal.type]],
  'aws:principalservicename': (c) =>
    c.principal.type === 'service' ? one(c.principal.arn) : undefined,
  'aws:sourceip': (c) => one(c.sourceIp),
  'aws:currenttime': (c) => (c.time === undefined ? undefined : [c.time.toISOString()]),
  'aws:epochtime': (c) =>
    c.time === undefined ? undefined : [String(Math.floor(c.time.getTime() / 1000))],
  'aws:securetransport': (c) => flag(c.secureTransport),
  'aws:requestedregion': (c) => one(c.region),
  'aws:tagkeys': (c) => many(c.tagKeys ?? Object.keys(c.requestTags ?? {})),
  'aws:sourcearn': (c) => one(c.sourceArn),
  'aws:sourceaccount': (c) => one(c.sourceAccount),
};

const PREFIXES: readonly (readonly [string, (name: string) => KeyResolver])[] = [
  ['kms:encryptioncontext:', (name) => (c) => lookupIgnoreCase(c.encryptionContext, name)],
  ['aws:resourcetag/', (name) => (c) => lookupIgnoreCase(c.key.tags, name)],
  ['aws:requesttag/', (name) => (c) => lookupIgnoreCase(c.requestTags, name)],
];

const MISSING: KeyResolver = () => undefined;

/**
 * The resolver for a condition key name (case-insensitive). Keys Keyhold does
 * not know resolve to missing, as unknown keys do in AWS.
 */
export function conditionKeyResolver(key: string): KeyResolver {
  const lower = key.toLowerCase();
  const direct = KEYS[lower];
  if (direct !== undefined) return direct;
  for (const [prefix, make] of PREFIXES) {
    if (lower.startsWith(prefix) && lower.length > prefix.length) {
      return make(lower.slice(prefix.length));
    }
  }
  return MISSING;
}

/** The names (lower case) of the fixed condition keys Keyhold resolves. */
export const KNOWN_CONDITION_KEYS: readonly string[] = Object.keys(KEYS);
