import { z } from 'zod';
import { AUDIT_EVENT_VERSION, auditOutcome } from '@keyhold/bus';
import type { AuditRecord } from '@keyhold/bus';
import { isKeyId, isRegion, parseKeyArn } from '@keyhold/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STRING = 8192;
const MAX_DEPTH = 8;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes any JSON value storable and hashable as is: strings lose NUL (Postgres
 * refuses it, and a refused row would be retried forever), lone surrogates
 * become U+FFFD (jsonb refuses them), and over-long strings are cut rather
 * than the record dropped: losing a record is worse than a truncated value.
 */
export function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    // Cut first, so that a pair split by the cut is repaired below.
    let s = value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
    if (s.includes('\u0000')) s = s.replaceAll('\u0000', '');
    if (SURROGATE.test(s)) s = s.replace(LONE_SURROGATE, '\uFFFD');
    return s;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    const n = Math.min(value.length, 1000);
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = clean(value[i], depth + 1);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    if (Object.hasOwn(value, k)) {
      out[clean(k) as string] = clean((value as Record<string, unknown>)[k], depth + 1);
    }
  }
  return out;
}

// Years 1970..9999: what both Date and timestamptz print as plain ISO-8601.
const MAX_TIME = Date.UTC(10_000, 0, 1);
const isoTime = z.string().refine((s) => {
  const t = Date.parse(s);
  return t >= 0 && t < MAX_TIME;
}, 'must be an ISO-8601 time');
const json = z.record(z.string(), z.unknown());

const recordSchema = z.object({
  eventVersion: z.string(),
  userIdentity: z.object({
    type: z.string(),
    principalId: z.string(),
    arn: z.string(),
    accountId: z.string(),
    accessKeyId: z.string(),
  }),
  eventTime: isoTime,
  eventSource: z.string(),
  eventName: z.string(),
  awsRegion: z.string(),
  sourceIPAddress: z.string(),
  userAgent: z.string(),
  requestParameters: json.nullable(),
  responseElements: json.nullable(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestID: z.string(),
  eventID: z.string().regex(UUID, 'must be a UUID'),
  readOnly: z.boolean(),
  resources: z
    .array(z.object({ accountId: z.string(), type: z.string(), ARN: z.string() }))
    .max(10),
  eventType: z.string(),
  managementEvent: z.boolean(),
  eventCategory: z.enum(['Management', 'Data']),
  recipientAccountId: z.string(),
});

/** The flat record of eventVersion 1 (no eventVersion field), still readable. */
const v1Schema = z.object({
  eventId: z.string(),
  requestId: z.string(),
  eventTime: z.string(),
  eventName: z.string(),
  region: z.string(),
  accountId: z.string(),
  principalArn: z.string(),
  accessKeyId: z.string(),
  sourceIp: z.string(),
  userAgent: z.string(),
  keyArn: z.string(),
  errorCode: z.string(),
  errorMessage: z.string(),
  requestParameters: json,
  responseElements: json,
});

const DATA_EVENTS = /^(Encrypt|Decrypt|ReEncrypt|GenerateDataKey.*|GenerateRandom)$/;

/** Upcasts a version-1 record to the current shape; other values pass through. */
export function upcast(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'eventVersion' in raw) return raw;
  const v1 = v1Schema.safeParse(raw);
  if (!v1.success) return raw;
  const r = v1.data;
  const owner = parseKeyArn(r.keyArn)?.accountId ?? '';
  const data = DATA_EVENTS.test(r.eventName);
  return {
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: {
      type: r.principalArn ? 'IAMUser' : 'Unknown',
      principalId: '',
      arn: r.principalArn,
      accountId: r.accountId,
      accessKeyId: r.accessKeyId,
    },
    eventTime: r.eventTime,
    eventSource: 'kms.amazonaws.com',
    eventName: r.eventName,
    awsRegion: r.region,
    sourceIPAddress: r.sourceIp,
    userAgent: r.userAgent,
    requestParameters: r.requestParameters,
    responseElements: r.errorCode || data ? null : r.responseElements,
    ...(r.errorCode ? { errorCode: r.errorCode, errorMessage: r.errorMessage } : {}),
    requestID: r.requestId,
    eventID: r.eventId,
    readOnly: data || /^(Describe|List|Get)/.test(r.eventName),
    resources: r.keyArn ? [{ accountId: owner, type: 'AWS::KMS::Key', ARN: r.keyArn }] : [],
    eventType: 'AwsApiCall',
    managementEvent: !data,
    eventCategory: data ? 'Data' : 'Management',
    recipientAccountId: owner || r.accountId,
  };
}

const batchSchema = z.object({
  batchId: z.string().min(1).max(256),
  records: z.array(z.unknown()).max(10_000),
});

export interface DecodedBatch {
  readonly batchId: string;
  /** Cleaned, eventID lower-cased, eventTime normalised to `toISOString()`. */
  readonly records: readonly AuditRecord[];
  /** Records dropped for failing validation; the rest of the batch is kept. */
  readonly rejected: number;
}

/** A message that can never be stored; it is acked and logged, never retried. */
export class PoisonMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoisonMessageError';
  }
}

/** The bare key id from a key id or a key ARN. */
export function bareKeyId(value: string): string {
  return parseKeyArn(value)?.keyId ?? value;
}

/** Parses one JetStream message body as an AuditBatch. Throws PoisonMessageError when it is not one. */
export function decodeBatch(data: Uint8Array): DecodedBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    throw new PoisonMessageError('not JSON');
  }
  const batch = batchSchema.safeParse(raw);
  if (!batch.success) throw new PoisonMessageError('not an audit batch');
  const records: AuditRecord[] = [];
  let rejected = 0;
  for (const candidate of batch.data.records) {
    const parsed = recordSchema.safeParse(clean(upcast(candidate)));
    if (!parsed.success) {
      rejected += 1;
      continue;
    }
    const { errorCode, errorMessage, ...r } = parsed.data;
    records.push({
      ...r,
      ...(errorCode === undefined ? {} : { errorCode, errorMessage: errorMessage ?? '' }),
      eventID: r.eventID.toLowerCase(),
      eventTime: new Date(r.eventTime).toISOString(),
    });
  }
  return { batchId: batch.data.batchId, records, rejected };
}

/** The columns stored beside a record for lookups; all derived from the record. */
export interface IndexColumns {
  /** The chain the record belongs to: its region, or `none`. */
  readonly region: string;
  readonly eventId: string;
  readonly requestId: string;
  /** ISO-8601 */
  readonly eventTime: string;
  readonly eventName: string;
  readonly accountId: string;
  readonly principalArn: string;
  readonly keyArn: string;
  readonly keyId: string;
  readonly errorCode: string;
  readonly eventCategory: string;
  readonly recipientAccountId: string;
}

/** The chain (and NATS subject token) of records that named no valid region. */
export const NO_REGION = 'none';

export function chainRegion(awsRegion: string): string {
  return isRegion(awsRegion) ? awsRegion : NO_REGION;
}

/** Derives the indexed columns; verification re-derives them to catch an edited column. */
export function indexColumns(r: AuditRecord): IndexColumns {
  const keyArn = r.resources[0]?.ARN ?? '';
  const requested = r.requestParameters?.['keyId'];
  let keyId = keyArn ? bareKeyId(keyArn) : '';
  if (!keyId && typeof requested === 'string') {
    const fromArn = parseKeyArn(requested)?.keyId;
    keyId = fromArn ?? (isKeyId(requested) ? requested : '');
  }
  return {
    region: chainRegion(r.awsRegion),
    eventId: r.eventID,
    requestId: r.requestID,
    eventTime: r.eventTime,
    eventName: r.eventName,
    accountId: r.userIdentity.accountId,
    principalArn: r.userIdentity.arn,
    keyArn,
    keyId,
    errorCode: r.errorCode ?? '',
    eventCategory: r.eventCategory,
    recipientAccountId: r.recipientAccountId,
  };
}

export { auditOutcome };
