import type { AuditRecord } from '@keyhold/bus';
import { KmsError } from '@keyhold/core';
import type { AuditEvent } from '@keyhold/proto';
import type { Sql, TransactionSql } from 'postgres';
import { GENESIS_HASH, canonicalJson, canonicalRecordJson, linkHashOfJson } from './chain.js';
import { auditOutcome, bareKeyId, indexColumns } from './records.js';
import type { SigningKey } from './signing.js';

export interface ChainOptions {
  readonly signingKey: SigningKey;
  /** A digest is signed once a region's chain has grown this much since the last. */
  readonly digestEvery: number;
}

export interface AppendResult {
  readonly inserted: number;
  /** Records whose eventID was already stored (a redelivery): skipped. */
  readonly duplicates: number;
}

interface Head {
  last_sequence: string;
  last_hash: Buffer;
  digest_sequence: string;
}

type Tx = TransactionSql;

async function lockHead(tx: Tx, region: string): Promise<Head> {
  const select = () => tx<Head[]>`
    SELECT last_sequence, last_hash, digest_sequence FROM audit.chains
    WHERE region = ${region} FOR UPDATE`;
  let [head] = await select();
  if (!head) {
    await tx`
      INSERT INTO audit.chains (region, last_sequence, last_hash, digest_sequence, digest_at)
      VALUES (${region}, 0, ${GENESIS_HASH}, 0, now())
      ON CONFLICT (region) DO NOTHING`;
    [head] = await select();
  }
  if (!head) throw new Error('audit chain head missing');
  return head;
}

/**
 * Signs the chain head of `region` as it stands in this transaction (the
 * caller holds the head's row lock). Each digest names the previous one's
 * signature, so digests form a chain of their own, as CloudTrail's do.
 */
export async function writeDigest(
  tx: Tx,
  region: string,
  head: { lastSequence: bigint; lastHash: Buffer; digestSequence: bigint },
  key: SigningKey,
): Promise<void> {
  if (head.lastSequence <= head.digestSequence) return;
  const [previous] = await tx<{ signature: Buffer }[]>`
    SELECT signature FROM audit.digests WHERE region = ${region}
    ORDER BY to_sequence DESC LIMIT 1`;
  const digestTime = new Date();
  const payload = canonicalJson({
    version: 1,
    region,
    fromSequence: String(head.digestSequence + 1n),
    toSequence: String(head.lastSequence),
    lastHash: head.lastHash.toString('hex'),
    previousDigestSignature: previous ? previous.signature.toString('hex') : '',
    digestTime: digestTime.toISOString(),
    keyId: key.keyId,
  });
  const signature = key.sign(Buffer.from(payload, 'utf8'));
  await tx`
    INSERT INTO audit.digests (region, to_sequence, from_sequence, last_hash, digest_time, key_id, payload, signature)
    VALUES (${region}, ${String(head.lastSequence)}, ${String(head.digestSequence + 1n)},
      ${head.lastHash}, ${digestTime}, ${key.keyId}, ${payload}, ${signature})`;
  await tx`
    UPDATE audit.chains SET digest_sequence = ${String(head.lastSequence)}, digest_at = ${digestTime}
    WHERE region = ${region}`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A value as a field of COPY's text format (never NULL: every column is NOT NULL). */
function copyField(s: string): string {
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c] ?? c) : s;
}

// The chain columns come last: they are the only ones known only at write time.
const COPY_COLUMNS =
  'region, event_id, request_id, event_time, event_name, account_id, principal_arn, key_arn, ' +
  'key_id, error_code, event_category, recipient_account_id, record, sequence, prev_hash, hash';

/**
 * A record made ready to store as its message arrives, while the previous
 * write runs: its row for COPY up to the chain columns, and the canonical JSON
 * the chain hashes. Held as bytes, not objects or strings built piecewise,
 * because records wait in the queue and every small object that outlives a
 * young-generation GC is copied by it: that had ingest spend a fifth of its
 * time collecting garbage.
 */
export interface PreparedRecord {
  readonly region: string;
  readonly eventId: string;
  /** COPY text fields from `region` to `record`, each followed by a tab. */
  readonly head: Buffer;
  /** `canonicalJson(record)` as UTF-8: what is hashed, and what is stored. */
  readonly json: Buffer;
}

export function prepareRecord(record: AuditRecord): PreparedRecord {
  const c = indexColumns(record);
  // Free text is escaped field by field only in the rare row that needs it.
  const free = `${c.requestId}${c.eventName}${c.accountId}${c.principalArn}${c.keyArn}${c.keyId}${c.errorCode}${c.recipientAccountId}${c.region}${c.eventCategory}`;
  const f = COPY_SPECIAL.test(free) ? copyField : (v: string) => v;
  const before =
    `${f(c.region)}\t${c.eventId}\t${f(c.requestId)}\t${c.eventTime}\t${f(c.eventName)}\t` +
    `${f(c.accountId)}\t${f(c.principalArn)}\t${f(c.keyArn)}\t${f(c.keyId)}\t` +
    `${f(c.errorCode)}\t${f(c.eventCategory)}\t${f(c.recipientAccountId)}\t`;
  const json = canonicalRecordJson(record);
  // JSON text holds no raw tab or newline; a backslash means an escape to double.
  const field = json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
  const head = Buffer.from(`${before}${field}\t`, 'utf8');
  // Usually nothing needed escaping and the JSON is a slice of the row.
  const at = Buffer.byteLength(before, 'utf8');
  const bytes = field === json ? head.subarray(at, head.length - 1) : Buffer.from(json, 'utf8');
  return { region: c.region, eventId: c.eventId, head, json: bytes };
}

/** How long a COPY may take before the write is abandoned (and retried). */
const COPY_TIMEOUT_MS = 60_000;
const COPY_CHUNK_LINES = 256;

/**
 * Streams rows into audit.records with COPY, the cheapest way to load them
 * (a multi-row INSERT ... SELECT FROM unnest(...) of the same rows took two to
 * four times as long here, building its arrays included). `fill` writes the
 * rows, COPY text format.
 * postgres.js 3.4.9 never settles the COPY stream when the server fails it
 * after the last chunk (porsager/postgres#1173): the failure only reaches the
 * query's reject, so it is hooked there, and a timeout bounds the rest.
 */
async function copyRecords(tx: Tx, fill: (write: (chunk: Buffer) => void) => void): Promise<void> {
  const query = tx.unsafe(`COPY audit.records (${COPY_COLUMNS}) FROM STDIN`);
  let fail: (err: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const internal = query as unknown as { reject?: (err: unknown) => void };
  const reject = internal.reject;
  if (typeof reject === 'function') {
    internal.reject = (err: unknown) => {
      fail(err);
      reject(err);
    };
  }
  const stream = await query.writable();
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, rejectDone) => {
    stream.once('finish', resolve);
    stream.once('error', rejectDone);
    timer = setTimeout(
      () => rejectDone(new Error(`audit COPY not done after ${COPY_TIMEOUT_MS} ms`)),
      COPY_TIMEOUT_MS,
    );
  });
  done.catch(() => {});
  try {
    try {
      fill((chunk) => stream.write(chunk));
    } catch (err) {
      // CopyFail: the server leaves COPY mode, so the rollback can run.
      stream.destroy(err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
    stream.end();
    await Promise.race([done, failed]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Appends records to their regions' hash chains in one transaction. Each
 * region's chain head is locked (in region order, so two writers cannot
 * deadlock): with any number of replicas, one writer at a time extends a
 * region's chain. Event ids already stored are skipped, so a redelivered
 * batch adds nothing. Signs a digest when a chain has grown `digestEvery`.
 */
export async function appendRecords(
  sql: Sql,
  records: readonly PreparedRecord[],
  options: ChainOptions,
): Promise<AppendResult> {
  if (records.length === 0) return { inserted: 0, duplicates: 0 };
  return sql.begin(async (tx) => {
    const byRegion = new Map<string, PreparedRecord[]>();
    const seen = new Set<string>();
    let duplicates = 0;
    for (const prepared of records) {
      const { eventId, region } = prepared;
      if (seen.has(eventId)) {
        duplicates += 1;
        continue;
      }
      seen.add(eventId);
      const list = byRegion.get(region);
      if (list) list.push(prepared);
      else byRegion.set(region, [prepared]);
    }
    const regions = [...byRegion.keys()].sort();
    const heads = new Map<string, Head>();
    for (const region of regions) heads.set(region, await lockHead(tx, region));

    // Checked under the locks: a replica that stored the same event id has committed by now.
    const stored = await tx<{ event_id: string }[]>`
      SELECT event_id::text FROM audit.records WHERE event_id = ANY(${tx.array([...seen])}::uuid[])`;
    const already = new Set(stored.map((r) => r.event_id));
    duplicates += already.size;

    const newHeads: Array<{
      region: string;
      lastSequence: bigint;
      lastHash: Buffer;
      digestSequence: bigint;
    }> = [];
    let inserted = 0;
    // Hashed as the rows are written: the chain is assigned here, under the locks, in batch order.
    const fill = (write: (chunk: Buffer) => void) => {
      let parts: Buffer[] = [];
      for (const region of regions) {
        const head = heads.get(region)!;
        let sequence = BigInt(head.last_sequence);
        let prevHash = head.last_hash;
        for (const r of byRegion.get(region)!) {
          if (already.has(r.eventId)) continue;
          sequence += 1n;
          const hash = linkHashOfJson(region, sequence, prevHash, r.json);
          parts.push(
            r.head,
            Buffer.from(
              `${sequence}\t\\\\x${prevHash.toString('hex')}\t\\\\x${hash.toString('hex')}\n`,
              'latin1',
            ),
          );
          prevHash = hash;
          inserted += 1;
          if (parts.length >= 2 * COPY_CHUNK_LINES) {
            write(Buffer.concat(parts));
            parts = [];
          }
        }
        if (sequence !== BigInt(head.last_sequence)) {
          newHeads.push({
            region,
            lastSequence: sequence,
            lastHash: prevHash,
            digestSequence: BigInt(head.digest_sequence),
          });
        }
      }
      if (parts.length > 0) write(Buffer.concat(parts));
    };
    if (seen.size > already.size) await copyRecords(tx, fill);
    for (const h of newHeads) {
      await tx`
        UPDATE audit.chains SET last_sequence = ${String(h.lastSequence)}, last_hash = ${h.lastHash}
        WHERE region = ${h.region}`;
      if (h.lastSequence - h.digestSequence >= BigInt(options.digestEvery)) {
        await writeDigest(tx, h.region, h, options.signingKey);
      }
    }
    return { inserted, duplicates };
  });
}

/**
 * Signs a digest for every region with records newer than its last digest
 * and no digest for `maxAgeMs`. Returns the regions signed.
 */
export async function digestIdleChains(
  sql: Sql,
  key: SigningKey,
  maxAgeMs: number,
): Promise<string[]> {
  const due = await sql<{ region: string }[]>`
    SELECT region FROM audit.chains
    WHERE last_sequence > digest_sequence
      AND digest_at <= now() - make_interval(secs => ${maxAgeMs / 1000})`;
  const signed: string[] = [];
  for (const { region } of due) {
    await sql.begin(async (tx) => {
      const head = await lockHead(tx, region);
      const lastSequence = BigInt(head.last_sequence);
      const digestSequence = BigInt(head.digest_sequence);
      if (lastSequence <= digestSequence) return;
      await writeDigest(
        tx,
        region,
        { lastSequence, lastHash: head.last_hash, digestSequence },
        key,
      );
      signed.push(region);
    });
  }
  return signed;
}

export interface LookupQuery {
  /** A key id or key ARN; both match on the key id. */
  readonly keyId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly eventName?: string | undefined;
  readonly principalArn?: string | undefined;
  readonly accountId?: string | undefined;
  /** An AWS exception name; '' matches requests that succeeded. */
  readonly errorCode?: string | undefined;
  readonly region?: string | undefined;
  /** Epoch seconds, inclusive. */
  readonly startTime?: number | undefined;
  /** Epoch seconds, exclusive. */
  readonly endTime?: number | undefined;
  /** 1..1000. @default 50 */
  readonly maxResults?: number | undefined;
  readonly nextToken?: string | undefined;
}

export interface LookupResult {
  readonly events: AuditEvent[];
  readonly nextToken?: string;
}

interface Cursor {
  /** event_time of the last row returned, UTC with microseconds. */
  readonly t: string;
  /** id of that row. */
  readonly i: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(token: string): Cursor {
  const invalid = () =>
    new KmsError(
      'InvalidMarkerException',
      'The request was rejected because the marker that specifies where pagination should next begin is not valid.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = raw as Partial<Cursor> | null;
  if (
    typeof c?.t !== 'string' ||
    typeof c.i !== 'string' ||
    !CURSOR_TIME.test(c.t) ||
    !/^\d{1,19}$/.test(c.i)
  ) {
    throw invalid();
  }
  return { t: c.t, i: c.i };
}

interface LookupRow {
  id: string;
  region: string;
  sequence: string;
  event_id: string;
  request_id: string;
  event_epoch: number;
  cursor_time: string;
  event_name: string;
  account_id: string;
  principal_arn: string;
  key_arn: string;
  key_id: string;
  error_code: string;
  event_category: string;
  recipient_account_id: string;
  /** JSON text: canonical, or jsonb's form for rows stored before the column was text. */
  record: string;
  hash: Buffer;
}

/** Validates a lookup; throws ValidationException / InvalidMarkerException like AWS. */
function checkQuery(q: LookupQuery): { limit: number; cursor: Cursor | undefined } {
  const limit = q.maxResults ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw KmsError.constraint(
      'maxResults',
      limit,
      'Member must have value less than or equal to 1000 and greater than or equal to 1',
    );
  }
  for (const [name, value] of [
    ['startTime', q.startTime],
    ['endTime', q.endTime],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw KmsError.validation(`${name} must be a finite number of epoch seconds.`);
    }
  }
  return { limit, cursor: q.nextToken ? decodeCursor(q.nextToken) : undefined };
}

/** The gRPC view of a stored record. */
export function toAuditEvent(r: LookupRow): AuditEvent {
  let record: Partial<AuditRecord> = {};
  let cloudTrailEvent = r.record;
  try {
    const parsed: unknown = JSON.parse(r.record);
    if (typeof parsed === 'object' && parsed !== null) record = parsed as Partial<AuditRecord>;
    cloudTrailEvent = canonicalJson(parsed);
  } catch {
    // Not JSON (edited in the database): shown as stored; VerifyChain names it.
  }
  return {
    eventId: r.event_id,
    requestId: r.request_id,
    eventTime: r.event_epoch,
    eventName: r.event_name,
    region: r.region,
    accountId: r.account_id,
    principalArn: r.principal_arn,
    sourceIp: record.sourceIPAddress ?? '',
    userAgent: record.userAgent ?? '',
    keyArn: r.key_arn,
    keyId: r.key_id,
    outcome: auditOutcome(r.error_code),
    errorCode: r.error_code,
    errorMessage: record.errorMessage ?? '',
    sequence: r.sequence,
    eventCategory: r.event_category,
    recipientAccountId: r.recipient_account_id,
    readOnly: record.readOnly ?? false,
    cloudTrailEvent,
    hash: r.hash.toString('hex'),
  };
}

/** Events matching every given filter, newest first, a page at a time. */
export async function lookupEvents(sql: Sql, q: LookupQuery): Promise<LookupResult> {
  const { limit, cursor } = checkQuery(q);
  const conditions = [sql`TRUE`];
  if (q.keyId) conditions.push(sql`key_id = ${bareKeyId(q.keyId)}`);
  if (q.requestId) conditions.push(sql`request_id = ${q.requestId}`);
  if (q.eventName) conditions.push(sql`event_name = ${q.eventName}`);
  if (q.principalArn) conditions.push(sql`principal_arn = ${q.principalArn}`);
  if (q.accountId) conditions.push(sql`account_id = ${q.accountId}`);
  if (q.errorCode !== undefined) conditions.push(sql`error_code = ${q.errorCode}`);
  if (q.region) conditions.push(sql`region = ${q.region}`);
  if (q.startTime !== undefined) conditions.push(sql`event_time >= to_timestamp(${q.startTime})`);
  if (q.endTime !== undefined) conditions.push(sql`event_time < to_timestamp(${q.endTime})`);
  if (cursor) {
    conditions.push(sql`(event_time, id) < (${cursor.t}::timestamptz, ${cursor.i}::bigint)`);
  }
  const where = conditions.reduce((acc, c) => sql`${acc} AND ${c}`);
  const rows = await sql<LookupRow[]>`
    SELECT id, region, sequence, event_id, request_id,
      extract(epoch FROM event_time)::float8 AS event_epoch,
      to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time,
      event_name, account_id, principal_arn, key_arn, key_id, error_code, event_category,
      recipient_account_id, record, hash
    FROM audit.records
    WHERE ${where}
    ORDER BY event_time DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const events = page.map(toAuditEvent);
  return rows.length > limit && last
    ? { events, nextToken: encodeCursor({ t: last.cursor_time, i: last.id }) }
    : { events };
}
