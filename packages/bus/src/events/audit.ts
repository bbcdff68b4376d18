import { memoize } from '@keyhold/core';
/** How a request ended, as recorded in the audit log (derived from errorCode). */
export const AUDIT_OUTCOMES = {
  Allowed: 'Allowed',
  Denied: 'Denied',
  Throttled: 'Throttled',
  Failed: 'Failed',
} as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[keyof typeof AUDIT_OUTCOMES];

/**
 * Version of the {@link AuditRecord} shape. Bump it when the shape changes;
 * consumers dispatch on it. Records without an `eventVersion` are the flat
 * shape of version 1 (before CloudTrail-like fields) and are upcast on read.
 */
export const AUDIT_EVENT_VERSION = '2.0';

/** CloudTrail's split of KMS calls: the key's data plane or its management. */
export const AUDIT_EVENT_CATEGORIES = { Management: 'Management', Data: 'Data' } as const;
export type AuditEventCategory =
  (typeof AUDIT_EVENT_CATEGORIES)[keyof typeof AUDIT_EVENT_CATEGORIES];

/** Who made the request, as CloudTrail's `userIdentity`. Empty strings when unauthenticated. */
export interface AuditUserIdentity {
  /**
   * `IAMUser`, `AssumedRole`, `Root`, `Role`, `AWSService` (a service
   * principal acting as itself), or `Unknown` when authentication failed.
   */
  readonly type: string;
  /**
   * A stable opaque id of the principal. Keyhold has no IAM unique ids, so it
   * is derived from the principal ARN (`AIDA…` for users, `AROA…` for roles).
   */
  readonly principalId: string;
  readonly arn: string;
  readonly accountId: string;
  /** Present even when authentication failed, as the request named it. */
  readonly accessKeyId: string;
  /** The service principal that made the call (itself, or for the principal above). */
  readonly invokedBy?: string;
}

/** A resource the request touched; for KMS, the key. */
export interface AuditResource {
  readonly accountId: string;
  /** `AWS::KMS::Key` */
  readonly type: string;
  readonly ARN: string;
}

/** {@link AuditRecord.additionalEventData} */
export interface AuditAdditionalEventData {
  readonly denyReason?: string;
}

/**
 * One audited request, shaped like a CloudTrail KMS event (field names as
 * CloudTrail writes them). Never holds plaintext, data keys, ciphertext
 * blobs, key material, grant tokens or secrets: requestParameters and
 * responseElements are built from allow-lists.
 */
export interface AuditRecord {
  /** {@link AUDIT_EVENT_VERSION} */
  readonly eventVersion: string;
  readonly userIdentity: AuditUserIdentity;
  /** ISO-8601, UTC, milliseconds. */
  readonly eventTime: string;
  /** `kms.amazonaws.com`, so CloudTrail tooling recognises the records. */
  readonly eventSource: string;
  /** The AWS operation name ('' when the request named none we know). */
  readonly eventName: string;
  /** The request's region ('' when it named no valid one). */
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  /** Allow-listed request members, camelCase as CloudTrail writes them. */
  readonly requestParameters: Readonly<Record<string, unknown>> | null;
  /** Allow-listed response members of management calls; null for data calls and failures. */
  readonly responseElements: Readonly<Record<string, unknown>> | null;
  /** The AWS exception name; absent when the request succeeded. */
  readonly errorCode?: string;
  /** The client-safe message sent; absent when the request succeeded. */
  readonly errorMessage?: string;
  /**
   * Keyhold's detail beyond CloudTrail's fields; `denyReason` on a denied
   * request: the deciding statement (Sid or index) or `no allow`, which the
   * caller is never told.
   */
  readonly additionalEventData?: AuditAdditionalEventData;
  /** The `x-amzn-RequestId` the caller saw. */
  readonly requestID: string;
  /** Unique per record (UUID); the audit log stores each at most once. */
  readonly eventID: string;
  readonly readOnly: boolean;
  /** The key, when known. */
  readonly resources: readonly AuditResource[];
  /** `AwsApiCall` */
  readonly eventType: string;
  readonly managementEvent: boolean;
  readonly eventCategory: AuditEventCategory;
  /** The key owner's account (differs from the caller's on cross-account calls); else the caller's. */
  readonly recipientAccountId: string;
}

/**
 * Audit records travel packed: one JetStream message on `<prefix>.audit.<region>`
 * holds up to a few hundred records, `Nats-Msg-Id` = `batchId`. This is the
 * version-1 body; write bodies with {@link AuditBatchEncoder} and read them
 * with {@link decodeAuditBatch}, which know every {@link AuditWireFormat}.
 */
export interface AuditBatch {
  readonly batchId: string;
  readonly records: readonly AuditRecord[];
}

/** Allowed, Denied (AccessDenied), Throttled or Failed (any other error), from a record's errorCode. */
export function auditOutcome(errorCode: string | undefined): AuditOutcome {
  if (errorCode === undefined || errorCode === '') return AUDIT_OUTCOMES.Allowed;
  if (errorCode === 'AccessDeniedException') return AUDIT_OUTCOMES.Denied;
  if (errorCode === 'ThrottlingException') return AUDIT_OUTCOMES.Throttled;
  return AUDIT_OUTCOMES.Failed;
}

/**
 * Wire formats of an audit batch, the body of one JetStream message:
 * - 1: `{"batchId":"…","records":[R0,R1,…]}`, every record in full.
 * - 2: `{"batchId":"…","format":2,"records":[R0,D1,D2,…]}`: the first record
 *   in full, each later one as an {@link AuditRecordDelta} of the one before.
 *
 * Records of a batch are nearly identical (same principal, key, region, user
 * agent, parameters; new eventTime, requestID and eventID), so version 2 takes
 * a quarter of the bytes in a batch of 10 and a sixth in one of 100: less
 * for nats-server to store and deliver and for audit-log to parse. An
 * audit-log older than version 2 drops version-2 records: upgrade audit-log
 * first.
 */
export const AUDIT_WIRE_FORMATS = [1, 2] as const;
export type AuditWireFormat = (typeof AUDIT_WIRE_FORMATS)[number];

/** The format gateways write unless configured otherwise. */
export const DEFAULT_AUDIT_WIRE_FORMAT: AuditWireFormat = 2;

/** Bounds of a batch any decoder accepts. */
export const AUDIT_BATCH_LIMITS = { maxBatchIdLength: 256, maxRecords: 10_000 } as const;

/**
 * Record i of a version-2 batch as a change of record i-1, at the top level
 * only: `s` holds the members whose JSON text differs from record i-1's, or
 * that record i-1 lacks, with their new values; `u` names record i-1's members
 * that record i lacks. Each is left out when empty, so `{}` repeats record
 * i-1. Member names appear only as keys of `s` or items of `u`, which keeps
 * any name (`s`, `u`, `__proto__`) unambiguous. Members that appear are added
 * after the others: member order is kept only while the set of members is.
 */
export interface AuditRecordDelta {
  readonly s?: Readonly<Record<string, unknown>>;
  readonly u?: readonly string[];
}

/**
 * Builds one audit batch body, a record at a time, in the given wire format.
 * In version 2 each record costs about one `JSON.stringify` of it: primitive
 * members are compared with `===`, object members by their JSON text, and
 * only changed members are serialised further. Of the last record it keeps
 * only primitives and JSON text, so a record may change once added.
 */
export class AuditBatchEncoder {
  readonly batchId: string;
  readonly format: AuditWireFormat;
  private readonly head: string;
  private readonly pieces: string[] = [];
  private size: number;
  // The last record's members (version 2), in order: a primitive as is, an
  // object as its JSON text (its value slot then undefined).
  private prevKeys: readonly string[] = [];
  private prevValues: readonly unknown[] = [];
  private prevJson: ReadonlyArray<string | undefined> = [];

  /** @param format @default {@link DEFAULT_AUDIT_WIRE_FORMAT} */
  constructor(batchId: string, format: AuditWireFormat = DEFAULT_AUDIT_WIRE_FORMAT) {
    if (batchId.length < 1 || batchId.length > AUDIT_BATCH_LIMITS.maxBatchIdLength)
      throw new RangeError('batchId must be 1 to 256 characters');
    this.batchId = batchId;
    this.format = format;
    this.head = `{"batchId":${JSON.stringify(batchId)},${format === 2 ? '"format":2,' : ''}"records":[`;
    this.size = Buffer.byteLength(this.head) + 2;
  }

  /** Records added so far. */
  get count(): number {
    return this.pieces.length;
  }

  /** UTF-8 bytes of the body {@link finish} would return now. */
  get bytes(): number {
    return this.size;
  }

  /**
   * Adds `record` (serialised as `JSON.stringify` would) unless the batch
   * already holds a record and this one would take the body past `maxBytes`:
   * then returns false and the encoder is left as it was. A first record is
   * always taken, whatever its size.
   */
  add(record: object, maxBytes: number = Number.POSITIVE_INFINITY): boolean {
    if (Array.isArray(record)) throw new TypeError('an audit record is a JSON object');
    if (this.format === 1) return this.push(JSON.stringify(record), maxBytes);
    const first = this.pieces.length === 0;
    const pk = this.prevKeys;
    const pv = this.prevValues;
    const pj = this.prevJson;
    const keys: string[] = [];
    const values: unknown[] = [];
    const jsons: Array<string | undefined> = [];
    let index: Map<string, number> | undefined;
    let matched = 0;
    let changed = '';
    const members = record as Readonly<Record<string, unknown>>;
    for (const k of Object.keys(members)) {
      const v = members[k];
      let json: string | undefined;
      if (typeof v === 'object' && v !== null) {
        json = JSON.stringify(v) as string | undefined;
        // A toJSON that returns undefined: JSON.stringify leaves the member out.
        if (json === undefined) continue;
      } else if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
        continue;
      }
      const i = keys.length;
      keys.push(k);
      values.push(json === undefined ? v : undefined);
      jsons.push(json);
      if (!first) {
        // Records of a batch mostly list the same members in the same order.
        const p = pk[i] === k ? i : (index ??= positions(pk)).get(k);
        if (p !== undefined) {
          matched += 1;
          if (json === undefined ? pj[p] === undefined && pv[p] === v : pj[p] === json) continue;
        }
      }
      changed += `${changed === '' ? '' : ','}${memberName(k)}${json ?? primitiveJson(v)}`;
    }
    let piece: string;
    if (first) {
      piece = `{${changed}}`;
    } else {
      let unset = '';
      if (matched < pk.length) {
        const present = new Set(keys);
        for (const k of pk)
          if (!present.has(k)) unset += `${unset === '' ? '' : ','}${JSON.stringify(k)}`;
      }
      const s = changed === '' ? '' : `"s":{${changed}}`;
      const u = unset === '' ? '' : `${s === '' ? '' : ','}"u":[${unset}]`;
      piece = `{${s}${u}}`;
    }
    if (!this.push(piece, maxBytes)) return false;
    this.prevKeys = keys;
    this.prevValues = values;
    this.prevJson = jsons;
    return true;
  }

  /** The body: the records added so far. */
  finish(): Uint8Array {
    return Buffer.from(`${this.head}${this.pieces.join(',')}]}`, 'utf8');
  }

  private push(piece: string, maxBytes: number): boolean {
    const size = this.size + Buffer.byteLength(piece) + (this.pieces.length === 0 ? 0 : 1);
    if (size > maxBytes && this.pieces.length > 0) return false;
    this.pieces.push(piece);
    this.size = size;
    return true;
  }
}

/** Record member names are few and fixed: each one's JSON is worked out once. */
const memberName = memoize((key: string) => `${JSON.stringify(key)}:`, 1024);

// Strings JSON.stringify writes as they are: no control character, quote, backslash or
// surrogate (it escapes lone ones; paired ones are left to it too).
const PLAIN_STRING = /^[ !#-[\]-\ud7ff\ue000-\uffff]*$/;
/** JSON.stringify of a primitive, faster for the plain strings (ids, times) that change. */
function primitiveJson(value: unknown): string {
  return typeof value === 'string' && PLAIN_STRING.test(value)
    ? `"${value}"`
    : (JSON.stringify(value) as string);
}

function positions(keys: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  keys.forEach((k, i) => map.set(k, i));
  return map;
}

/** A message body that is no audit batch of a known format; it can never be stored. */
export class AuditBatchFormatError extends Error {
  constructor(reason: 'not JSON' | 'not an audit batch' | 'unknown audit batch format') {
    super(reason);
    this.name = 'AuditBatchFormatError';
  }
}

/** {@link decodeAuditBatch} */
export interface DecodedAuditBatch {
  readonly batchId: string;
  readonly format: AuditWireFormat;
  /**
   * The records as plain objects, as `JSON.parse` makes them (a version-1
   * batch's entries as they are, whatever they hold). Records of a version-2
   * batch share the values of the members they did not change: treat them as
   * read-only.
   */
  readonly records: unknown[];
  /** Version-2 entries that describe no record: not an object, or a malformed delta. */
  readonly malformed: number;
}

type JsonObject = Record<string, unknown>;

const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decodes an audit batch body of either wire format. Throws
 * {@link AuditBatchFormatError} when it is neither. A malformed entry of a
 * version-2 batch is counted in `malformed` and changes nothing: the next
 * delta applies to the last record the batch did describe (to `{}` when the
 * first entry is no object).
 */
export function decodeAuditBatch(data: Uint8Array): DecodedAuditBatch {
  let body: unknown;
  try {
    // A view, not a copy, of the message body.
    body = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  } catch {
    throw new AuditBatchFormatError('not JSON');
  }
  if (!isJsonObject(body)) throw new AuditBatchFormatError('not an audit batch');
  const batchId = Object.hasOwn(body, 'batchId') ? body['batchId'] : undefined;
  const entries = Object.hasOwn(body, 'records') ? body['records'] : undefined;
  if (
    typeof batchId !== 'string' ||
    batchId.length < 1 ||
    batchId.length > AUDIT_BATCH_LIMITS.maxBatchIdLength ||
    !Array.isArray(entries) ||
    entries.length > AUDIT_BATCH_LIMITS.maxRecords
  ) {
    throw new AuditBatchFormatError('not an audit batch');
  }
  if (!Object.hasOwn(body, 'format')) return { batchId, format: 1, records: entries, malformed: 0 };
  if (body['format'] !== 2) throw new AuditBatchFormatError('unknown audit batch format');
  const records: unknown[] = [];
  let malformed = 0;
  let previous: JsonObject = {};
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    const record =
      i === 0 ? (isJsonObject(entry) ? entry : undefined) : applyDelta(previous, entry);
    if (record === undefined) {
      malformed += 1;
    } else {
      records.push(record);
      previous = record;
    }
  }
  return { batchId, format: 2, records, malformed };
}

/** Record i from record i-1 and its delta; undefined when the delta is malformed. */
function applyDelta(base: JsonObject, delta: unknown): JsonObject | undefined {
  if (!isJsonObject(delta)) return undefined;
  let set: JsonObject | undefined;
  let unset: unknown[] | undefined;
  for (const k of Object.keys(delta)) {
    const v = delta[k];
    if (k === 's' && isJsonObject(v)) set = v;
    else if (k === 'u' && Array.isArray(v)) unset = v as unknown[];
    else return undefined;
  }
  let record: JsonObject;
  if (unset === undefined || unset.length === 0) {
    // Spreading defines members as JSON.parse does: an own `__proto__` stays a member.
    record = { ...base };
  } else {
    const gone = new Set<string>();
    for (const k of unset) {
      // Unsetting what record i-1 lacks, or what the delta also sets, is a contradiction.
      if (typeof k !== 'string' || !Object.hasOwn(base, k) || (set && Object.hasOwn(set, k)))
        return undefined;
      gone.add(k);
    }
    record = {};
    for (const k of Object.keys(base)) if (!gone.has(k)) define(record, k, base[k]);
  }
  if (set !== undefined) for (const k of Object.keys(set)) define(record, k, set[k]);
  return record;
}

/** `object[key] = value`, except that a `__proto__` key becomes a member, not the prototype. */
function define(object: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else object[key] = value;
}
