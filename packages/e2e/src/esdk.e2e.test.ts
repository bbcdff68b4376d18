import { randomBytes } from 'node:crypto';
import { CommitmentPolicy, KMS, KmsKeyringNode, buildClient } from '@aws-crypto/client-node';
import type { KmsNodeClientSupplier } from '@aws-crypto/client-node';
import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  KMSClient,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { Sha256 } from '@aws-crypto/sha256-js';
import * as grpc from '@grpc/grpc-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProto } from '@keyhold/proto';
import type { EncryptResponse__Output } from '@keyhold/proto';
import { liftedQuotas, startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// The data plane through unchanged AWS tooling: the AWS Encryption SDK with a
// KMS keyring pointed at the gateway, and the AWS SDK for every symmetric
// operation and its errors. The cluster runs the gateway and the
// crypto-worker as two processes each (node:cluster), as the benchmark does.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const CREDS = { accessKeyId: 'esdk', secretAccessKey: 'esdk-secret' };

let test: TestCluster;
let cluster: TestCluster['cluster'];
let kms: KMSClient;

async function errorOf(p: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode };
  }
  return { name: 'OK', status: 200 };
}

async function createKey(): Promise<{ keyId: string; arn: string }> {
  const res = await kms.send(new CreateKeyCommand({ Description: 'data plane e2e' }));
  return { keyId: res.KeyMetadata!.KeyId!, arn: res.KeyMetadata!.Arn! };
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'esdk',
    principals: [{ arn: `arn:aws:iam::${ACCOUNT}:user/esdk`, ...CREDS }],
    env: { KEYHOLD_GATEWAY_PROCESSES: '2', KEYHOLD_CRYPTO_WORKER_PROCESSES: '2' },
    // The tests create and change keys faster than AWS's management quotas.
    quota: liftedQuotas([
      'CancelKeyDeletion',
      'CreateKey',
      'DisableKey',
      'EnableKey',
      'ScheduleKeyDeletion',
      'TagResource',
    ]),
  });
  cluster = test.cluster;
  kms = new KMSClient({
    endpoint: cluster.endpoint,
    region: REGION,
    credentials: CREDS,
    maxAttempts: 1,
  });
}, 120_000);

afterAll(async () => {
  kms?.destroy();
  await test?.stop();
});

describe('the data plane through AWS tooling', () => {
  it('the AWS Encryption SDK encrypts and decrypts 10 MiB through Keyhold', async () => {
    const { arn } = await createKey();
    const clientProvider: KmsNodeClientSupplier = (region) =>
      // The ESDK types its KMS against its own copy of the AWS SDK types.
      new KMS({
        region,
        endpoint: cluster.endpoint,
        credentials: CREDS,
        maxAttempts: 1,
      }) as unknown as ReturnType<KmsNodeClientSupplier>;
    const keyring = new KmsKeyringNode({ clientProvider, generatorKeyId: arn });
    const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
    const plaintext = randomBytes(10 * 1024 * 1024);
    // Its first bytes stand for the whole: a leak would copy a prefix.
    test.registerSecret(plaintext.subarray(0, 48));
    const context = { tenant: 'acme', purpose: 'esdk-e2e' };
    const { result, messageHeader } = await encrypt(keyring, plaintext, {
      encryptionContext: context,
    });
    expect(messageHeader.encryptedDataKeys).toHaveLength(1);
    expect(messageHeader.encryptedDataKeys[0]!.providerId).toBe('aws-kms');
    expect(messageHeader.encryptedDataKeys[0]!.providerInfo).toBe(arn);
    expect(result.length).toBeGreaterThan(plaintext.length);

    const opened = await decrypt(keyring, result);
    expect(opened.plaintext.equals(plaintext)).toBe(true);
    expect(opened.messageHeader.encryptionContext).toMatchObject(context);

    // A keyring for another key cannot open it.
    const other = await createKey();
    const wrong = new KmsKeyringNode({ clientProvider, keyIds: [other.arn] });
    await expect(decrypt(wrong, result)).rejects.toThrow();
  }, 120_000);

  it('serves every symmetric operation with full key ARNs and SYMMETRIC_DEFAULT', async () => {
    const a = await createKey();
    const b = await createKey();
    const secret = 'esdk plaintext through ReEncrypt';
    test.registerSecret(secret);
    const enc = await kms.send(
      new EncryptCommand({
        KeyId: a.keyId,
        Plaintext: Buffer.from(secret),
        EncryptionContext: { k: 'v' },
      }),
    );
    expect(enc.KeyId).toBe(a.arn);
    expect(enc.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const re = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob: enc.CiphertextBlob,
        SourceEncryptionContext: { k: 'v' },
        DestinationKeyId: b.keyId,
        DestinationEncryptionContext: { k2: 'v2' },
      }),
    );
    expect(re.SourceKeyId).toBe(a.arn);
    expect(re.KeyId).toBe(b.arn);
    expect(re.SourceEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(re.DestinationEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const dec = await kms.send(
      new DecryptCommand({ CiphertextBlob: re.CiphertextBlob, EncryptionContext: { k2: 'v2' } }),
    );
    expect(Buffer.from(dec.Plaintext!).toString()).toBe(secret);
    expect(dec.KeyId).toBe(b.arn);
    expect(dec.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');

    const wp = await kms.send(
      new GenerateDataKeyWithoutPlaintextCommand({ KeyId: a.arn, NumberOfBytes: 24 }),
    );
    expect(wp.KeyId).toBe(a.arn);
    expect((wp as unknown as Record<string, unknown>)['Plaintext']).toBeUndefined();
    const opened = await kms.send(new DecryptCommand({ CiphertextBlob: wp.CiphertextBlob }));
    expect(opened.Plaintext!.length).toBe(24);
    test.registerSecret(opened.Plaintext!);

    const random = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }));
    expect(random.Plaintext!.length).toBe(1024);
    test.registerSecret(random.Plaintext!.subarray(0, 48));
  });

  it('answers errors exactly as AWS does', async () => {
    const key = await createKey();
    const enc = await kms.send(
      new EncryptCommand({
        KeyId: key.keyId,
        Plaintext: Buffer.from('x'),
        EncryptionContext: { a: 'b' },
      }),
    );
    const blob = Buffer.from(enc.CiphertextBlob!);
    const decrypt = (over: object) =>
      errorOf(
        kms.send(
          new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { a: 'b' }, ...over }),
        ),
      );
    expect((await decrypt({})).name).toBe('OK');
    expect((await decrypt({ EncryptionContext: undefined })).name).toBe(
      'InvalidCiphertextException',
    );
    expect((await decrypt({ EncryptionContext: { a: 'B' } })).name).toBe(
      'InvalidCiphertextException',
    );
    expect((await decrypt({ EncryptionContext: { a: 'b', c: 'd' } })).name).toBe(
      'InvalidCiphertextException',
    );
    for (const at of [0, 5, 30, blob.length - 20, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[at]! ^= 0x01;
      expect((await decrypt({ CiphertextBlob: tampered })).name).toBe('InvalidCiphertextException');
    }
    expect((await decrypt({ CiphertextBlob: randomBytes(120) })).name).toBe(
      'InvalidCiphertextException',
    );
    const other = await createKey();
    expect((await decrypt({ KeyId: other.keyId })).name).toBe('IncorrectKeyException');
    expect((await decrypt({ DryRun: true })).status).toBe(412);
    expect((await decrypt({ DryRun: true })).name).toBe('DryRunOperationException');

    const encrypt = (over: object) =>
      errorOf(
        kms.send(new EncryptCommand({ KeyId: key.keyId, Plaintext: Buffer.from('x'), ...over })),
      );
    expect((await encrypt({ Plaintext: randomBytes(4097) })).name).toBe('ValidationException');
    expect((await encrypt({ KeyId: '00000000-0000-4000-8000-000000000000' })).name).toBe(
      'NotFoundException',
    );
    expect((await encrypt({ GrantTokens: Array.from({ length: 11 }, () => 't') })).name).toBe(
      'ValidationException',
    );
    expect((await encrypt({ GrantTokens: Array.from({ length: 10 }, () => 't') })).name).toBe('OK');
    expect((await encrypt({ EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })).name).toBe(
      'InvalidKeyUsageException',
    );
    const gdk = (over: object) =>
      errorOf(kms.send(new GenerateDataKeyCommand({ KeyId: key.keyId, ...over })));
    expect((await gdk({})).name).toBe('ValidationException');
    expect((await gdk({ KeySpec: 'AES_256', NumberOfBytes: 32 })).name).toBe('ValidationException');
    expect((await gdk({ NumberOfBytes: 1025 })).name).toBe('ValidationException');
    expect((await gdk({ NumberOfBytes: 0 })).name).toBe('ValidationException');
    expect((await gdk({ NumberOfBytes: 1024 })).name).toBe('OK');
    expect((await errorOf(kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })))).name).toBe(
      'ValidationException',
    );
  });

  it('serves the native gRPC API with SigV4 in metadata over the exact request bytes', async () => {
    const { keyId, arn } = await createKey();
    const def = loadProto().kms.v1.KeyManagementService.service.Encrypt;
    const host = cluster.addresses.gateway;
    const path = def.path;
    const message = 'esdk plaintext over native grpc';
    test.registerSecret(message);
    const body = def.requestSerialize({ keyId, plaintext: Buffer.from(message) });
    const sign = async (bytes: Buffer, secret = CREDS.secretAccessKey) => {
      const signer = new SignatureV4({
        service: 'kms',
        region: REGION,
        credentials: { ...CREDS, secretAccessKey: secret },
        sha256: Sha256,
      });
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'http:',
        hostname: host,
        path,
        headers: { host },
        body: bytes,
      });
      // Every signed header but host (the :authority) travels as metadata.
      const md = new grpc.Metadata();
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name !== 'host') md.set(name, String(value));
      }
      return md;
    };
    const client = new grpc.Client(host, grpc.credentials.createInsecure());
    const call = (bytes: Buffer, md: grpc.Metadata) =>
      new Promise<EncryptResponse__Output>((resolve, reject) => {
        client.makeUnaryRequest(
          path,
          (b: Buffer) => b,
          (b: Buffer) => def.responseDeserialize(b) as EncryptResponse__Output,
          bytes,
          md,
          (err, res) => (err ? reject(err) : resolve(res!)),
        );
      });
    const codeOf = async (p: Promise<unknown>) =>
      p.then(
        () => 'OK',
        (err: grpc.ServiceError) => String(err.metadata.get('kms-error-code')[0]),
      );
    try {
      const res = await call(body, await sign(body));
      expect(res.keyId).toBe(arn);
      const dec = await kms.send(new DecryptCommand({ CiphertextBlob: res.ciphertextBlob }));
      expect(Buffer.from(dec.Plaintext!).toString()).toBe(message);
      // The signature covers the body: other bytes under the same signature fail.
      const other = def.requestSerialize({ keyId, plaintext: Buffer.from('swapped') });
      expect(await codeOf(call(other, await sign(body)))).toBe('InvalidSignatureException');
      expect(await codeOf(call(body, await sign(body, 'wrong')))).toBe('InvalidSignatureException');
      expect(await codeOf(call(body, new grpc.Metadata()))).toBe(
        'MissingAuthenticationTokenException',
      );
    } finally {
      client.close();
    }
  });

  it('serves the management operations through the native gRPC API too', async () => {
    const service = loadProto().kms.v1.KeyManagementService.service;
    const host = cluster.addresses.gateway;
    const client = new grpc.Client(host, grpc.credentials.createInsecure());
    const native = async <T>(method: keyof typeof service, request: object): Promise<T> => {
      const def = service[method] as unknown as grpc.MethodDefinition<object, T>;
      const body = def.requestSerialize(request);
      const signer = new SignatureV4({
        service: 'kms',
        region: REGION,
        credentials: CREDS,
        sha256: Sha256,
      });
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'http:',
        hostname: host,
        path: def.path,
        headers: { host },
        body,
      });
      const md = new grpc.Metadata();
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name !== 'host') md.set(name, String(value));
      }
      return new Promise<T>((resolve, reject) => {
        client.makeUnaryRequest(
          def.path,
          (b: Buffer) => b,
          (b: Buffer) => def.responseDeserialize(b),
          body,
          md,
          (err, res) =>
            err ? reject(new Error(String(err.metadata.get('kms-error-code')[0]))) : resolve(res!),
        );
      });
    };
    type Metadata = { keyMetadata: { keyId: string; arn: string; keyState: string } };
    try {
      const created = await native<Metadata>('CreateKey', { description: 'native' });
      const keyId = created.keyMetadata.keyId;
      expect(created.keyMetadata.keyState).toBe('Enabled');
      await native('DisableKey', { keyId });
      expect((await native<Metadata>('DescribeKey', { keyId })).keyMetadata.keyState).toBe(
        'Disabled',
      );
      await native('EnableKey', { keyId });
      await native('TagResource', { keyId, tags: [{ tagKey: 'team', tagValue: 'native' }] });
      const tags = await native<{ tags: Array<{ tagKey: string }> }>('ListResourceTags', { keyId });
      expect(tags.tags.map((t) => t.tagKey)).toEqual(['team']);
      const scheduled = await native<{ keyState: string }>('ScheduleKeyDeletion', {
        keyId,
        pendingWindowInDays: 7,
      });
      expect(scheduled.keyState).toBe('PendingDeletion');
      await expect(native('ScheduleKeyDeletion', { keyId })).rejects.toThrow(
        'KMSInvalidStateException',
      );
      await native('CancelKeyDeletion', { keyId });
      expect((await native<Metadata>('DescribeKey', { keyId })).keyMetadata.keyState).toBe(
        'Disabled',
      );
    } finally {
      client.close();
    }
  });

  // Needs DisableKey in key-manager and the gateway (issue 3).
  it('DisableKey stops Encrypt on every crypto-worker process within 1 s', async () => {
    const key = await createKey();
    const encrypt = () =>
      errorOf(kms.send(new EncryptCommand({ KeyId: key.keyId, Plaintext: Buffer.from('x') })));
    // Warm every gateway process and every stream, so both worker processes cache the key.
    const warm = await Promise.all(Array.from({ length: 64 }, encrypt));
    expect(warm.every((r) => r.name === 'OK')).toBe(true);

    await kms.send(new DisableKeyCommand({ KeyId: key.keyId }));
    const disabledAt = Date.now();
    let lastSuccess = 0;
    let consecutiveDisabled = 0;
    while (consecutiveDisabled < 64 && Date.now() - disabledAt < 5_000) {
      const round = await Promise.all(Array.from({ length: 8 }, encrypt));
      for (const r of round) {
        if (r.name === 'OK') {
          lastSuccess = Date.now() - disabledAt;
          consecutiveDisabled = 0;
        } else {
          expect(r.name).toBe('DisabledException');
          consecutiveDisabled += 1;
        }
      }
    }
    expect(consecutiveDisabled).toBeGreaterThanOrEqual(64);
    expect(lastSuccess).toBeLessThan(1_000);
  });
});
