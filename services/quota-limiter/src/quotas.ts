import { z } from 'zod';
import {
  CRYPTO_SYMMETRIC_CLASS,
  ConfigError,
  KmsError,
  SYMMETRIC_OPERATIONS,
  isAccountId,
  isRegion,
} from '@keyhold/core';

export { CRYPTO_SYMMETRIC_CLASS, SYMMETRIC_OPERATIONS };

const SYMMETRIC_BY_REGION: Readonly<Record<string, number>> = {
  'us-east-1': 100_000,
  'us-west-2': 100_000,
  'eu-west-1': 100_000,
  'us-east-2': 20_000,
  'ap-southeast-1': 20_000,
  'ap-southeast-2': 20_000,
  'ap-northeast-1': 20_000,
  'eu-central-1': 20_000,
  'eu-west-2': 20_000,
};
const SYMMETRIC_ELSEWHERE = 10_000;

const CUSTOM_KEY_STORE_OPERATIONS = [
  'ConnectCustomKeyStore',
  'CreateCustomKeyStore',
  'DeleteCustomKeyStore',
  'DescribeCustomKeyStores',
  'DisconnectCustomKeyStore',
  'UpdateCustomKeyStore',
];

/**
 * Per-API quotas, each its own class named by the operation. Operations whose
 * quota depends on the key spec (Sign, Verify, GenerateDataKeyPair, RSA/ECC
 * crypto) are not here: the limiter does not see the key.
 */
const PER_API_RATES: Readonly<Record<string, number>> = {
  ...Object.fromEntries(['DescribeKey', 'GetPublicKey', 'ListResourceTags'].map((o) => [o, 2000])),
  ...Object.fromEntries(['GetKeyPolicy', 'GetKeyRotationStatus'].map((o) => [o, 1000])),
  ...Object.fromEntries(['ListAliases', 'ListKeys'].map((o) => [o, 500])),
  ...Object.fromEntries(
    ['ListGrants', 'ListKeyPolicies', 'ListRetirableGrants', 'ListKeyRotations'].map((o) => [
      o,
      100,
    ]),
  ),
  ...Object.fromEntries(['CreateGrant', 'RetireGrant', 'RevokeGrant'].map((o) => [o, 50])),
  ...Object.fromEntries(
    [
      'DeleteAlias',
      'DeleteImportedKeyMaterial',
      'EnableKeyRotation',
      'ImportKeyMaterial',
      'PutKeyPolicy',
      'ScheduleKeyDeletion',
    ].map((o) => [o, 15]),
  ),
  TagResource: 10,
  ...Object.fromEntries(
    [
      'CancelKeyDeletion',
      'CreateAlias',
      'CreateKey',
      'DisableKey',
      'DisableKeyRotation',
      'EnableKey',
      'ReplicateKey',
      'RotateKeyOnDemand',
      'UntagResource',
      'UpdateAlias',
      'UpdateKeyDescription',
      'UpdatePrimaryRegion',
      'GetKeyLastUsage',
      ...CUSTOM_KEY_STORE_OPERATIONS,
    ].map((o) => [o, 5]),
  ),
  GetParametersForImport: 1,
};

/** Every quota class, the shared symmetric one first. */
export const QUOTA_CLASSES: readonly string[] = [
  CRYPTO_SYMMETRIC_CLASS,
  ...Object.keys(PER_API_RATES).sort(),
];

/** The quota class an AWS operation spends, or undefined for operations without one here. */
export function quotaClassOf(operation: string): string | undefined {
  if (SYMMETRIC_OPERATIONS.includes(operation)) return CRYPTO_SYMMETRIC_CLASS;
  return Object.hasOwn(PER_API_RATES, operation) ? operation : undefined;
}

export interface QuotaLimit {
  /** Tokens per second. */
  readonly rate: number;
  /** Bucket capacity. */
  readonly burst: number;
}

/**
 * The bucket capacity when a limit names none. AWS counts each quota per
 * second, so a bucket as deep as the rate would let the first second after an
 * idle spell admit twice the quota; a tenth of the rate bounds any one second
 * to 1.1x. Small quotas keep up to 10 so that a script's few back-to-back calls
 * within its quota are not throttled.
 */
export function defaultBurst(rate: number): number {
  return Math.max(1, Math.ceil(rate / 10), Math.min(rate, 10));
}

/** The AWS default for a class in a region, with the default burst. */
export function defaultLimit(region: string, quotaClass: string): QuotaLimit {
  const rate =
    quotaClass === CRYPTO_SYMMETRIC_CLASS
      ? (SYMMETRIC_BY_REGION[region] ?? SYMMETRIC_ELSEWHERE)
      : (PER_API_RATES[quotaClass] ?? 0);
  if (rate <= 0) throw new RangeError(`unknown quota class ${quotaClass}`);
  return { rate, burst: defaultBurst(rate) };
}

const limitSchema = z.strictObject({
  rate: z.number().positive().finite(),
  burst: z.number().min(1).finite().optional(),
});
const classMapSchema = z.record(
  z.string().refine((c) => QUOTA_CLASSES.includes(c), { message: 'unknown quota class' }),
  limitSchema,
);
const fileSchema = z.strictObject({
  default: classMapSchema.optional(),
  regions: z
    .record(z.string().refine(isRegion, { message: 'not a region' }), classMapSchema)
    .optional(),
  accounts: z
    .record(
      z.string().refine(isAccountId, { message: 'not a 12-digit account id' }),
      classMapSchema,
    )
    .optional(),
});

type ClassMap = Readonly<Record<string, QuotaLimit>>;

/** Overrides of the AWS defaults from KEYHOLD_QUOTA_FILE; accounts win over regions over default. */
export interface QuotaOverrides {
  readonly default: ClassMap;
  readonly regions: Readonly<Record<string, ClassMap>>;
  readonly accounts: Readonly<Record<string, ClassMap>>;
}

export const NO_OVERRIDES: QuotaOverrides = { default: {}, regions: {}, accounts: {} };

const withBurst = (
  m: Record<string, { rate: number; burst?: number | undefined }> | undefined,
): ClassMap =>
  Object.fromEntries(
    Object.entries(m ?? {}).map(([c, l]) => [
      c,
      { rate: l.rate, burst: l.burst ?? defaultBurst(l.rate) },
    ]),
  );

/** Validates a quota file's text; every problem is reported in one ConfigError. */
export function parseQuotaFile(text: string, source = 'KEYHOLD_QUOTA_FILE'): QuotaOverrides {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError('quota-limiter', [`${source}: is not valid JSON`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      'quota-limiter',
      parsed.error.issues.map((i) => {
        // A bad record key nests the key schema's own message.
        const message = i.code === 'invalid_key' ? (i.issues[0]?.message ?? i.message) : i.message;
        return `${source}: ${i.path.join('.') || '(root)'}: ${message}`;
      }),
    );
  }
  const mapValues = (
    r: Record<string, Record<string, { rate: number; burst?: number | undefined }>> | undefined,
  ) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, withBurst(v)]));
  return {
    default: withBurst(parsed.data.default),
    regions: mapValues(parsed.data.regions),
    accounts: mapValues(parsed.data.accounts),
  };
}

/** Where a limit comes from, most specific last. */
export const QUOTA_SOURCES = ['aws-default', 'default', 'region', 'account'] as const;
export type QuotaSource = (typeof QUOTA_SOURCES)[number];

export interface ResolvedLimit extends QuotaLimit {
  readonly source: QuotaSource;
}

/**
 * The limit of one (region, account, class) from layers of overrides (live
 * ones first, then the file's): the most specific scope wins (account, then
 * region, then default, then the AWS default); within one scope, the earlier
 * layer wins.
 */
export function resolveLayered(
  layers: readonly QuotaOverrides[],
  region: string,
  accountId: string,
  quotaClass: string,
): ResolvedLimit {
  for (const l of layers) {
    const hit = l.accounts[accountId]?.[quotaClass];
    if (hit) return { ...hit, source: 'account' };
  }
  for (const l of layers) {
    const hit = l.regions[region]?.[quotaClass];
    if (hit) return { ...hit, source: 'region' };
  }
  for (const l of layers) {
    const hit = l.default[quotaClass];
    if (hit) return { ...hit, source: 'default' };
  }
  return { ...defaultLimit(region, quotaClass), source: 'aws-default' };
}

/** The limit of one (region, account, class): account override, region override, default override, AWS default. */
export function resolveLimit(
  overrides: QuotaOverrides,
  region: string,
  accountId: string,
  quotaClass: string,
): QuotaLimit {
  const { rate, burst } = resolveLayered([overrides], region, accountId, quotaClass);
  return { rate, burst };
}

/** Where an override applies: neither field = everywhere; one of them, not both. */
export interface QuotaScope {
  readonly region?: string | undefined;
  readonly accountId?: string | undefined;
}

/** Checks a scope and class from an admin call; throws ValidationException. */
export function assertOverrideTarget(scope: QuotaScope, quotaClass: string): void {
  const problems: string[] = [];
  if (scope.region && scope.accountId)
    problems.push('a scope names a region or an account, not both');
  if (scope.region && !isRegion(scope.region)) problems.push(`'${scope.region}' is not a region`);
  if (scope.accountId && !isAccountId(scope.accountId))
    problems.push(`'${scope.accountId}' is not a 12-digit account id`);
  if (!QUOTA_CLASSES.includes(quotaClass))
    problems.push(
      `'${quotaClass}' is not a quota class (${CRYPTO_SYMMETRIC_CLASS} or an operation name)`,
    );
  if (problems.length > 0)
    throw KmsError.validation(`Invalid quota override: ${problems.join('; ')}.`);
}

/** Checks a limit from an admin call; returns it with the burst defaulted (defaultBurst). */
export function checkedLimit(rate: number, burst: number | undefined): QuotaLimit {
  if (!(rate > 0) || !Number.isFinite(rate) || rate > 10_000_000)
    throw KmsError.validation('rate must be > 0 and at most 10000000 per second.');
  const b = burst === undefined || burst === 0 ? defaultBurst(rate) : burst;
  if (!(b >= 1) || !Number.isFinite(b) || b > 10_000_000)
    throw KmsError.validation('burst must be >= 1 and at most 10000000.');
  return { rate, burst: b };
}

function scopeMap(o: QuotaOverrides, scope: QuotaScope): ClassMap | undefined {
  if (scope.accountId) return o.accounts[scope.accountId];
  if (scope.region) return o.regions[scope.region];
  return o.default;
}

function withScopeMap(o: QuotaOverrides, scope: QuotaScope, map: ClassMap): QuotaOverrides {
  const prune = (r: Readonly<Record<string, ClassMap>>, k: string) => {
    const next = { ...r };
    if (Object.keys(map).length === 0) delete next[k];
    else next[k] = map;
    return next;
  };
  if (scope.accountId) return { ...o, accounts: prune(o.accounts, scope.accountId) };
  if (scope.region) return { ...o, regions: prune(o.regions, scope.region) };
  return { ...o, default: map };
}

/** A copy of `o` with the class limit set at the scope. */
export function withOverride(
  o: QuotaOverrides,
  scope: QuotaScope,
  quotaClass: string,
  limit: QuotaLimit,
): QuotaOverrides {
  return withScopeMap(o, scope, { ...scopeMap(o, scope), [quotaClass]: limit });
}

/** A copy of `o` without the class limit at the scope (same object when there was none). */
export function withoutOverride(
  o: QuotaOverrides,
  scope: QuotaScope,
  quotaClass: string,
): QuotaOverrides {
  const map = scopeMap(o, scope);
  if (!map || !Object.hasOwn(map, quotaClass)) return o;
  const { [quotaClass]: _removed, ...rest } = map;
  return withScopeMap(o, scope, rest);
}

export interface OverrideEntry {
  readonly scope: { readonly region: string; readonly accountId: string };
  readonly quotaClass: string;
  readonly limit: QuotaLimit;
}

/** Every override, default scope first, then regions, then accounts, sorted. */
export function overrideEntries(o: QuotaOverrides): OverrideEntry[] {
  const out: OverrideEntry[] = [];
  const add = (region: string, accountId: string, map: ClassMap) => {
    for (const c of Object.keys(map).sort())
      out.push({ scope: { region, accountId }, quotaClass: c, limit: map[c]! });
  };
  add('', '', o.default);
  for (const r of Object.keys(o.regions).sort()) add(r, '', o.regions[r]!);
  for (const a of Object.keys(o.accounts).sort()) add('', a, o.accounts[a]!);
  return out;
}

/** The JSON text of overrides, in the quota file's format (parseQuotaFile reads it back). */
export function formatQuotaFile(o: QuotaOverrides): string {
  return `${JSON.stringify({ default: o.default, regions: o.regions, accounts: o.accounts }, null, 2)}\n`;
}
