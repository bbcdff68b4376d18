import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_VERSION, decodeAuditBatch } from '@keyhold/bus';
import type { AuditRecord, DecodedAuditBatch } from '@keyhold/bus';
import { KmsError, createLogger, isKmsError } from '@keyhold/core';
import { toAwsErrorResponse } from '../errors.js';
import { AuditPublisher } from './publisher.js';
import type { AuditPublisherOptions, PublishFn } from './publisher.js';
import { auditDenyReason, auditKey, auditOutcome, buildAuditRecord } from './record.js';
import type { AuditInput } from './record.js';

/** RFC 9562 version 7 (time-ordered), lower case as JSON carries it. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
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
  it('records why access was denied, which the caller’s error body does not say', () => {
    const err = KmsError.accessDenied(
      base.principalArn!,
      'kms:Encrypt',
      KEY_ARN,
      "explicit deny: key policy statement 'NoEncrypt'",
    );
    const sent = toAwsErrorResponse(err, 'rid-1');
    const r = buildAuditRecord({
      ...base,
      requestBody: { KeyId: KEY_ARN },
      errorCode: sent.code,
      errorMessage: sent.message,
      denyReason: auditDenyReason(err),
    });
    expect(r.additionalEventData).toEqual({
      denyReason: "explicit deny: key policy statement 'NoEncrypt'",
    });
    expect(r.errorCode).toBe('AccessDeniedException');
    expect(sent.body).not.toContain('NoEncrypt');
    expect(sent.body).not.toContain('explicit deny');
    // Errors without a reason, and successes, carry no additionalEventData.
    expect(auditDenyReason(KmsError.throttled())).toBeUndefined();
    expect(buildAuditRecord(base)).not.toHaveProperty('additionalEventData');
  });

  it('records an allowed Encrypt like CloudTrail, without plaintext or ciphertext', () => {
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
    expect(r).toEqual({
      eventVersion: AUDIT_EVENT_VERSION,
      userIdentity: {
        type: 'IAMUser',
        principalId: expect.stringMatching(/^AIDA[0-9A-Z]{17}$/),
        arn: 'arn:aws:iam::111122223333:user/test',
        accountId: '111122223333',
        accessKeyId: 'AKID',
      },
      eventTime: '2026-11-29T12:00:00.000Z',
      eventSource: 'kms.amazonaws.com',
      eventName: 'Encrypt',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      userAgent: 'aws-sdk-js/3',
      requestParameters: { keyId: 'alias/app', encryptionContext: { tenant: 'a' } },
      responseElements: null,
      requestID: 'rid-1',
      eventID: expect.stringMatching(UUID_V7),
      readOnly: true,
      resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }],
      eventType: 'AwsApiCall',
      managementEvent: false,
      eventCategory: 'Data',
      recipientAccountId: '111122223333',
    });
    expect(JSON.stringify(r)).not.toContain(PLAINTEXT_B64);
    expect(JSON.stringify(r)).not.toContain('token');
  });

  it('gives each record a unique, time-ordered UUIDv7 event id', async () => {
    const ids = Array.from({ length: 50 }, () => buildAuditRecord(base).eventID);
    await new Promise((resolve) => setTimeout(resolve, 3));
    ids.push(buildAuditRecord(base).eventID);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    // In creation order, as audit-log's event_id index then receives them.
    expect([...ids].sort()).toEqual(ids);
    // The first 48 bits are the creation time in milliseconds.
    const createdMs = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(createdMs - Date.now())).toBeLessThan(5_000);
  });

  it('gives the same principal the same principalId', () => {
    const a = buildAuditRecord(base).userIdentity.principalId;
    expect(buildAuditRecord(base).userIdentity.principalId).toBe(a);
    const other = buildAuditRecord({
      ...base,
      principalArn: 'arn:aws:iam::111122223333:user/other',
    });
    expect(other.userIdentity.principalId).not.toBe(a);
    const root = buildAuditRecord({ ...base, principalArn: 'arn:aws:iam::111122223333:root' });
    expect(root.userIdentity).toMatchObject({ type: 'Root', principalId: '111122223333' });
  });

  it('records a service principal acting as itself as CloudTrail’s AWSService', () => {
    const r = buildAuditRecord({
      ...base,
      principalArn: 'objectstore.keyhold.internal',
      accessKeyId: 'AKIASTORE',
      invokedBy: 'objectstore.keyhold.internal',
    });
    expect(r.userIdentity).toEqual({
      type: 'AWSService',
      principalId: '',
      arn: 'objectstore.keyhold.internal',
      accountId: '111122223333',
      accessKeyId: 'AKIASTORE',
      invokedBy: 'objectstore.keyhold.internal',
    });
  });

  it('records a call a service made for a user as the user, invoked by the service', () => {
    const r = buildAuditRecord({
      ...base,
      accessKeyId: 'AKIASTORE',
      invokedBy: 'objectstore.keyhold.internal',
    });
    expect(r.userIdentity).toMatchObject({
      type: 'IAMUser',
      arn: 'arn:aws:iam::111122223333:user/test',
      accountId: '111122223333',
      invokedBy: 'objectstore.keyhold.internal',
    });
    expect(buildAuditRecord(base).userIdentity).not.toHaveProperty('invokedBy');
  });

  it('names the key owner as recipient on a cross-account call', () => {
    const r = buildAuditRecord({
      ...base,
      accountId: '444455556666',
      principalArn: 'arn:aws:iam::444455556666:user/alt',
      requestBody: { KeyId: KEY_ARN, Plaintext: PLAINTEXT_B64 },
      errorCode: 'AccessDeniedException',
      errorMessage: 'denied',
    });
    expect(r.recipientAccountId).toBe('111122223333');
    expect(r.userIdentity.accountId).toBe('444455556666');
    expect(r.resources).toEqual([
      { accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN },
    ]);
    expect(r).toMatchObject({ errorCode: 'AccessDeniedException', errorMessage: 'denied' });
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
        Operations: ['Encrypt', { x: PLAINTEXT_B64 }],
      },
      errorCode: 'InvalidCiphertextException',
      errorMessage: 'The ciphertext is invalid or was not produced by this service.',
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain(PLAINTEXT_B64);
    expect(text).not.toContain(CIPHERTEXT_B64);
    expect(r.requestParameters).toEqual({ encryptionContext: { a: 'b' }, operations: ['Encrypt'] });
    expect(auditOutcome(r.errorCode)).toBe('Failed');
    expect(r.responseElements).toBeNull();
    expect(r.resources).toEqual([]);
  });

  it('maps error codes to outcomes', () => {
    const outcome = (errorCode?: string) =>
      auditOutcome(buildAuditRecord({ ...base, errorCode }).errorCode);
    expect(outcome(undefined)).toBe('Allowed');
    expect(outcome('AccessDeniedException')).toBe('Denied');
    expect(outcome('ThrottlingException')).toBe('Throttled');
    expect(outcome('UnrecognizedClientException')).toBe('Failed');
    expect(outcome('NotFoundException')).toBe('Failed');
    expect(buildAuditRecord(base)).not.toHaveProperty('errorCode');
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
    expect(r).toMatchObject({
      userIdentity: {
        type: 'Unknown',
        principalId: '',
        arn: '',
        accountId: '',
        accessKeyId: 'AKID',
      },
      awsRegion: '',
      recipientAccountId: '',
      requestParameters: null,
    });
  });

  it('keeps allow-listed management parameters and response elements', () => {
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
      responseKeyArn: KEY_ARN,
      responseElements: { keyMetadata: { keyId: KEY_ID } },
    });
    expect(r.requestParameters).toEqual({
      description: 'd',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
    });
    expect(r).toMatchObject({
      responseElements: { keyMetadata: { keyId: KEY_ID } },
      readOnly: false,
      managementEvent: true,
      eventCategory: 'Management',
    });
    expect(buildAuditRecord({ ...base, eventName: 'ListKeys' }).readOnly).toBe(true);
  });
});

describe('auditKey', () => {
  it('prefers the response ARN, then a request ARN or bare key id', () => {
    const owner = '111122223333';
    expect(auditKey(KEY_ARN, 'alias/x')).toEqual({
      keyId: KEY_ID,
      keyArn: KEY_ARN,
      accountId: owner,
    });
    expect(auditKey(undefined, KEY_ARN)).toEqual({
      keyId: KEY_ID,
      keyArn: KEY_ARN,
      accountId: owner,
    });
    expect(auditKey(undefined, KEY_ID)).toEqual({ keyId: KEY_ID, keyArn: '', accountId: '' });
    expect(auditKey(undefined, 'alias/x')).toEqual({ keyId: '', keyArn: '', accountId: '' });
    expect(auditKey(undefined, 42)).toEqual({ keyId: '', keyArn: '', accountId: '' });
  });
});

describe('AuditPublisher', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });
  const record = (region: string, i: number) =>
    buildAuditRecord({ ...base, region, requestId: `r${i}` });
  const requestIds = (data: Uint8Array) =>
    (decodeAuditBatch(data).records as AuditRecord[]).map((r) => r.requestID);
  /** A publisher of one subject, `s`, handing its batches to `publish`. */
  const publisherTo = (
    publish: PublishFn,
    options: Partial<Omit<AuditPublisherOptions, 'publish'>> = {},
  ): AuditPublisher => new AuditPublisher({ logger, subjectFor: () => 's', publish, ...options });
  /** A publisher of one subject whose batches are acked at once; `sizes`: records per batch sent. */
  const counting = (options: Partial<Omit<AuditPublisherOptions, 'publish'>>) => {
    const sizes: number[] = [];
    const p = publisherTo(async (_s, data) => {
      sizes.push(decodeAuditBatch(data).records.length);
    }, options);
    return { p, sizes };
  };

  it('packs records per subject and resolves once the batch is acked', async () => {
    const sent: Array<{ subject: string; batch: DecodedAuditBatch; msgId: string }> = [];
    const p = new AuditPublisher({
      logger,
      subjectFor: (r) => `audit.${r}`,
      publish: async (subject, data, msgId) => {
        sent.push({
          subject,
          batch: decodeAuditBatch(data),
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
    const of = (subject: string) =>
      sent
        .filter((s) => s.subject === subject)
        .map((s) => (s.batch.records as AuditRecord[]).map((r) => r.requestID));
    expect(of('audit.us-east-1')).toEqual([['r1', 'r2', 'r4'], ['r5']]);
    expect(of('audit.eu-west-1')).toEqual([['r3']]);
    for (const s of sent) expect(s.msgId).toBe(s.batch.batchId);
    for (const s of sent) expect(s.batch.format).toBe(2);
  });

  it('sends a lone record at once, without waiting for the flush interval', async () => {
    const { p, sizes: published } = counting({ flushIntervalMs: 60_000 });
    await p.record(record('us-east-1', 1));
    await p.record(record('us-east-1', 2));
    expect(published).toEqual([1, 1]);
  });

  it('waits for the records of requests on their way, and sends when the last one arrives', async () => {
    const batches: string[][] = [];
    const p = publisherTo(
      async (_s, data) => {
        batches.push(requestIds(data));
      },
      { lingerMs: 60_000 },
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    // Three requests begin; the first to finish finds two still on their way.
    p.begin();
    p.begin();
    p.begin();
    p.end();
    const first = p.record(record('us-east-1', 1));
    await turn();
    await turn();
    expect(batches).toEqual([]);
    p.end();
    const second = p.record(record('us-east-1', 2));
    await turn();
    expect(batches).toEqual([]);
    // The last one arrives: all three leave in one message, at the end of its turn.
    p.end();
    const third = p.record(record('us-east-1', 3));
    await Promise.all([first, second, third]);
    expect(batches).toEqual([['r1', 'r2', 'r3']]);
    // Nothing on its way now: a lone record leaves at once, lingerMs notwithstanding.
    p.begin();
    p.end();
    await p.record(record('us-east-1', 4));
    expect(batches).toEqual([['r1', 'r2', 'r3'], ['r4']]);
  });

  it('lingers lingerMs at most for requests that are slow to arrive', async () => {
    const { p, sizes: sent } = counting({ lingerMs: 20 });
    p.begin();
    p.begin();
    p.end();
    const started = Date.now();
    await p.record(record('us-east-1', 1));
    // The other request never arrived: the batch left on the linger's timer, alone.
    expect(sent).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    // Its end() then finds nothing lingering and breaks nothing.
    p.end();
    p.end();
    await p.record(record('us-east-1', 2));
    expect(sent).toEqual([1, 1]);
  });

  it('does not linger with lingerMs 0', async () => {
    const { p, sizes: sent } = counting({ lingerMs: 0 });
    p.begin();
    p.begin();
    p.end();
    await p.record(record('us-east-1', 1));
    expect(sent).toEqual([1]);
    p.end();
  });

  it('gathers records while a batch is in flight and sends them when it is acked', async () => {
    const batches: string[][] = [];
    const acks: Array<() => void> = [];
    const p = publisherTo(
      (_s, data) => {
        batches.push(requestIds(data));
        return new Promise<void>((resolve) => acks.push(resolve));
      },
      { flushIntervalMs: 60_000 },
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const first = p.record(record('us-east-1', 1));
    await turn();
    expect(batches).toEqual([['r1']]);
    const rest = [2, 3, 4].map((i) => p.record(record('us-east-1', i)));
    await turn();
    await turn();
    // The first batch is not acked yet: the others wait for it, together.
    expect(batches).toEqual([['r1']]);
    acks[0]!();
    await first;
    expect(batches).toEqual([['r1'], ['r2', 'r3', 'r4']]);
    acks[1]!();
    await Promise.all(rest);
  });

  it('splits batches before they grow past maxBytes, as encoded', async () => {
    const sizes: number[] = [];
    const ids: string[] = [];
    const p = publisherTo(
      async (_s, data) => {
        sizes.push(data.length);
        ids.push(...requestIds(data));
      },
      {
        maxBytes: 1_500,
        flushIntervalMs: 60_000,
      },
    );
    // A record in full is ~700 bytes, a delta ~75: a lone record, then ~11 a batch
    // (version 1, every record in full, fits 2).
    await p.record(record('us-east-1', 0));
    await Promise.all(Array.from({ length: 20 }, (_, i) => p.record(record('us-east-1', i + 1))));
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.length).toBeLessThanOrEqual(5);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(1_500);
    expect(ids).toEqual(Array.from({ length: 21 }, (_, i) => `r${i}`));
  });

  it('sends a lone record larger than maxBytes alone', async () => {
    const { p, sizes: sizes } = counting({ maxBytes: 100 });
    await Promise.all([p.record(record('us-east-1', 1)), p.record(record('us-east-1', 2))]);
    expect(sizes).toEqual([1, 1]);
  });

  it('writes version 1, every record in full, when configured for older audit-logs', async () => {
    const bodies: Uint8Array[] = [];
    const p = publisherTo(
      async (_s, data) => {
        bodies.push(data);
      },
      {
        wireFormat: 1,
        flushIntervalMs: 60_000,
      },
    );
    const records = [1, 2, 3].map((i) => record('us-east-1', i));
    await Promise.all(records.map((r) => p.record(r)));
    expect(bodies).toHaveLength(1);
    const body = JSON.parse(Buffer.from(bodies[0]!).toString()) as Record<string, unknown>;
    expect(body).toEqual({
      batchId: expect.any(String),
      records: JSON.parse(JSON.stringify(records)),
    });
    expect(decodeAuditBatch(bodies[0]!)).toMatchObject({ format: 1, records: body['records'] });
  });

  it('writes version 2 by default: the records after the first as deltas', async () => {
    const bodies: Uint8Array[] = [];
    const p = publisherTo(
      async (_s, data) => {
        bodies.push(data);
      },
      { flushIntervalMs: 60_000 },
    );
    const records = [1, 2, 3].map((i) => record('us-east-1', i));
    await Promise.all(records.map((r) => p.record(r)));
    expect(bodies).toHaveLength(1);
    const body = JSON.parse(Buffer.from(bodies[0]!).toString()) as {
      format: number;
      records: unknown[];
    };
    expect(body.format).toBe(2);
    expect(body.records[0]).toEqual(JSON.parse(JSON.stringify(records[0])));
    // The base input has one eventTime: only the ids differ.
    expect(body.records[1]).toEqual({
      s: { requestID: 'r2', eventID: records[1]!.eventID },
    });
    expect(decodeAuditBatch(bodies[0]!).records).toEqual(JSON.parse(JSON.stringify(records)));
  });

  it('retries with the same msgId, then gives up and fails closed', async () => {
    const ids: string[] = [];
    let failures = 0;
    let now = 1_000;
    const p = publisherTo(
      async (_s, _d, msgId) => {
        ids.push(msgId);
        throw new Error('no responders');
      },
      {
        onPublishFailure: () => (failures += 1),
        retryDelaysMs: [1, 1],
        refuseForMs: 500,
        now: () => now,
      },
    );
    expect(() => p.admit()).not.toThrow();
    const err = await p.record(record('us-east-1', 1)).catch((e: unknown) => e);
    expect(isKmsError(err, 'DependencyTimeoutException')).toBe(true);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(failures).toBe(1);
    // Known broken: new requests are refused before they run.
    expect(() => p.admit()).toThrow(/audit log could not record/);
    now += 501;
    expect(() => p.admit()).not.toThrow();
  });

  it('fails open when configured: counts the loss and still resolves', async () => {
    let failures = 0;
    const p = publisherTo(
      async () => {
        throw new Error('no responders');
      },
      {
        onPublishFailure: () => (failures += 1),
        retryDelaysMs: [1],
        failMode: 'open',
      },
    );
    await p.record(record('us-east-1', 1));
    expect(failures).toBe(1);
    expect(() => p.admit()).not.toThrow();
  });

  it('succeeds after a transient failure', async () => {
    let attempts = 0;
    let failures = 0;
    const p = publisherTo(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('timeout');
      },
      {
        onPublishFailure: () => (failures += 1),
        retryDelaysMs: [1],
      },
    );
    await p.record(record('us-east-1', 1));
    expect(attempts).toBe(2);
    expect(failures).toBe(0);
  });

  it('flush() sends open batches at once', async () => {
    let published = 0;
    const p = publisherTo(
      async () => {
        published += 1;
      },
      { flushIntervalMs: 60_000 },
    );
    const ack = p.record(record('us-east-1', 1));
    await p.flush();
    expect(published).toBe(1);
    await ack;
  });
});
