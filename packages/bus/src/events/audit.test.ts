import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_EVENT_VERSION,
  AuditBatchEncoder,
  AuditBatchFormatError,
  decodeAuditBatch,
} from './audit.js';
import type { AuditRecord, AuditWireFormat } from './audit.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function auditRecord(i: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDA0000000000000TEST',
      arn: 'arn:aws:iam::111122223333:user/test',
      accountId: '111122223333',
      accessKeyId: 'AKIATEST',
    },
    eventTime: new Date(Date.UTC(2026, 10, 30, 12, 0, 0, i)).toISOString(),
    eventSource: 'kms.amazonaws.com',
    eventName: 'Encrypt',
    awsRegion: 'us-east-1',
    sourceIPAddress: '10.0.0.1',
    userAgent: 'aws-sdk-js/3',
    requestParameters: { keyId: KEY_ARN, encryptionContext: { tenant: 'a' } },
    responseElements: null,
    requestID: `req-${i}`,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    readOnly: true,
    resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    eventCategory: 'Data',
    recipientAccountId: '111122223333',
    ...overrides,
  };
}

function encode(records: readonly object[], format: AuditWireFormat = 2, batchId = 'b1') {
  const encoder = new AuditBatchEncoder(batchId, format);
  for (const r of records) expect(encoder.add(r)).toBe(true);
  return encoder.finish();
}

const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');
const body = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
/** What a record is on the wire: what JSON.stringify keeps of it. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('AuditBatchEncoder, version 2', () => {
  it('writes the first record in full and each next one as its changed and removed members', () => {
    const records = [
      { a: 1, b: 'x', c: { d: [1, 2] } },
      { a: 1, b: 'y', c: { d: [1, 2] } },
      { a: 1, b: 'y', c: { d: [1, 2] } },
      { a: 1, b: 'y' },
      { a: 1, b: 'y', e: null, c: { d: [1, 3] } },
      { b: 'y\n"', e: null },
    ];
    expect(JSON.parse(text(encode(records)))).toEqual({
      batchId: 'b1',
      format: 2,
      records: [
        { a: 1, b: 'x', c: { d: [1, 2] } },
        { s: { b: 'y' } },
        {},
        { u: ['c'] },
        { s: { e: null, c: { d: [1, 3] } } },
        { s: { b: 'y\n"' }, u: ['a', 'c'] },
      ],
    });
  });

  it('sends only eventTime, requestID and eventID between requests of one caller', () => {
    const out = text(encode([auditRecord(1), auditRecord(2)]));
    expect(out).toBe(
      `{"batchId":"b1","format":2,"records":[${JSON.stringify(auditRecord(1))},` +
        '{"s":{"eventTime":"2026-11-30T12:00:00.002Z","requestID":"req-2",' +
        '"eventID":"00000000-0000-4000-8000-000000000002"}}]}',
    );
  });

  it('round-trips failures, other principals and keys, and odd member names', () => {
    const denied = auditRecord(2, {
      errorCode: 'AccessDeniedException',
      errorMessage: 'User: x is not authorized',
      additionalEventData: { denyReason: "explicit deny: key policy statement 'No'" },
    });
    const records: object[] = [
      auditRecord(1),
      denied,
      auditRecord(3),
      auditRecord(4, {
        userIdentity: {
          type: 'AssumedRole',
          principalId: 'AROA00000000000OTHER',
          arn: 'arn:aws:sts::444455556666:assumed-role/r/s',
          accountId: '444455556666',
          accessKeyId: 'ASIAOTHER',
        },
        recipientAccountId: '444455556666',
      }),
      auditRecord(5, {
        eventName: 'CreateKey',
        requestParameters: null,
        responseElements: { keyMetadata: { keyId: 'k', arn: KEY_ARN } },
        resources: [],
        errorCode: 'ThrottlingException',
        errorMessage: 'Rate exceeded',
      }),
      auditRecord(6, { userAgent: 'ua \u0000 \ud800 é 😀 "quoted" \\ tab\t' }),
      { ...auditRecord(7), s: 1, u: ['x'], '': 'empty', 'a"b': 2, 'é 😀': 3, constructor: 'c' },
      { ...auditRecord(8), s: 2, toString: 'str', skipped: undefined, at: new Date(0) },
      {},
      { only: true },
    ];
    const decoded = decodeAuditBatch(encode(records));
    expect(decoded).toStrictEqual({
      batchId: 'b1',
      format: 2,
      records: asJson(records),
      malformed: 0,
    });
  });

  it('keeps member order while records keep the same members', () => {
    const records = [auditRecord(1), auditRecord(2), auditRecord(3)];
    for (const r of decodeAuditBatch(encode(records)).records)
      expect(Object.keys(r as object)).toEqual(Object.keys(auditRecord(0)));
  });

  it('counts the exact bytes, and leaves a record that does not fit to the next batch', () => {
    const encoder = new AuditBatchEncoder('b1');
    expect(encoder.bytes).toBe(encoder.finish().length);
    expect(encoder.add(auditRecord(1), 10)).toBe(true); // a first record always fits
    expect(encoder.bytes).toBe(encoder.finish().length);
    const cap = encoder.bytes + 50;
    // A failure's delta (errorCode, errorMessage, ids) is more than 50 bytes.
    expect(encoder.add(auditRecord(2, { errorCode: 'X', errorMessage: 'y' }), cap)).toBe(false);
    expect(encoder.count).toBe(1);
    expect(encoder.bytes).toBe(encoder.finish().length);
    expect(encoder.add(auditRecord(3), 1 << 20)).toBe(true);
    expect(encoder.add(auditRecord(4, { userAgent: 'é😀' }))).toBe(true);
    expect(encoder.count).toBe(3);
    expect(encoder.bytes).toBe(encoder.finish().length);
    // The refused record left no trace: the next delta is against record 1.
    expect(decodeAuditBatch(encoder.finish()).records).toEqual([
      auditRecord(1),
      auditRecord(3),
      auditRecord(4, { userAgent: 'é😀' }),
    ]);
  });

  it('compares with a record as it was added, even if it changed since', () => {
    const params = { keyId: 'a' };
    const encoder = new AuditBatchEncoder('b1');
    encoder.add({ p: params, n: 1 });
    params.keyId = 'b';
    encoder.add({ p: params, n: 1 });
    expect(decodeAuditBatch(encoder.finish()).records).toEqual([
      { p: { keyId: 'a' }, n: 1 },
      { p: { keyId: 'b' }, n: 1 },
    ]);
  });

  it('is about a third of version 1 for a batch of near-identical records', () => {
    const records = Array.from({ length: 20 }, (_, i) => auditRecord(i));
    expect(encode(records, 2).length * 3).toBeLessThan(encode(records, 1).length);
  });

  it('refuses batch ids the decoder would refuse, and arrays as records', () => {
    expect(() => new AuditBatchEncoder('')).toThrow(RangeError);
    expect(() => new AuditBatchEncoder('x'.repeat(257))).toThrow(RangeError);
    expect(() => new AuditBatchEncoder('x').add([1])).toThrow(TypeError);
  });
});

describe('AuditBatchEncoder, version 1', () => {
  it('writes every record in full, as gateways before version 2 did', () => {
    const records = [auditRecord(1), auditRecord(2, { errorCode: 'X', errorMessage: '' })];
    const out = encode(records, 1, 'b0');
    expect(text(out)).toBe(JSON.stringify({ batchId: 'b0', records }));
    const encoder = new AuditBatchEncoder('b0', 1);
    for (const r of records) encoder.add(r);
    expect(encoder.bytes).toBe(out.length);
  });
});

describe('decodeAuditBatch', () => {
  it('reads version-1 bodies, entries as they are', () => {
    const records = [auditRecord(1), 42, { eventId: 'flat v1 record' }];
    expect(decodeAuditBatch(body({ batchId: 'b0', records, extra: 1 }))).toEqual({
      batchId: 'b0',
      format: 1,
      records,
      malformed: 0,
    });
    const empty = decodeAuditBatch(body({ batchId: 'b0', records: [] }));
    expect(empty.records).toEqual([]);
  });

  it('reads a body from a view into a larger buffer', () => {
    const inner = encode([auditRecord(1), auditRecord(2)]);
    const padded = Buffer.concat([Buffer.from('xx'), inner, Buffer.from('yy')]);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 2, inner.length);
    expect(decodeAuditBatch(view).records).toEqual([auditRecord(1), auditRecord(2)]);
  });

  it.each([
    ['not JSON', Buffer.from('{oops')],
    ['not JSON', Buffer.from('')],
    ['not an audit batch', body([auditRecord(1)])],
    ['not an audit batch', body(null)],
    ['not an audit batch', body({ records: [] })],
    ['not an audit batch', body({ batchId: '', records: [] })],
    ['not an audit batch', body({ batchId: 'x'.repeat(257), records: [] })],
    ['not an audit batch', body({ batchId: 7, records: [] })],
    ['not an audit batch', body({ batchId: 'b', records: 'nope' })],
    ['not an audit batch', body({ batchId: 'b', format: 2, records: {} })],
    [
      'not an audit batch',
      body({ batchId: 'b', records: Array.from({ length: 10_001 }, () => 0) }),
    ],
    ['not an audit batch', Buffer.from('{"__proto__":{"batchId":"b","records":[]}}')],
    ['unknown audit batch format', body({ batchId: 'b', format: 3, records: [] })],
    ['unknown audit batch format', body({ batchId: 'b', format: '2', records: [] })],
    ['unknown audit batch format', body({ batchId: 'b', format: null, records: [] })],
  ])('refuses a body that is no batch: %s', (reason, data) => {
    expect(() => decodeAuditBatch(data)).toThrow(new AuditBatchFormatError(reason as never));
    expect(() => decodeAuditBatch(data)).toThrow(AuditBatchFormatError);
  });

  it('accepts 10,000 records and a 256-character batch id', () => {
    const id = 'x'.repeat(256);
    const deltas = Array.from({ length: 9_999 }, () => ({}));
    const out = decodeAuditBatch(body({ batchId: id, format: 2, records: [{ a: 1 }, ...deltas] }));
    expect(out.batchId).toBe(id);
    expect(out.records).toHaveLength(10_000);
  });

  it('drops a malformed delta alone; the next one applies to the last record described', () => {
    const out = decodeAuditBatch(
      body({
        batchId: 'b',
        format: 2,
        records: [
          { a: 1, b: 'x', c: true },
          42,
          null,
          [],
          'delta',
          { s: [] },
          { s: null },
          { s: 'a' },
          { u: 'c' },
          { u: [1] },
          { u: ['c', null] },
          { x: 1 },
          { s: { a: 2 }, extra: true },
          { u: ['missing'] },
          { s: { c: false }, u: ['c'] },
          { s: { b: 'y' } },
          { u: ['c'] },
          { u: [] },
          { s: {} },
        ],
      }),
    );
    expect(out.malformed).toBe(14);
    expect(out.records).toEqual([
      { a: 1, b: 'x', c: true },
      { a: 1, b: 'y', c: true },
      { a: 1, b: 'y' },
      { a: 1, b: 'y' },
      { a: 1, b: 'y' },
    ]);
  });

  it('applies the deltas after a first entry that is no record to an empty record', () => {
    const out = decodeAuditBatch(
      body({ batchId: 'b', format: 2, records: [[1], { s: { a: 1 } }, { u: ['a'] }] }),
    );
    expect(out).toEqual({ batchId: 'b', format: 2, records: [{ a: 1 }, {}], malformed: 1 });
  });

  it('keeps __proto__ a member: no prototype is set or polluted', () => {
    const records = [
      JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as object,
      JSON.parse('{"a":2,"__proto__":{"polluted":true}}') as object,
      JSON.parse('{"a":2,"__proto__":{"polluted":"again"}}') as object,
      { a: 2 },
      JSON.parse('{"a":2,"__proto__":null}') as object,
    ];
    const data = encode(records);
    expect(text(data)).toContain('{"u":["__proto__"]}');
    const out = decodeAuditBatch(data);
    expect(out.records).toStrictEqual(records);
    for (const r of out.records) {
      expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      expect((r as Record<string, unknown>)['polluted']).toBeUndefined();
    }
    expect(Object.hasOwn(out.records[2] as object, '__proto__')).toBe(true);
    expect(Object.hasOwn(out.records[3] as object, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A delta with a __proto__ member of its own is malformed, not a prototype.
    const sneaky = decodeAuditBatch(
      Buffer.from(
        '{"batchId":"b","format":2,"records":[{"a":1},{"__proto__":{"s":{"a":9}}},{"s":{"b":1}}]}',
      ),
    );
    expect(sneaky.malformed).toBe(1);
    expect(sneaky.records).toStrictEqual([{ a: 1 }, { a: 1, b: 1 }]);
  });
});

describe('round trip property', () => {
  const name = fc.oneof(
    fc.constantFrom('eventID', 'eventTime', 'errorCode', 's', 'u', '__proto__', '', 'constructor'),
    fc.string({ maxLength: 6 }),
  );
  const value = fc.oneof(fc.constantFrom(null, 0, 'x', true, { k: [1] }), fc.jsonValue());
  const jsonObject = fc
    .dictionary(name, value, { maxKeys: 8 })
    .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);

  // toStrictEqual compares `constructor`, which here may be a member like any other.
  const expectRoundTrip = (records: readonly object[], format: AuditWireFormat) => {
    const decoded = decodeAuditBatch(encode(records, format)).records;
    expect(decoded).toEqual(records);
    for (const r of decoded) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  };

  it('decode(encode(records)) equals the records, for any JSON objects', () => {
    fc.assert(
      fc.property(fc.array(jsonObject, { maxLength: 12 }), (records) => {
        expectRoundTrip(records, 2);
        expectRoundTrip(records, 1);
      }),
      { numRuns: 500 },
    );
  });

  it('decode(encode(records)) equals the records, for records that each edit the last', () => {
    const edit = fc.oneof(
      fc.tuple(name, value).map(([key, v]) => ({ key, value: v as unknown, set: true })),
      name.map((key) => ({ key, value: undefined as unknown, set: false })),
    );
    const chain = fc.tuple(
      jsonObject,
      fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 12 }),
    );
    fc.assert(
      fc.property(chain, ([first, edits]) => {
        const records = [first];
        for (const changes of edits) {
          const next = JSON.parse(JSON.stringify(records.at(-1))) as Record<string, unknown>;
          for (const { key, value: v, set } of changes) {
            if (!set) delete next[key];
            // Defined, not assigned: a __proto__ member stays a member.
            else
              Object.defineProperty(next, key, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
          }
          records.push(asJson(next));
        }
        expectRoundTrip(records, 2);
      }),
      { numRuns: 500 },
    );
  });
});
