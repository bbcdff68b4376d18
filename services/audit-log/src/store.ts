import { KmsError } from '@keyhold/core';
import type { AuditEvent } from '@keyhold/proto';
import type { Sql } from 'postgres';
import { bareKeyId } from './records.js';
import type { StoredRecord } from './records.js';

// jsonb refuses \u0000 in strings; drop it so a record cannot be refused forever.
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? v.replaceAll('\u0000', '') : v,
  );

/**
 * Inserts records in one statement, whatever their number (one array per
 * column, so no parameter limit), skipping event ids already stored: a
 * redelivered batch adds nothing. Resolves with the number of new rows.
 */
export async function insertRecords(sql: Sql, records: readonly StoredRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const col = <T>(pick: (r: StoredRecord) => T): T[] => records.map(pick);
  const result = await sql`
    INSERT INTO audit.events (
      event_id, request_id, event_time, event_name, region, account_id, principal_arn,
      access_key_id, source_ip, user_agent, key_arn, key_id, outcome, error_code,
      error_message, request_parameters, response_elements, service
    )
    SELECT * FROM unnest(
      ${sql.array(col((r) => r.eventId))}::uuid[],
      ${sql.array(col((r) => r.requestId))}::text[],
      ${sql.array(col((r) => r.eventTime))}::timestamptz[],
      ${sql.array(col((r) => r.eventName))}::text[],
      ${sql.array(col((r) => r.region))}::text[],
      ${sql.array(col((r) => r.accountId))}::text[],
      ${sql.array(col((r) => r.principalArn))}::text[],
      ${sql.array(col((r) => r.accessKeyId))}::text[],
      ${sql.array(col((r) => r.sourceIp))}::text[],
      ${sql.array(col((r) => r.userAgent))}::text[],
      ${sql.array(col((r) => r.keyArn))}::text[],
      ${sql.array(col((r) => r.keyId))}::text[],
      ${sql.array(col((r) => r.outcome))}::text[],
      ${sql.array(col((r) => r.errorCode))}::text[],
      ${sql.array(col((r) => r.errorMessage))}::text[],
      ${sql.array(col((r) => toJson(r.requestParameters)))}::jsonb[],
      ${sql.array(col((r) => toJson(r.responseElements)))}::jsonb[],
      ${sql.array(col((r) => r.service))}::text[]
    )
    ON CONFLICT (event_id) DO NOTHING`;
  return result.count;
}

export interface LookupQuery {
  /** A key id or key ARN; both match on the key id. */
  readonly keyId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly eventName?: string | undefined;
  readonly principalArn?: string | undefined;
  readonly accountId?: string | undefined;
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
  /** sequence of that row. */
  readonly s: string;
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
    typeof c.s !== 'string' ||
    !CURSOR_TIME.test(c.t) ||
    !/^\d{1,19}$/.test(c.s)
  ) {
    throw invalid();
  }
  return { t: c.t, s: c.s };
}

interface Row {
  sequence: string;
  event_id: string;
  request_id: string;
  event_epoch: number;
  cursor_time: string;
  event_name: string;
  region: string;
  account_id: string;
  principal_arn: string;
  source_ip: string;
  user_agent: string;
  key_arn: string;
  key_id: string;
  outcome: string;
  error_code: string;
  error_message: string;
  request_parameters: string;
  response_elements: string;
  service: string;
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

/** Events matching every given filter, newest first, a page at a time. */
export async function lookupEvents(sql: Sql, q: LookupQuery): Promise<LookupResult> {
  const { limit, cursor } = checkQuery(q);
  const conditions = [sql`TRUE`];
  if (q.keyId) conditions.push(sql`key_id = ${bareKeyId(q.keyId)}`);
  if (q.requestId) conditions.push(sql`request_id = ${q.requestId}`);
  if (q.eventName) conditions.push(sql`event_name = ${q.eventName}`);
  if (q.principalArn) conditions.push(sql`principal_arn = ${q.principalArn}`);
  if (q.accountId) conditions.push(sql`account_id = ${q.accountId}`);
  if (q.startTime !== undefined) conditions.push(sql`event_time >= to_timestamp(${q.startTime})`);
  if (q.endTime !== undefined) conditions.push(sql`event_time < to_timestamp(${q.endTime})`);
  if (cursor) {
    conditions.push(sql`(event_time, sequence) < (${cursor.t}::timestamptz, ${cursor.s}::bigint)`);
  }
  const where = conditions.reduce((acc, c) => sql`${acc} AND ${c}`);
  const rows = await sql<Row[]>`
    SELECT sequence, event_id, request_id,
      extract(epoch FROM event_time)::float8 AS event_epoch,
      to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time,
      event_name, region, account_id, principal_arn, source_ip, user_agent, key_arn, key_id,
      outcome, error_code, error_message, request_parameters::text AS request_parameters,
      response_elements::text AS response_elements, service
    FROM audit.events
    WHERE ${where}
    ORDER BY event_time DESC, sequence DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const events = page.map((r): AuditEvent => ({
    eventId: r.event_id,
    requestId: r.request_id,
    eventTime: r.event_epoch,
    eventName: r.event_name,
    region: r.region,
    accountId: r.account_id,
    principalArn: r.principal_arn,
    sourceIp: r.source_ip,
    userAgent: r.user_agent,
    keyArn: r.key_arn,
    keyId: r.key_id,
    outcome: r.outcome,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    requestParameters: r.request_parameters,
    responseElements: r.response_elements,
    service: r.service,
    sequence: r.sequence,
  }));
  return rows.length > limit && last
    ? { events, nextToken: encodeCursor({ t: last.cursor_time, s: last.sequence }) }
    : { events };
}
