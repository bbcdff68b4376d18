import { describe, expect, it } from 'vitest';
import { PoisonMessageError, bareKeyId, decodeBatch } from './records.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
    requestId: 'req-1',
    eventTime: '2024-06-01T12:00:00.123Z',
    eventName: 'Encrypt',
    region: 'us-east-1',
    accountId: '111122223333',
    principalArn: 'arn:aws:iam::111122223333:user/test',
    accessKeyId: 'test',
    sourceIp: '127.0.0.1',
    userAgent: 'aws-cli/2',
    keyArn: KEY_ARN,
    keyId: KEY_ID,
    outcome: 'Allowed',
    errorCode: '',
    errorMessage: '',
    requestParameters: { keyId: KEY_ID, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    responseElements: {},
    service: 'crypto-worker',
    ...overrides,
  };
}

const encode = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

describe('decodeBatch', () => {
  it('keeps valid records and normalises them', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b1',
        records: [
          record({
            eventId: '0B0E8F56-7E63-4C32-9A4B-5E0F0A2B1C3D',
            eventTime: '2024-06-01T14:00:00+02:00',
          }),
          record({ keyId: '', eventId: 'aaaaaaaa-7e63-4c32-9a4b-5e0f0a2b1c3d' }),
          record({
            keyId: KEY_ARN,
            eventId: 'bbbbbbbb-7e63-4c32-9a4b-5e0f0a2b1c3d',
            userAgent: `ua\u0000${'x'.repeat(5000)}`,
          }),
        ],
      }),
    );
    expect(out.batchId).toBe('b1');
    expect(out.rejected).toBe(0);
    expect(out.records[0]).toMatchObject({
      eventId: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d',
      eventTime: '2024-06-01T12:00:00.000Z',
      keyId: KEY_ID,
    });
    expect(out.records[1]?.keyId).toBe(KEY_ID);
    expect(out.records[2]?.keyId).toBe(KEY_ID);
    expect(out.records[2]?.userAgent).toHaveLength(1024);
    expect(out.records[2]?.userAgent.startsWith('uax')).toBe(true);
  });

  it('drops invalid records and counts them', () => {
    const out = decodeBatch(
      encode({
        batchId: 'b2',
        records: [
          record(),
          record({ eventId: 'not-a-uuid' }),
          record({ eventTime: 'yesterday' }),
          record({ eventTime: '+020000-01-01T00:00:00Z' }),
          record({ outcome: 'Maybe' }),
          { eventId: '0b0e8f56-7e63-4c32-9a4b-5e0f0a2b1c3d' },
          42,
        ],
      }),
    );
    expect(out.records).toHaveLength(1);
    expect(out.rejected).toBe(6);
  });

  it.each([
    ['not JSON', Buffer.from('{oops')],
    ['not an audit batch', encode({ records: [] })],
    ['not an audit batch', encode([record()])],
    ['not an audit batch', encode({ batchId: 'x', records: 'nope' })],
  ])('calls a message poison: %s', (reason, data) => {
    expect(() => decodeBatch(data)).toThrow(new PoisonMessageError(reason));
  });

  it('finds the key id in an ARN', () => {
    expect(bareKeyId(KEY_ARN)).toBe(KEY_ID);
    expect(bareKeyId(KEY_ID)).toBe(KEY_ID);
    expect(bareKeyId('alias/foo')).toBe('alias/foo');
  });
});
