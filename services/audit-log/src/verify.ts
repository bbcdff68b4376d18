import type { AuditRecord } from '@keyhold/bus';
import type { Sql } from 'postgres';
import { GENESIS_HASH, startWalk, walkLinks } from './chain.js';
import type { ChainProblem, StoredLink } from './chain.js';
import { indexColumns } from './records.js';
import { verifySignature } from './signing.js';

export interface VerifyOptions {
  /** Only this region's chain. @default every region */
  readonly region?: string | undefined;
  /** Raw Ed25519 public key every digest must be signed with; else any key in audit.public_keys. */
  readonly trustedPublicKey?: Buffer | undefined;
  /**
   * Records older than this many days may have been removed by retention, so
   * a chain may start after a signed digest this old. 0 = no retention: a
   * chain must start at sequence 1.
   */
  readonly retentionDays: number;
  /** @default 2000 */
  readonly pageSize?: number;
}

export interface ChainReport {
  readonly region: string;
  readonly ok: boolean;
  readonly recordsChecked: number;
  readonly firstSequence: string;
  readonly lastSequence: string;
  readonly digestsVerified: number;
  readonly signingKeyIds: string[];
  readonly problem?: {
    readonly kind: string;
    readonly sequence: string;
    readonly eventId: string;
    readonly detail: string;
  };
}

interface DigestRow {
  region: string;
  to_sequence: string;
  from_sequence: string;
  last_hash: Buffer;
  digest_time: Date;
  key_id: string;
  payload: string;
  signature: Buffer;
}

interface LinkRow {
  region: string;
  sequence: string;
  event_id: string;
  request_id: string;
  event_time: Date;
  event_name: string;
  account_id: string;
  principal_arn: string;
  key_arn: string;
  key_id: string;
  error_code: string;
  event_category: string;
  recipient_account_id: string;
  /** JSON text (see audit.records). */
  record: string;
  prev_hash: Buffer;
  hash: Buffer;
}

/** The stored record, or its text when that is no JSON (which can only hash differently). */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** True when every indexed column still says what the record says. */
function columnsMatch(row: LinkRow, record: unknown): boolean {
  let c;
  try {
    c = indexColumns(record as AuditRecord);
  } catch {
    return false;
  }
  return (
    c.region === row.region &&
    c.eventId === row.event_id &&
    c.requestId === row.request_id &&
    c.eventTime === row.event_time.toISOString() &&
    c.eventName === row.event_name &&
    c.accountId === row.account_id &&
    c.principalArn === row.principal_arn &&
    c.keyArn === row.key_arn &&
    c.keyId === row.key_id &&
    c.errorCode === row.error_code &&
    c.eventCategory === row.event_category &&
    c.recipientAccountId === row.recipient_account_id
  );
}

const toLink = (row: LinkRow): StoredLink => {
  const record = parseStored(row.record);
  return {
    sequence: BigInt(row.sequence),
    eventId: row.event_id,
    prevHash: row.prev_hash,
    hash: row.hash,
    record,
    columnsMatch: columnsMatch(row, record),
  };
};

/** Why a digest cannot be trusted, or undefined when it checks out. */
function digestFault(
  d: DigestRow,
  previous: DigestRow | undefined,
  keys: ReadonlyMap<string, Buffer>,
  trusted: Buffer | undefined,
): string | undefined {
  const key = keys.get(d.key_id);
  if (!key) return `signed by unknown key ${d.key_id}`;
  if (trusted && !trusted.equals(key)) return `signed by key ${d.key_id}, not the trusted key`;
  if (!verifySignature(key, Buffer.from(d.payload, 'utf8'), d.signature)) return 'bad signature';
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(d.payload) as Record<string, unknown>;
  } catch {
    return 'payload is not JSON';
  }
  if (
    p['region'] !== d.region ||
    p['toSequence'] !== d.to_sequence ||
    p['fromSequence'] !== d.from_sequence ||
    p['lastHash'] !== d.last_hash.toString('hex') ||
    p['keyId'] !== d.key_id
  ) {
    return 'columns differ from the signed payload';
  }
  if (previous && p['previousDigestSignature'] !== previous.signature.toString('hex')) {
    return 'does not link to the previous digest';
  }
  return undefined;
}

async function verifyRegion(
  sql: Sql,
  region: string,
  head: { last_sequence: string; last_hash: Buffer },
  keys: ReadonlyMap<string, Buffer>,
  options: VerifyOptions,
): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 2_000;
  const digests = await sql<DigestRow[]>`
    SELECT region, to_sequence, from_sequence, last_hash, digest_time, key_id, payload, signature
    FROM audit.digests WHERE region = ${region} ORDER BY to_sequence`;
  const keyIds = new Set<string>();
  const bySequence = new Map<bigint, DigestRow>();
  let report = {
    region,
    ok: true,
    recordsChecked: 0,
    firstSequence: '0',
    lastSequence: head.last_sequence,
    digestsVerified: 0,
    signingKeyIds: [] as string[],
  };
  const fail = (
    problem: ChainProblem | { kind: string; sequence: bigint; eventId: string; detail: string },
  ): ChainReport => ({
    ...report,
    ok: false,
    signingKeyIds: [...keyIds],
    problem: { ...problem, sequence: String(problem.sequence) },
  });
  for (let i = 0; i < digests.length; i++) {
    const d = digests[i]!;
    const fault = digestFault(d, digests[i - 1], keys, options.trustedPublicKey);
    if (fault) {
      return fail({
        kind: 'digest',
        sequence: BigInt(d.to_sequence),
        eventId: '',
        detail: `digest ${fault}`,
      });
    }
    keyIds.add(d.key_id);
    bySequence.set(BigInt(d.to_sequence), d);
  }
  report = { ...report, digestsVerified: digests.length };

  const [first] = await sql<{ sequence: string | null; event_id: string | null }[]>`
    SELECT sequence, event_id FROM audit.records WHERE region = ${region}
    ORDER BY sequence LIMIT 1`;
  const headSequence = BigInt(head.last_sequence);
  const firstSequence = first?.sequence ? BigInt(first.sequence) : headSequence + 1n;
  report = { ...report, firstSequence: String(firstSequence) };

  // Where the retained chain starts: the genesis, or a signed digest old enough for retention.
  let anchor: Buffer = GENESIS_HASH;
  if (firstSequence > 1n) {
    const d = bySequence.get(firstSequence - 1n);
    const oldEnough =
      d !== undefined &&
      options.retentionDays > 0 &&
      d.digest_time.getTime() <= Date.now() - options.retentionDays * 86_400_000;
    if (!d || !oldEnough) {
      return fail({
        kind: 'deleted',
        sequence: d ? 1n : firstSequence - 1n,
        eventId: first?.event_id ?? '',
        detail: `records before sequence ${firstSequence} are missing and retention does not account for them`,
      });
    }
    anchor = d.last_hash;
  }

  const state = startWalk(firstSequence, anchor);
  let from = firstSequence;
  for (;;) {
    const rows = await sql<LinkRow[]>`
      SELECT region, sequence, event_id::text, request_id, event_time, event_name, account_id,
        principal_arn, key_arn, key_id, error_code, event_category, recipient_account_id,
        record, prev_hash, hash
      FROM audit.records WHERE region = ${region} AND sequence >= ${String(from)}
      ORDER BY sequence LIMIT ${pageSize + 1}`;
    const page = rows.slice(0, pageSize).map(toLink);
    const nextRow = rows[pageSize];
    const next = nextRow ? toLink(nextRow) : undefined;
    for (let i = 0; i < page.length; i++) {
      const link = page[i]!;
      const problem = walkLinks(region, state, [link], page[i + 1] ?? next);
      if (problem) return fail({ ...problem });
      report = { ...report, recordsChecked: state.checked };
      const d = bySequence.get(link.sequence);
      if (d && !d.last_hash.equals(link.hash)) {
        return fail({
          kind: 'digest',
          sequence: BigInt(d.from_sequence),
          eventId: link.eventId,
          detail: `records ${d.from_sequence}..${d.to_sequence} were rewritten: the signed digest does not match`,
        });
      }
    }
    if (!next) break;
    from = next.sequence;
  }
  report = { ...report, recordsChecked: state.checked };
  const lastSeen = state.expected - 1n;
  const lastDigest = digests.at(-1);
  if (lastSeen !== headSequence || !state.prevHash.equals(head.last_hash)) {
    return fail({
      kind: 'deleted',
      sequence: lastSeen + 1n,
      eventId: '',
      detail: `the chain head is at ${headSequence} but the stored records end at ${lastSeen}`,
    });
  }
  if (lastDigest && BigInt(lastDigest.to_sequence) > lastSeen) {
    return fail({
      kind: 'deleted',
      sequence: lastSeen + 1n,
      eventId: '',
      detail: `a signed digest covers up to ${lastDigest.to_sequence} but the records end at ${lastSeen}`,
    });
  }
  return { ...report, signingKeyIds: [...keyIds] };
}

/** Verifies every region's chain (or one), and reports each. */
export async function verifyChains(
  sql: Sql,
  options: VerifyOptions,
): Promise<{ ok: boolean; chains: ChainReport[] }> {
  const heads = options.region
    ? await sql<{ region: string; last_sequence: string; last_hash: Buffer }[]>`
        SELECT region, last_sequence, last_hash FROM audit.chains WHERE region = ${options.region}`
    : await sql<{ region: string; last_sequence: string; last_hash: Buffer }[]>`
        SELECT region, last_sequence, last_hash FROM audit.chains ORDER BY region`;
  const keyRows = await sql<{ key_id: string; public_key: Buffer }[]>`
    SELECT key_id, public_key FROM audit.public_keys`;
  const keys = new Map(keyRows.map((k) => [k.key_id, k.public_key]));
  const chains: ChainReport[] = [];
  for (const head of heads) chains.push(await verifyRegion(sql, head.region, head, keys, options));
  return { ok: chains.every((c) => c.ok), chains };
}
