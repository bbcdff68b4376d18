import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogClient } from '@keyhold/proto';
import type { AuditEvent__Output } from '@keyhold/proto';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// The whole cluster as six processes, driven only through the AWS SDK, as a
// platform team would use it. Audit records are checked through LookupEvents.

const REGION = 'us-east-1';
const MAIN = { accountId: '111122223333', accessKeyId: 'test', secretAccessKey: 'test' };
const ALT = { accountId: '444455556666', accessKeyId: 'alt', secretAccessKey: 'alt' };

let test: TestCluster;
let cluster: TestCluster['cluster'];
let main: KMSClient;
let alt: KMSClient;

function client(creds: { accessKeyId: string; secretAccessKey: string }): KMSClient {
  return new KMSClient({
    endpoint: cluster.endpoint,
    region: REGION,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
    maxAttempts: 1,
  });
}

/** Runs a call and returns its request id and outcome, whether it failed or not. */
async function attempt<T extends { $metadata: { requestId?: string } }>(
  call: () => Promise<T>,
): Promise<{
  requestId: string;
  result?: T;
  error?: Error & { $metadata?: { requestId?: string } };
}> {
  try {
    const result = await call();
    return { requestId: result.$metadata.requestId ?? '', result };
  } catch (err) {
    const error = err as Error & { $metadata?: { requestId?: string } };
    return { requestId: error.$metadata?.requestId ?? '', error };
  }
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'cluster',
    principals: [MAIN, ALT].map((a) => ({
      ...a,
      arn: `arn:aws:iam::${a.accountId}:user/${a.accessKeyId}`,
    })),
    // A tiny ListKeys quota for the second account only, so throttling shows
    // without slowing every other call down.
    quota: { accounts: { [ALT.accountId]: { ListKeys: { rate: 1, burst: 2 } } } },
  });
  ({ cluster } = test);
  main = client(MAIN);
  alt = client(ALT);
});

afterAll(async () => {
  main?.destroy();
  alt?.destroy();
  await test?.stop();
});

describe('the cluster through the AWS SDK', () => {
  const calls: Array<{ requestId: string; eventName: string; outcome: string; keyId?: string }> =
    [];
  let keyId = '';
  let keyArn = '';
  // The fixture's stop() fails if it reaches an audit record or a log line.
  const secret = 'e2e plaintext that must never reach an audit record';

  it('creates, describes and lists a key', async () => {
    const created = await attempt(() =>
      main.send(
        new CreateKeyCommand({
          Description: 'e2e key',
          Tags: [{ TagKey: 'team', TagValue: 'platform' }],
        }),
      ),
    );
    expect(created.error).toBeUndefined();
    const md = created.result!.KeyMetadata!;
    keyId = md.KeyId!;
    keyArn = md.Arn!;
    expect(keyArn).toBe(`arn:aws:kms:${REGION}:${MAIN.accountId}:key/${keyId}`);
    expect(md.KeyState).toBe('Enabled');
    expect(md.Enabled).toBe(true);
    expect(md.KeyUsage).toBe('ENCRYPT_DECRYPT');
    expect(md.KeySpec).toBe('SYMMETRIC_DEFAULT');
    expect(md.Description).toBe('e2e key');
    expect(md.CreationDate).toBeInstanceOf(Date);
    calls.push({ requestId: created.requestId, eventName: 'CreateKey', outcome: 'Allowed', keyId });

    for (const id of [keyId, keyArn]) {
      const described = await attempt(() => main.send(new DescribeKeyCommand({ KeyId: id })));
      expect(described.result?.KeyMetadata?.Arn).toBe(keyArn);
      calls.push({
        requestId: described.requestId,
        eventName: 'DescribeKey',
        outcome: 'Allowed',
        keyId,
      });
    }

    const listed = await attempt(() => main.send(new ListKeysCommand({ Limit: 1000 })));
    expect(listed.result?.Keys?.map((k) => k.KeyArn)).toContain(keyArn);
    calls.push({ requestId: listed.requestId, eventName: 'ListKeys', outcome: 'Allowed' });
  });

  it('encrypts and decrypts, with and without an encryption context', async () => {
    const plaintext = Buffer.from(secret);
    test.registerSecret(secret);
    const enc = await attempt(() =>
      main.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext })),
    );
    expect(enc.result?.KeyId).toBe(keyArn);
    calls.push({ requestId: enc.requestId, eventName: 'Encrypt', outcome: 'Allowed', keyId });
    const dec = await attempt(() =>
      main.send(new DecryptCommand({ CiphertextBlob: enc.result!.CiphertextBlob! })),
    );
    expect(Buffer.from(dec.result!.Plaintext!).toString()).toBe(secret);
    expect(dec.result?.KeyId).toBe(keyArn);
    calls.push({ requestId: dec.requestId, eventName: 'Decrypt', outcome: 'Allowed', keyId });

    const context = { tenant: 'acme', purpose: 'e2e' };
    const encCtx = await main.send(
      new EncryptCommand({ KeyId: keyArn, Plaintext: plaintext, EncryptionContext: context }),
    );
    const decCtx = await main.send(
      new DecryptCommand({
        CiphertextBlob: encCtx.CiphertextBlob!,
        EncryptionContext: { purpose: 'e2e', tenant: 'acme' },
      }),
    );
    expect(Buffer.from(decCtx.Plaintext!).toString()).toBe(secret);

    const wrong = await attempt(() =>
      main.send(
        new DecryptCommand({
          CiphertextBlob: encCtx.CiphertextBlob!,
          EncryptionContext: { tenant: 'other', purpose: 'e2e' },
        }),
      ),
    );
    expect(wrong.error?.name).toBe('InvalidCiphertextException');
    calls.push({ requestId: wrong.requestId, eventName: 'Decrypt', outcome: 'Failed' });

    const missing = await attempt(() =>
      main.send(new DecryptCommand({ CiphertextBlob: encCtx.CiphertextBlob! })),
    );
    expect(missing.error?.name).toBe('InvalidCiphertextException');
  });

  it('generates data keys by KeySpec and by NumberOfBytes', async () => {
    const aes = await attempt(() =>
      main.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })),
    );
    expect(aes.result?.Plaintext?.length).toBe(32);
    test.registerSecret(aes.result!.Plaintext!);
    // Not secret, but a request's ciphertext has no place in its record either.
    test.registerSecret(aes.result!.CiphertextBlob!);
    expect(aes.result?.KeyId).toBe(keyArn);
    calls.push({
      requestId: aes.requestId,
      eventName: 'GenerateDataKey',
      outcome: 'Allowed',
      keyId,
    });
    const back = await main.send(
      new DecryptCommand({ CiphertextBlob: aes.result!.CiphertextBlob! }),
    );
    expect(Buffer.from(back.Plaintext!).equals(Buffer.from(aes.result!.Plaintext!))).toBe(true);

    const n24 = await main.send(new GenerateDataKeyCommand({ KeyId: keyArn, NumberOfBytes: 24 }));
    expect(n24.Plaintext?.length).toBe(24);
    test.registerSecret(n24.Plaintext!);

    const both = await attempt(() =>
      main.send(
        new GenerateDataKeyCommand({ KeyId: keyArn, NumberOfBytes: 24, KeySpec: 'AES_256' }),
      ),
    );
    expect(both.error?.name).toBe('ValidationException');
  });

  it('rejects a wrong secret', async () => {
    const bad = client({ accessKeyId: MAIN.accessKeyId, secretAccessKey: 'not-the-secret' });
    try {
      const res = await attempt(() => bad.send(new ListKeysCommand({})));
      expect(res.error?.name).toBe('InvalidSignatureException');
      calls.push({ requestId: res.requestId, eventName: 'ListKeys', outcome: 'Failed' });
    } finally {
      bad.destroy();
    }
  });

  it("denies a principal of another account the key's operations", async () => {
    const describe = await attempt(() => alt.send(new DescribeKeyCommand({ KeyId: keyArn })));
    expect(describe.error?.name).toBe('AccessDeniedException');
    calls.push({
      requestId: describe.requestId,
      eventName: 'DescribeKey',
      outcome: 'Denied',
      keyId,
    });
    const encrypt = await attempt(() =>
      alt.send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from('x') })),
    );
    expect(encrypt.error?.name).toBe('AccessDeniedException');
    calls.push({ requestId: encrypt.requestId, eventName: 'Encrypt', outcome: 'Denied', keyId });
    // A bare key id is resolved in the caller's own account, where it does not exist.
    const bare = await attempt(() => alt.send(new DescribeKeyCommand({ KeyId: keyId })));
    expect(bare.error?.name).toBe('NotFoundException');
    // A blob names only its key id, yet Decrypt finds the key in any account of
    // the region: whether the caller may use it is the key policy's decision.
    const blob = await main.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('y') }));
    const decrypt = await attempt(() =>
      alt.send(new DecryptCommand({ CiphertextBlob: blob.CiphertextBlob! })),
    );
    expect(decrypt.error?.name).toBe('AccessDeniedException');
  });

  it('throttles once the configured quota is exceeded', async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await attempt(() => alt.send(new ListKeysCommand({}))));
    const throttled = results.filter((r) => r.error?.name === 'ThrottlingException');
    const served = results.filter((r) => !r.error);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(served.length + throttled.length).toBe(results.length);
    calls.push({ requestId: throttled[0]!.requestId, eventName: 'ListKeys', outcome: 'Throttled' });
    // Another account's quota is untouched.
    const mine = await attempt(() => main.send(new ListKeysCommand({})));
    expect(mine.error).toBeUndefined();
  });

  it('records every one of those calls in the audit log, chained', async () => {
    const audit = createAuditLogClient(cluster.addresses['audit-log']);
    try {
      const found = new Map<string, AuditEvent__Output>();
      const deadline = Date.now() + 15_000;
      while (found.size < calls.length && Date.now() < deadline) {
        for (const call of calls) {
          if (found.has(call.requestId)) continue;
          const res = await audit.LookupEvents({ requestId: call.requestId });
          if (res.events[0]) found.set(call.requestId, res.events[0]);
        }
        if (found.size < calls.length) await new Promise((r) => setTimeout(r, 200));
      }
      for (const call of calls) {
        expect(call.requestId).not.toBe('');
        const event = found.get(call.requestId);
        expect(event, `${call.eventName} ${call.outcome}`).toBeDefined();
        expect(event!.eventName).toBe(call.eventName);
        expect(event!.outcome).toBe(call.outcome);
        expect(event!.region).toBe(REGION);
        if (call.keyId) expect(event!.keyId).toBe(call.keyId);
        const record = JSON.parse(event!.cloudTrailEvent) as Record<string, unknown>;
        expect(record).toMatchObject({
          eventVersion: '2.0',
          eventSource: 'kms.amazonaws.com',
          eventName: call.eventName,
          awsRegion: REGION,
          requestID: call.requestId,
          eventID: event!.eventId,
        });
      }

      // A cross-account call names the key owner as recipient.
      const denied = calls.find((c) => c.outcome === 'Denied' && c.eventName === 'Encrypt')!;
      expect(found.get(denied.requestId)).toMatchObject({
        accountId: ALT.accountId,
        recipientAccountId: MAIN.accountId,
        eventCategory: 'Data',
        errorCode: 'AccessDeniedException',
      });

      const byKey = await audit.LookupEvents({ keyId: keyArn, maxResults: 1000 });
      const names = new Set(byKey.events.map((e) => e.eventName));
      for (const n of ['CreateKey', 'DescribeKey', 'Encrypt', 'Decrypt', 'GenerateDataKey'])
        expect(names).toContain(n);
      const byError = await audit.LookupEvents({
        errorCode: 'ThrottlingException',
        maxResults: 1000,
      });
      expect(byError.events.length).toBeGreaterThanOrEqual(1);
      expect(byError.events.every((e) => e.outcome === 'Throttled')).toBe(true);

      const verified = await audit.VerifyChain({});
      expect(verified.ok, JSON.stringify(verified.chains)).toBe(true);
      expect(verified.chains.map((c) => c.region)).toContain(REGION);
    } finally {
      audit.close();
    }
  });
});
