import { describe, expect, it } from 'vitest';
import { AuditBatchEncoder } from '@keyhold/bus';
import {
  PoisonMessageError,
  bareKeyId,
  clean,
  decodeBatch,
  indexColumns,
  parseRecord,
} from './records.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '2.0',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: 'arn:aws:iam::444455556666:user/test',
      accountId: '444455556666',
      accessKeyId: 'test',
    },
    eventTime: '2024-06-01T12:00:00.123Z',
    eventSource: 'kms.amazonaws.com',
    eventName: 'Encrypt',
    awsRegion: 'us-east-1',
    sourceIPAddress: '127.0.0.1',
    userAgent: 'aws-cli/2',
    requestParameters: { keyId: KEY_ID, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    responseElements: null,
    requestID: 'req-1',
    eventID: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
    readOnly: true,
    resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    eventCategory: 'Data',
    recipientAccountId: '111122223333',
    ...overrides,
  };
}

/** A version-1 body, as gateways before version 2 (and the int tests) write them. */
const encode = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

function encodeV2(records: readonly object[]): Uint8Array {
  const encoder = new AuditBatchEncoder('b2', 2);
  for (const r of records) encoder.add(r);
  return encoder.finish();
}

describe('decodeBatch', () => {
  it('keeps valid records and normalises them', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b1',
        records: [
          record({
            eventID: '0B0E8F56-7E63-4C32-9A4B-5E0F0A2B1C3D',
            eventTime: '2024-06-01T14:00:00+02:00',
          }),
          record({
            eventID: 'bbbbbbbb-7e63-4c32-9a4b-5e0f0a2b1c3d',
            userAgent: `ua\u0000\ud800${'x'.repeat(9000)}`,
            errorCode: 'AccessDeniedException',
          }),
        ],
      }),
    );
    expect(out.batchId).toBe('b1');
    expect(out.rejected).toBe(0);
    expect(out.records[0]).toMatchObject({
      eventID: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
      eventTime: '2024-06-01T12:00:00.000Z',
    });
    expect(out.records[0]).not.toHaveProperty('errorCode');
    expect(out.records[1]?.userAgent.length).toBeLessThanOrEqual(8192);
    expect(out.records[1]?.userAgent.startsWith('ua\ufffdx')).toBe(true);
    expect(out.records[1]).toMatchObject({ errorCode: 'AccessDeniedException', errorMessage: '' });
  });

  it('upcasts a version-1 record', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b0',
        records: [
          {
            eventId: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
            requestId: 'r1',
            eventTime: '2024-06-01T12:00:00.000Z',
            eventName: 'DescribeKey',
            region: 'us-east-1',
            accountId: '444455556666',
            principalArn: 'arn:aws:iam::444455556666:user/alt',
            accessKeyId: 'alt',
            sourceIp: '127.0.0.1',
            userAgent: 'ua',
            keyArn: KEY_ARN,
            keyId: KEY_ID,
            outcome: 'Denied',
            errorCode: 'AccessDeniedException',
            errorMessage: 'no',
            requestParameters: { keyId: KEY_ARN },
            responseElements: {},
            service: 'gateway',
          },
        ],
      }),
    );
    expect(out.rejected).toBe(0);
    expect(out.records[0]).toMatchObject({
      eventVersion: '2.0',
      eventID: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
      requestID: 'r1',
      awsRegion: 'us-east-1',
      userIdentity: { accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/alt' },
      errorCode: 'AccessDeniedException',
      recipientAccountId: '111122223333',
      eventCategory: 'Management',
      readOnly: true,
      responseElements: null,
    });
  });

  it('drops invalid records and counts them', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b2',
        records: [
          record(),
          record({ eventID: 'not-a-uuid' }),
          record({ eventTime: 'yesterday' }),
          record({ eventTime: '+020000-01-01T00:00:00Z' }),
          record({ eventCategory: 'Maybe' }),
          { eventID: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d' },
          42,
        ],
      }),
    );
    expect(out.records).toHaveLength(1);
    expect(out.rejected).toBe(6);
  });

  it('reads a version-2 batch: each record from the one before', () => {
    const second = 'bbbbbbbb-7e63-4c32-9a4b-5e0f0a2b1c3d';
    const third = 'cccccccc-7e63-4c32-9a4b-5e0f0a2b1c3d';
    const records = [
      record(),
      record({
        eventID: second,
        requestID: 'req-2',
        errorCode: 'AccessDeniedException',
        errorMessage: 'no',
        additionalEventData: { denyReason: 'no allow' },
      }),
      record({ eventID: third.toUpperCase(), requestID: 'req-3' }),
    ];
    const data = encodeV2(records);
    expect(Buffer.from(data).toString()).toContain('"format":2');
    const out = decodeBatch(data);
    expect(out).toEqual({
      batchId: 'b2',
      records: [
        parseRecord(records[0]),
        parseRecord(records[1]),
        parseRecord({ ...records[2], eventID: third }),
      ],
      rejected: 0,
    });
    expect(out.records[1]).toMatchObject({
      errorCode: 'AccessDeniedException',
      additionalEventData: { denyReason: 'no allow' },
    });
    expect(out.records[2]).not.toHaveProperty('errorCode');
    expect(out.records[2]).not.toHaveProperty('additionalEventData');
  });

  it('counts a malformed delta of a version-2 batch as rejected and keeps the rest', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b3',
        format: 2,
        records: [
          record(),
          { u: 'eventID' },
          { s: { requestID: 'req-3', eventID: 'cccccccc-7e63-4c32-9a4b-5e0f0a2b1c3d' } },
          { s: { eventID: 'not-a-uuid' } },
        ],
      }),
    );
    expect(out.records.map((r) => r.requestID)).toEqual(['req-1', 'req-3']);
    expect(out.rejected).toBe(2);
  });

  it.each([
    ['not JSON', Buffer.from('{oops')],
    ['unknown audit batch format', encode({ batchId: 'x', format: 3, records: [] })],
    ['not an audit batch', encode({ records: [] })],
    ['not an audit batch', encode([record()])],
    ['not an audit batch', encode({ batchId: 'x', records: 'nope' })],
  ])('calls a message poison: %s', (reason, data) => {
    expect(() => decodeBatch(data)).toThrow(new PoisonMessageError(reason));
  });
});

describe('indexColumns', () => {
  it('finds the key, the caller and the chain of a record', () => {
    const [r] = decodeBatch(encode({ batchId: 'b', records: [record()] })).records;
    expect(indexColumns(r!)).toEqual({
      region: 'us-east-1',
      eventId: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
      requestId: 'req-1',
      eventTime: '2024-06-01T12:00:00.123Z',
      eventName: 'Encrypt',
      accountId: '444455556666',
      principalArn: 'arn:aws:iam::444455556666:user/test',
      keyArn: KEY_ARN,
      keyId: KEY_ID,
      errorCode: '',
      eventCategory: 'Data',
      recipientAccountId: '111122223333',
    });
  });

  it('uses a bare key id from the request and puts bad regions in the none chain', () => {
    const [r] = decodeBatch(
      encode({ batchId: 'b', records: [record({ resources: [], awsRegion: 'mars-1' })] }),
    ).records;
    expect(indexColumns(r!)).toMatchObject({ keyId: KEY_ID, keyArn: '', region: 'none' });
  });
});

describe('parseRecord', () => {
  it('keeps only the known fields, as the schema did', () => {
    const r = parseRecord({
      ...record({ errorCode: 'X' }),
      extra: 1,
      userIdentity: { ...(record()['userIdentity'] as object), sessionContext: {} },
      resources: [{ accountId: 'a', type: 't', ARN: 'x', tags: [] }],
    });
    expect(r).toBeDefined();
    expect(r).not.toHaveProperty('extra');
    expect(r?.userIdentity).not.toHaveProperty('sessionContext');
    expect(r?.resources).toEqual([{ accountId: 'a', type: 't', ARN: 'x' }]);
    expect(r).toMatchObject({ errorCode: 'X', errorMessage: '' });
  });

  it('keeps the deny reason of additionalEventData, and only it', () => {
    const r = parseRecord({
      ...record({ errorCode: 'AccessDeniedException' }),
      additionalEventData: { denyReason: "explicit deny: key policy statement 'NoEncrypt'", x: 1 },
    });
    expect(r?.additionalEventData).toEqual({
      denyReason: "explicit deny: key policy statement 'NoEncrypt'",
    });
    expect(parseRecord(record())).not.toHaveProperty('additionalEventData');
  });

  it('keeps invokedBy: the service that called for the user', () => {
    const identity = {
      ...(record()['userIdentity'] as object),
      invokedBy: 'objectstore.keyhold.internal',
    };
    expect(parseRecord(record({ userIdentity: identity }))?.userIdentity).toEqual(identity);
    expect(parseRecord(record())?.userIdentity).not.toHaveProperty('invokedBy');
  });

  it.each([
    ['requestParameters an array', { requestParameters: [] }],
    ['requestParameters missing', { requestParameters: undefined }],
    ['errorCode null', { errorCode: null }],
    ['readOnly a string', { readOnly: 'true' }],
    [
      'eleven resources',
      { resources: Array.from({ length: 11 }, () => ({ accountId: '', type: '', ARN: '' })) },
    ],
    ['a resource without ARN', { resources: [{ accountId: '', type: '' }] }],
    [
      'userIdentity without arn',
      { userIdentity: { type: '', principalId: '', accountId: '', accessKeyId: '' } },
    ],
    ['an event time before 1970', { eventTime: '1969-12-31T23:59:59Z' }],
    ['a deny reason not a string', { additionalEventData: { denyReason: 1 } }],
    [
      'invokedBy not a string',
      { userIdentity: { ...(record()['userIdentity'] as object), invokedBy: 1 } },
    ],
  ])('refuses %s', (_, patch) => {
    expect(parseRecord(record(patch))).toBeUndefined();
  });
});

describe('clean', () => {
  it('returns a clean value itself, and copies only what it changes', () => {
    const value = JSON.parse('{"a":{"b":[1,"x"]},"c":"y"}') as Record<string, unknown>;
    expect(clean(value)).toBe(value);
    const dirty = JSON.parse('{"a":{"b":[1,"x"]},"c":"y\\u0000","d":{"e":1}}') as Record<
      string,
      unknown
    >;
    const out = clean(dirty) as Record<string, unknown>;
    expect(out).not.toBe(dirty);
    expect(out).toEqual({ a: { b: [1, 'x'] }, c: 'y', d: { e: 1 } });
    expect(out['a']).toBe(dirty['a']);
    expect(clean(JSON.parse('{"k\\u0000":1,"z":2}'))).toEqual({ k: 1, z: 2 });
    expect(clean(Array.from({ length: 1001 }, () => 0))).toHaveLength(1000);
  });

  it('drops a __proto__ key without making it the prototype', () => {
    const out = clean(JSON.parse('{"a":1,"__proto__":{"polluted":true}}'));
    expect(Object.keys(out as object)).toEqual(['a']);
    expect(Object.hasOwn(out as object, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('cleans a member shared by records once, and one that needed cleaning every time', () => {
    const shared = { keyId: 'k', encryptionContext: { a: 'b' } };
    const dirty = { keyId: 'k\u0000' };
    for (let i = 0; i < 2; i++) {
      const out = clean({ requestParameters: shared, responseElements: dirty }) as Record<
        string,
        unknown
      >;
      expect(out['requestParameters']).toBe(shared);
      expect(out['responseElements']).toEqual({ keyId: 'k' });
      expect(dirty).toEqual({ keyId: 'k\u0000' });
    }
  });

  it('takes no missing field from a __proto__ member', () => {
    const { eventName, ...nameless } = record();
    const body = JSON.stringify({ batchId: 'p', records: [nameless] }).replace(
      '"records":[{',
      `"records":[{"__proto__":{"eventName":${JSON.stringify(eventName)}},`,
    );
    expect(decodeBatch(Buffer.from(body))).toMatchObject({ records: [], rejected: 1 });
  });

  it('bounds depth and drops non-finite numbers', () => {
    expect(clean({ a: Number.NaN, b: [1, { c: '\u0000x' }] })).toEqual({
      a: null,
      b: [1, { c: 'x' }],
    });
  });

  it('finds the key id in an ARN', () => {
    expect(bareKeyId(KEY_ARN)).toBe(KEY_ID);
    expect(bareKeyId(KEY_ID)).toBe(KEY_ID);
    expect(bareKeyId('alias/foo')).toBe('alias/foo');
  });
});
