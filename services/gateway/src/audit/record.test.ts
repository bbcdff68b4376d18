import { describe, expect, it } from 'vitest';
import type { AuditBatch } from '@keyhold/bus';
import { createLogger } from '@keyhold/core';
import { AuditPublisher } from './publisher.js';
import { auditKey, buildAuditRecord } from './record.js';
import type { AuditInput } from './record.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;
const PLAINTEXT_B64 = Buffer.from('top secret plaintext').toString('base64');
const CIPHERTEXT_B64 = Buffer.from('opaque ciphertext blob bytes').toString('base64');

const base: AuditInput = {
  requestId: 'rid-1',
  eventTime: new Date('2026-11-29T12:00:00.000Z'),
  eventName: 'Encrypt',
  region: 'us-east-1',
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/test',
  accessKeyId: 'AKID',
  sourceIp: '127.0.0.1',
  userAgent: 'aws-sdk-js/3',
};

describe('buildAuditRecord', () => {
  it('records an allowed Encrypt without plaintext or ciphertext', () => {
    const r = buildAuditRecord({
      ...base,
      requestBody: {
        KeyId: 'alias/app',
        Plaintext: PLAINTEXT_B64,
        EncryptionContext: { tenant: 'a' },
        GrantTokens: ['token'],
      },
      responseKeyArn: KEY_ARN,
      responseElements: { keyId: KEY_ARN, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    });
    expect(r).toMatchObject({
      requestId: 'rid-1',
      eventTime: '2026-11-29T12:00:00.000Z',
      eventName: 'Encrypt',
      region: 'us-east-1',
      accountId: '111122223333',
      accessKeyId: 'AKID',
      keyArn: KEY_ARN,
      keyId: KEY_ID,
      outcome: 'Allowed',
      errorCode: '',
      requestParameters: { keyId: 'alias/app', encryptionContext: { tenant: 'a' } },
      responseElements: { keyId: KEY_ARN, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      service: 'gateway',
    });
    expect(r.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(r)).not.toContain(PLAINTEXT_B64);
    expect(JSON.stringify(r)).not.toContain('token');
  });

  it('never copies CiphertextBlob, Plaintext or mistyped members', () => {
    const r = buildAuditRecord({
      ...base,
      eventName: 'Decrypt',
      requestBody: {
        CiphertextBlob: CIPHERTEXT_B64,
        Plaintext: PLAINTEXT_B64,
        Description: { Plaintext: PLAINTEXT_B64 },
        EncryptionContext: { a: 'b', nested: { Plaintext: PLAINTEXT_B64 } },
        NumberOfBytes: '32',
      },
      errorCode: 'InvalidCiphertextException',
      errorMessage: 'The ciphertext is invalid or was not produced by this service.',
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain(PLAINTEXT_B64);
    expect(text).not.toContain(CIPHERTEXT_B64);
    expect(r.requestParameters).toEqual({ encryptionContext: { a: 'b' } });
    expect(r.outcome).toBe('Failed');
    expect(r.responseElements).toEqual({});
  });

  it('maps error codes to outcomes', () => {
    const outcome = (errorCode?: string) => buildAuditRecord({ ...base, errorCode }).outcome;
    expect(outcome(undefined)).toBe('Allowed');
    expect(outcome('AccessDeniedException')).toBe('Denied');
    expect(outcome('ThrottlingException')).toBe('Throttled');
    expect(outcome('UnrecognizedClientException')).toBe('Failed');
    expect(outcome('NotFoundException')).toBe('Failed');
  });

  it('records an unauthenticated failure with what is known', () => {
    const r = buildAuditRecord({
      ...base,
      accountId: undefined,
      principalArn: undefined,
      region: '',
      errorCode: 'MissingAuthenticationTokenException',
      errorMessage: 'Missing Authentication Token',
    });
    expect(r).toMatchObject({ accountId: '', principalArn: '', region: '', outcome: 'Failed' });
  });

  it('keeps allow-listed management parameters', () => {
    const r = buildAuditRecord({
      ...base,
      eventName: 'CreateKey',
      requestBody: {
        Description: 'd',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Policy: '{"x":1}',
        Tags: [],
      },
    });
    expect(r.requestParameters).toEqual({
      description: 'd',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
    });
  });
});

describe('auditKey', () => {
  it('prefers the response ARN, then a request ARN or bare key id', () => {
    expect(auditKey(KEY_ARN, 'alias/x')).toEqual({ keyId: KEY_ID, keyArn: KEY_ARN });
    expect(auditKey(undefined, KEY_ARN)).toEqual({ keyId: KEY_ID, keyArn: KEY_ARN });
    expect(auditKey(undefined, KEY_ID)).toEqual({ keyId: KEY_ID, keyArn: '' });
    expect(auditKey(undefined, 'alias/x')).toEqual({ keyId: '', keyArn: '' });
    expect(auditKey(undefined, 42)).toEqual({ keyId: '', keyArn: '' });
  });
});

describe('AuditPublisher', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });
  const record = (region: string, i: number) =>
    buildAuditRecord({ ...base, region, requestId: `r${i}` });

  it('packs records per subject and resolves once the batch is acked', async () => {
    const sent: Array<{ subject: string; batch: AuditBatch; msgId: string }> = [];
    const p = new AuditPublisher({
      logger,
      subjectFor: (r) => `audit.${r}`,
      publish: async (subject, data, msgId) => {
        sent.push({
          subject,
          batch: JSON.parse(Buffer.from(data).toString()) as AuditBatch,
          msgId,
        });
      },
      flushIntervalMs: 5,
      maxRecords: 3,
    });
    const acks = [
      p.record(record('us-east-1', 1)),
      p.record(record('us-east-1', 2)),
      p.record(record('eu-west-1', 3)),
      p.record(record('us-east-1', 4)),
      p.record(record('us-east-1', 5)),
    ];
    await Promise.all(acks);
    expect(sent.map((s) => [s.subject, s.batch.records.map((r) => r.requestId)])).toEqual([
      ['audit.us-east-1', ['r1', 'r2', 'r4']],
      ['audit.eu-west-1', ['r3']],
      ['audit.us-east-1', ['r5']],
    ]);
    for (const s of sent) expect(s.msgId).toBe(s.batch.batchId);
  });

  it('splits batches before they grow past maxBytes', async () => {
    const sizes: number[] = [];
    const p = new AuditPublisher({
      logger,
      subjectFor: () => 's',
      publish: async (_s, data) => {
        sizes.push(data.length);
      },
      maxBytes: 2_000,
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => p.record(record('us-east-1', i))));
    expect(sizes.length).toBeGreaterThan(1);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(2_000);
  });

  it('retries with the same msgId, then gives up, counts it and still resolves', async () => {
    const ids: string[] = [];
    let failures = 0;
    const p = new AuditPublisher({
      logger,
      subjectFor: () => 's',
      publish: async (_s, _d, msgId) => {
        ids.push(msgId);
        throw new Error('no responders');
      },
      onPublishFailure: () => (failures += 1),
      retryDelaysMs: [1, 1],
    });
    await p.record(record('us-east-1', 1));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(failures).toBe(1);
  });

  it('succeeds after a transient failure', async () => {
    let attempts = 0;
    let failures = 0;
    const p = new AuditPublisher({
      logger,
      subjectFor: () => 's',
      publish: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('timeout');
      },
      onPublishFailure: () => (failures += 1),
      retryDelaysMs: [1],
    });
    await p.record(record('us-east-1', 1));
    expect(attempts).toBe(2);
    expect(failures).toBe(0);
  });

  it('flush() sends open batches at once', async () => {
    let published = 0;
    const p = new AuditPublisher({
      logger,
      subjectFor: () => 's',
      publish: async () => {
        published += 1;
      },
      flushIntervalMs: 60_000,
    });
    const ack = p.record(record('us-east-1', 1));
    await p.flush();
    expect(published).toBe(1);
    await ack;
  });
});
