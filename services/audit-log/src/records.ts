import { z } from 'zod';
import {
  AUDIT_EVENT_VERSION,
  AuditBatchFormatError,
  auditOutcome,
  decodeAuditBatch,
} from '@keyhold/bus';
import type { AuditAdditionalEventData, AuditRecord, DecodedAuditBatch } from '@keyhold/bus';
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
 * Returns `value` itself when nothing needs changing (the usual case), so
 * ingest does not copy every record once more.
 */
export function clean(value: unknown, depth = 0): unknown {
  if (depth === 1 && typeof value === 'object' && value !== null) {
    // Records of a version-2 batch share the members they did not change:
    // each shared member is walked once, not once per record.
    if (cleanMembers.has(value)) return value;
    const out = cleanValue(value, depth);
    if (out === value) cleanMembers.add(value);
    return out;
  }
  return cleanValue(value, depth);
}

/** Record members (depth 1) that {@link clean} returned unchanged; never mutated afterwards. */
const cleanMembers = new WeakSet<object>();

function cleanValue(value: unknown, depth: number): unknown {
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
    const items = value as unknown[];
    const n = Math.min(items.length, 1000);
    let out: unknown[] | undefined;
    for (let i = 0; i < n; i++) {
      const v = items[i];
      const c = clean(v, depth + 1);
      if (out === undefined && c !== v) out = items.slice(0, i);
      if (out !== undefined) out.push(c);
    }
    return out ?? (items.length > n ? items.slice(0, n) : items);
  }
  const object = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in object) {
    if (!Object.hasOwn(object, k)) continue;
    const v = object[k];
    const ck = clean(k) as string;
    const cv = clean(v, depth + 1);
    // A __proto__ member is dropped: assigning it would set the copy's
    // prototype, and validation would then read missing fields from it.
    if (out === undefined && (ck !== k || cv !== v || k === '__proto__')) {
      out = {};
      for (const before in object) {
        if (before === k) break;
        if (Object.hasOwn(object, before)) out[before] = object[before];
      }
    }
    if (out !== undefined && ck !== '__proto__') out[ck] = cv;
  }
  return out ?? object;
}

// Years 1970..9999: what both Date and timestamptz print as plain ISO-8601.
const MAX_TIME = Date.UTC(10_000, 0, 1);
const json = z.record(z.string(), z.unknown());

// The current record shape is checked by hand rather than with zod: this runs
// for every record ingested, where a schema walk costs as much as the JSON
// parse. Like a zod object, it keeps only the known fields.
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isIsoTime = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  const t = Date.parse(v);
  return t >= 0 && t < MAX_TIME;
};
const isObjectOrNull = (v: unknown): v is Record<string, unknown> | null =>
  v === null || isObject(v);

function userIdentity(v: unknown): AuditRecord['userIdentity'] | undefined {
  if (!isObject(v)) return undefined;
  const { type, principalId, arn, accountId, accessKeyId, invokedBy } = v;
  if (
    !isString(type) ||
    !isString(principalId) ||
    !isString(arn) ||
    !isString(accountId) ||
    !isString(accessKeyId) ||
    (invokedBy !== undefined && !isString(invokedBy))
  ) {
    return undefined;
  }
  return {
    type,
    principalId,
    arn,
    accountId,
    accessKeyId,
    ...(invokedBy === undefined ? {} : { invokedBy }),
  };
}

function resources(v: unknown): AuditRecord['resources'] | undefined {
  if (!Array.isArray(v) || v.length > 10) return undefined;
  const out: Array<AuditRecord['resources'][number]> = [];
  for (const r of v as unknown[]) {
    if (!isObject(r)) return undefined;
    const { accountId, type, ARN } = r;
    if (!isString(accountId) || !isString(type) || !isString(ARN)) return undefined;
    out.push({ accountId, type, ARN });
  }
  return out;
}

/** Keyhold's extra fields (the deny reason): undefined when absent, null when malformed. */
function additionalEventData(v: unknown): AuditAdditionalEventData | undefined | null {
  if (v === undefined) return undefined;
  if (!isObject(v)) return null;
  const { denyReason } = v;
  if (denyReason !== undefined && !isString(denyReason)) return null;
  return denyReason === undefined ? {} : { denyReason };
}

const isCategory = (v: unknown): v is AuditRecord['eventCategory'] =>
  v === 'Management' || v === 'Data';

/**
 * A cleaned value as a current-shape record (unknown fields dropped, eventID
 * lower-cased, eventTime as `toISOString()`), or undefined when it is not one.
 */
export function parseRecord(value: unknown): AuditRecord | undefined {
  if (!isObject(value)) return undefined;
  const identity = userIdentity(value['userIdentity']);
  const res = resources(value['resources']);
  const {
    eventVersion,
    eventTime,
    eventSource,
    eventName,
    awsRegion,
    sourceIPAddress,
    userAgent,
    requestParameters,
    responseElements,
    errorCode,
    errorMessage,
    requestID,
    eventID,
    readOnly,
    eventType,
    managementEvent,
    eventCategory,
    recipientAccountId,
  } = value;
  const additional = additionalEventData(value['additionalEventData']);
  if (
    identity === undefined ||
    res === undefined ||
    !isString(eventVersion) ||
    !isIsoTime(eventTime) ||
    !isString(eventSource) ||
    !isString(eventName) ||
    !isString(awsRegion) ||
    !isString(sourceIPAddress) ||
    !isString(userAgent) ||
    !isObjectOrNull(requestParameters) ||
    !isObjectOrNull(responseElements) ||
    (errorCode !== undefined && !isString(errorCode)) ||
    (errorMessage !== undefined && !isString(errorMessage)) ||
    !isString(requestID) ||
    !isString(eventID) ||
    !UUID.test(eventID) ||
    typeof readOnly !== 'boolean' ||
    !isString(eventType) ||
    typeof managementEvent !== 'boolean' ||
    !isCategory(eventCategory) ||
    !isString(recipientAccountId) ||
    additional === null
  ) {
    return undefined;
  }
  return {
    eventVersion,
    userIdentity: identity,
    eventTime: new Date(eventTime).toISOString(),
    eventSource,
    eventName,
    awsRegion,
    sourceIPAddress,
    userAgent,
    requestParameters,
    responseElements,
    ...(errorCode === undefined ? {} : { errorCode, errorMessage: errorMessage ?? '' }),
    ...(additional === undefined ? {} : { additionalEventData: additional }),
    requestID,
    eventID: eventID.toLowerCase(),
    readOnly,
    resources: res,
    eventType,
    managementEvent,
    eventCategory,
    recipientAccountId,
  };
}

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

export interface DecodedBatch {
  readonly batchId: string;
  /** Cleaned, eventID lower-cased, eventTime normalised to `toISOString()`. */
  readonly records: readonly AuditRecord[];
  /** Records dropped for failing validation (or a malformed delta); the rest of the batch is kept. */
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

/**
 * Parses one JetStream message body, an audit batch of any wire format.
 * Throws PoisonMessageError when it is not one.
 */
export function decodeBatch(data: Uint8Array): DecodedBatch {
  let batch: DecodedAuditBatch;
  try {
    batch = decodeAuditBatch(data);
  } catch (err) {
    if (err instanceof AuditBatchFormatError) throw new PoisonMessageError(err.message);
    throw err;
  }
  const records: AuditRecord[] = [];
  let rejected = batch.malformed;
  for (const candidate of batch.records) {
    const parsed = parseRecord(clean(upcast(candidate)));
    if (parsed === undefined) rejected += 1;
    else records.push(parsed);
  }
  return { batchId: batch.batchId, records, rejected };
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
