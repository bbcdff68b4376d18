import { KmsError, createLogger } from '@keyhold/core';
import { parseAuthorization } from '@keyhold/core/sigv4';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type { GrpcServerHandle } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyholdClient } from './kms-client.js';
import type { KeyholdClient } from './kms-client.js';

// The client over a real gRPC connection to a scripted stand-in of the
// gateway's native API: what it sends, which errors it retries, how it
// rebuilds them, and its deadline.

const logger = createLogger({ service: 'test', level: 'silent' });
const CREDS = { accessKeyId: 'AKIDINT', secretAccessKey: 'int-secret' };

/** Per-method scripted failures (consumed one per call) and what each call carried. */
const script: Record<string, KmsError[]> = {};
const seen: Record<string, { authorization: string; date: string; hash: string }[]> = {};
let server: GrpcServerHandle;
let kms: KeyholdClient;

function scripted<Res>(method: string, answer: () => Res) {
  return async (_request: unknown, call: { metadata: { get(k: string): unknown[] } }) => {
    (seen[method] ??= []).push({
      authorization: String(call.metadata.get('authorization')[0] ?? ''),
      date: String(call.metadata.get('x-amz-date')[0] ?? ''),
      hash: String(call.metadata.get('x-amz-content-sha256')[0] ?? ''),
    });
    const failure = script[method]?.shift();
    if (failure) throw failure;
    return answer();
  };
}

beforeAll(async () => {
  server = await startGrpcServer('127.0.0.1:0', [
    [
      serviceDefinitions().kms,
      implement(
        {
          ListKeys: scripted('ListKeys', () => ({ keys: [{ keyId: 'k1', keyArn: 'arn:k1' }] })),
          DescribeKey: scripted('DescribeKey', () => ({})),
          GenerateRandom: scripted('GenerateRandom', () => ({ plaintext: Buffer.from([1, 2]) })),
          Encrypt: () => new Promise(() => undefined),
        },
        { logger },
      ),
    ],
  ]);
  server.serving();
  kms = createKeyholdClient({
    endpoint: `127.0.0.1:${server.port}`,
    region: 'eu-west-1',
    credentials: CREDS,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
});

afterAll(async () => {
  kms?.close();
  await server?.close(0);
});

describe('the client over gRPC', () => {
  it('signs each call with SigV4 in metadata for its region and access key', async () => {
    const res = await kms.generateRandom({ numberOfBytes: 2 });
    expect(res.plaintext).toEqual(Buffer.from([1, 2]));
    const call = seen['GenerateRandom']![0]!;
    const auth = parseAuthorization(call.authorization);
    expect(auth.accessKeyId).toBe(CREDS.accessKeyId);
    expect(auth.region).toBe('eu-west-1');
    expect(auth.signedHeaders).toContain('host');
    expect(call.date).toMatch(/^\d{8}T\d{6}Z$/);
    expect(call.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(seen)).not.toContain(CREDS.secretAccessKey);
  });

  it('retries throttling and internal errors, then answers', async () => {
    script['ListKeys'] = [KmsError.throttled(), KmsError.internal()];
    seen['ListKeys'] = [];
    const res = await kms.listKeys({});
    expect(res.keys.map((k) => k.keyId)).toEqual(['k1']);
    expect(seen['ListKeys']).toHaveLength(3);
  });

  it('gives up after maxAttempts with the last error as KmsError', async () => {
    script['ListKeys'] = [1, 2, 3].map(() => KmsError.throttled());
    seen['ListKeys'] = [];
    const err = await kms.listKeys({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KmsError);
    expect(err).toMatchObject({ code: 'ThrottlingException', name: 'ThrottlingException' });
    expect(seen['ListKeys']).toHaveLength(3);
  });

  it.each([
    KmsError.notFound('missing'),
    KmsError.validation('bad input'),
    KmsError.accessDenied('arn:aws:iam::111122223333:user/u', 'kms:DescribeKey', '*'),
    KmsError.invalidCiphertext(),
  ])('never retries $code', async (failure) => {
    script['DescribeKey'] = [failure, failure, failure];
    seen['DescribeKey'] = [];
    const err = await kms.describeKey({ keyId: 'missing' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: failure.code, message: failure.message });
    expect(seen['DescribeKey']).toHaveLength(1);
  });

  it('fails with DependencyTimeoutException once the call deadline passes', async () => {
    const err = await kms
      .encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DependencyTimeoutException' });
  });
});
