import { z } from 'zod';
import { ConfigError, isKmsError } from '@keyhold/core';
import { parsePolicy, serializePolicy } from '@keyhold/policy';
import type { Policy } from '@keyhold/policy';
import { ACCOUNT_ID, PRINCIPAL_ARN } from './identity/names.js';

const accessKeySchema = z.strictObject({
  accessKeyId: z
    .string()
    .regex(/^[\w+=,.@-]{1,128}$/, 'must be 1-128 characters of [A-Za-z0-9_+=,.@-]'),
  secretAccessKey: z.string().min(1).max(256),
});

const principalSchema = z.strictObject({
  arn: z
    .string()
    .regex(PRINCIPAL_ARN, 'must be arn:aws:iam::<12-digit account>:root|user/<name>|role/<name>'),
  accessKeys: z.array(accessKeySchema),
  /**
   * Identity (IAM) policy documents attached to the principal, seeded as
   * inline policies named `seed-<index>`. Absent or `[]`: none (as in AWS, a
   * principal without identity policies may do nothing the key policy does
   * not allow it directly).
   */
  policies: z.array(z.record(z.string(), z.unknown())).optional(),
});

const accountSchema = z.strictObject({
  accountId: z.string().regex(ACCOUNT_ID, 'must be 12 digits'),
  principals: z.array(principalSchema),
});

const identitiesSchema = z.strictObject({ accounts: z.array(accountSchema) });

export type IdentitiesDocument = z.infer<typeof identitiesSchema>;

/** Who owns an access key; the secret stays inside this service. */
export interface Identity {
  readonly accountId: string;
  readonly principalArn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Set when the key belongs to a service principal; `principalArn` is then its name. */
  readonly servicePrincipal?: string;
}

/** A principal's identity policies: parsed for evaluation, serialized for bundles. */
export interface IdentityPolicies {
  readonly parsed: readonly Policy[];
  readonly documents: readonly string[];
}

/** The identities known to this service, looked up by access key id. */
export interface IdentityStore {
  byAccessKeyId(accessKeyId: string): Identity | undefined;
  /** The principal's identity policies; none for a principal this store does not know. */
  policiesOf(principalArn: string): IdentityPolicies;
  readonly size: number;
}

const NO_POLICIES: IdentityPolicies = Object.freeze({ parsed: [], documents: [] });

/**
 * Validates an identities document (the seed file). Every problem, shape
 * errors, policies that do not parse and cross-entry rules (ARN in its own
 * account, unique ids), is reported in one ConfigError. Messages name paths,
 * never secrets.
 */
export function validateIdentities(
  json: string,
  source = 'KEYHOLD_IDENTITIES',
): IdentitiesDocument {
  return checked(json, source).document;
}

/** An in-memory store of a validated identities document (tests and tools). */
export function parseIdentities(json: string, source = 'KEYHOLD_IDENTITIES'): IdentityStore {
  const { document, policies } = checked(json, source);
  return storeOf(document, policies);
}

function checked(
  json: string,
  source: string,
): { document: IdentitiesDocument; policies: Map<string, IdentityPolicies> } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError('policy-authorizer', [`${source}: is not valid JSON`]);
  }
  const problems: string[] = [];
  const parsed = identitiesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
  }
  problems.push(...crossChecks(raw).map((p) => `${source}: ${p}`));
  const policies = new Map<string, IdentityPolicies>();
  if (parsed.success) {
    parsed.data.accounts.forEach((account, a) =>
      account.principals.forEach((principal, p) => {
        const docs = principal.policies?.map((d) => JSON.stringify(d)) ?? [];
        const out: Policy[] = [];
        docs.forEach((doc, i) => {
          try {
            out.push(parsePolicy(doc, { kind: 'identity' }));
          } catch (err) {
            if (!isKmsError(err)) throw err;
            problems.push(`${source}: accounts.${a}.principals.${p}.policies.${i}: ${err.message}`);
          }
        });
        policies.set(principal.arn, {
          parsed: out,
          documents: out.map((policy) => serializePolicy(policy)),
        });
      }),
    );
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError('policy-authorizer', problems);
  return { document: parsed.data, policies };
}

function storeOf(
  document: IdentitiesDocument,
  policies: ReadonlyMap<string, IdentityPolicies>,
): IdentityStore {
  const byKey = new Map<string, Identity>();
  for (const account of document.accounts) {
    for (const principal of account.principals) {
      for (const key of principal.accessKeys) {
        byKey.set(key.accessKeyId, {
          accountId: account.accountId,
          principalArn: principal.arn,
          accessKeyId: key.accessKeyId,
          secretAccessKey: key.secretAccessKey,
        });
      }
    }
  }
  return {
    byAccessKeyId: (id) => byKey.get(id),
    policiesOf: (arn) => policies.get(arn) ?? NO_POLICIES,
    size: byKey.size,
  };
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, name: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined;

// Runs on the raw document so that these are reported even when the shape
// has errors elsewhere (a schema refinement would be skipped then).
function crossChecks(raw: unknown): string[] {
  const problems: string[] = [];
  const accountSeen = new Map<string, string>();
  const arnSeen = new Map<string, string>();
  const keySeen = new Map<string, string>();
  asArray(field(raw, 'accounts')).forEach((account, a) => {
    const accountId = field(account, 'accountId');
    if (typeof accountId === 'string') {
      const first = accountSeen.get(accountId);
      if (first) problems.push(`accounts.${a}.accountId: duplicate of ${first}`);
      else accountSeen.set(accountId, `accounts.${a}.accountId`);
    }
    asArray(field(account, 'principals')).forEach((principal, p) => {
      const where = `accounts.${a}.principals.${p}`;
      const arn = field(principal, 'arn');
      if (typeof arn === 'string') {
        const m = PRINCIPAL_ARN.exec(arn);
        if (m && typeof accountId === 'string' && m[1] !== accountId) {
          problems.push(`${where}.arn: must be in account ${accountId}`);
        }
        const first = arnSeen.get(arn);
        if (first) problems.push(`${where}.arn: duplicate of ${first}`);
        else arnSeen.set(arn, `${where}.arn`);
      }
      asArray(field(principal, 'accessKeys')).forEach((key, k) => {
        const id = field(key, 'accessKeyId');
        if (typeof id !== 'string') return;
        const first = keySeen.get(id);
        if (first) problems.push(`${where}.accessKeys.${k}.accessKeyId: duplicate of ${first}`);
        else keySeen.set(id, `${where}.accessKeys.${k}.accessKeyId`);
      });
    });
  });
  return problems;
}
