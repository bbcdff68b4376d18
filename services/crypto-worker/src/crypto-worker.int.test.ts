import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '@keyhold/bus';
import { KmsError, createLogger, isKmsError, keyArn, parseKeyArn } from '@keyhold/core';
import { parseKeyring } from '@keyhold/envelope';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  implement,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import type {
  CallInfo,
  Client,
  CryptoWorkerMethods,
  DecisionBundle,
  GetKeyForCryptoRequest__Output,
  GetKeyForCryptoResponse,
  GetDecisionBundleRequest__Output,
  GrpcServerHandle,
} from '@keyhold/proto';
import { startCryptoWorker } from './server.js';
import type { CryptoWorker } from './server.js';
import {
  ACCOUNT,
  KMS_ALL,
  OTHER_ACCOUNT,
  REGION,
  codeOf,
  context,
  closeTestBus,
  connectTestBus,
  defaultKeyPolicy,
} from './test-fixtures.js';

interface StoredKey {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  state: string;
  materials: { version: number; wrapped: Buffer }[];
}

/** Stand-in for key-manager's GetKeyForCrypto: resolves ids in the caller's account and region, ARNs in their region. */
function keyManagerStandIn(keys: Map<string, StoredKey>, calls: { count: number }) {
  return {
    GetKeyForCrypto: async (
      req: GetKeyForCryptoRequest__Output,
      call: CallInfo,
    ): Promise<GetKeyForCryptoResponse> => {
      calls.count += 1;
      const arn = parseKeyArn(req.keyId);
      const key = arn ? keys.get(arn.keyId) : keys.get(req.keyId);
      const visible =
        key !== undefined &&
        key.region === call.context.region &&
        (arn ? key.arn === req.keyId : key.accountId === call.context.accountId);
      if (!visible) throw KmsError.notFound(req.keyId);
      return {
        keyMetadata: {
          awsAccountId: key.accountId,
          keyId: key.keyId,
          arn: key.arn,
          creationDate: Date.now() / 1000,
          enabled: key.state === 'Enabled',
          keyUsage: 'ENCRYPT_DECRYPT',
          keyState: key.state,
          origin: 'AWS_KMS',
          keyManager: 'CUSTOMER',
          keySpec: 'SYMMETRIC_DEFAULT',
          encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        },
        region: key.region,
        currentMaterialVersion: Math.max(...key.materials.map((m) => m.version)),
        materials: key.materials,
        streamVersion: '1',
      };
    },
  };
}

/** Stand-in for the authorizer's GetDecisionBundle. */
function authorizerStandIn(keys: Map<string, StoredKey>, calls: { count: number }) {
  return {
    GetDecisionBundle: async (req: GetDecisionBundleRequest__Output): Promise<DecisionBundle> => {
      calls.count += 1;
      const parts = parseKeyArn(req.keyArn);
      const key = parts ? keys.get(parts.keyId) : undefined;
      if (!key) throw KmsError.notFound(req.keyArn);
      return {
        keyArn: key.arn,
        keyAccountId: key.accountId,
        version: '1',
        keyPolicy: defaultKeyPolicy(key.accountId),
      };
    },
    GetIdentityPolicies: async (req: { principalArn: string }) => ({
      principalArn: req.principalArn,
      policies: [KMS_ALL],
    }),
  };
}

describe('crypto-worker', () => {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'crypto-worker',
    level: 'trace',
    destination: { write: (line: string) => void lines.push(line) },
  });
  const keys = new Map<string, StoredKey>();
  const keyManagerCalls = { count: 0 };
  const authorizerCalls = { count: 0 };
  const rootKeyring = parseKeyring(
    JSON.stringify({ current: 1, keys: { '1': randomBytes(32).toString('base64') } }),
  );
  let bus: Bus;
  let keyManagerServer: GrpcServerHandle;
  let authorizerServer: GrpcServerHandle;
  let worker: CryptoWorker;
  let client: Client<CryptoWorkerMethods>;
  const closers: (() => void)[] = [];

  async function createKey(accountId = ACCOUNT): Promise<StoredKey> {
    const keyId = randomUUID();
    const arn = keyArn(REGION, accountId, keyId);
    const { wrapped } = await client.GenerateKeyMaterial({ keyArn: arn, materialVersion: 1 });
    const key: StoredKey = {
      keyId,
      arn,
      accountId,
      region: REGION,
      state: 'Enabled',
      materials: [{ version: 1, wrapped }],
    };
    keys.set(keyId, key);
    return key;
  }

  beforeAll(async () => {
    const standInLogger = createLogger({ service: 'stand-in', level: 'silent' });
    keyManagerServer = await startGrpcServer('127.0.0.1:0', [
      [
        serviceDefinitions().keyManager,
        implement(keyManagerStandIn(keys, keyManagerCalls), { logger: standInLogger }),
      ],
    ]);
    authorizerServer = await startGrpcServer('127.0.0.1:0', [
      [
        serviceDefinitions().authorizer,
        implement(authorizerStandIn(keys, authorizerCalls), { logger: standInLogger }),
      ],
    ]);
    const keyManager = createKeyManagerClient(keyManagerServer.address);
    const authorizer = createAuthorizerClient(authorizerServer.address);
    closers.push(
      () => keyManager.close(),
      () => authorizer.close(),
    );
    bus = await connectTestBus('crypto-worker-test', logger);
    worker = await startCryptoWorker(
      { logger, keyring: rootKeyring, keyManager, authorizer, bus },
      { grpcListen: '127.0.0.1:0', keyCacheTtlMs: 300_000 },
    );
    client = createCryptoWorkerClient(worker.address);
  });

  afterAll(async () => {
    client?.close();
    await worker?.close(1_000);
    for (const close of closers) close();
    await keyManagerServer?.close(1_000);
    await authorizerServer?.close(1_000);
    await closeTestBus(bus);
  });

  it('GenerateKeyMaterial returns only wrapped material, bound to its key and version', async () => {
    const arn = keyArn(REGION, ACCOUNT, randomUUID());
    const a = await client.GenerateKeyMaterial({ keyArn: arn, materialVersion: 1 });
    const b = await client.GenerateKeyMaterial({ keyArn: arn, materialVersion: 1 });
    expect(a.wrapped.length).toBe(5 + 12 + 32 + 16);
    expect(a.wrapped.equals(b.wrapped)).toBe(false);
    expect(await codeOf(client.GenerateKeyMaterial({ keyArn: 'nope', materialVersion: 1 }))).toBe(
      'InvalidArnException',
    );
    expect(await codeOf(client.GenerateKeyMaterial({ keyArn: arn, materialVersion: 0 }))).toBe(
      'ValidationException',
    );
  });

  it('encrypts and decrypts without an encryption context, answering with the key ARN', async () => {
    const key = await createKey();
    const plaintext = Buffer.from('round trip without context');
    const enc = await client.Encrypt({ keyId: key.keyId, plaintext }, { context: context() });
    expect(enc.keyId).toBe(key.arn);
    expect(enc.encryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(enc.ciphertextBlob.includes(plaintext)).toBe(false);
    const dec = await client.Decrypt(
      { ciphertextBlob: enc.ciphertextBlob },
      { context: context({ operation: 'Decrypt' }) },
    );
    expect(dec.plaintext).toEqual(plaintext);
    expect(dec.keyId).toBe(key.arn);
    expect(dec.encryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    // The key's ARN as KeyId works too, on both sides.
    const enc2 = await client.Encrypt({ keyId: key.arn, plaintext }, { context: context() });
    const dec2 = await client.Decrypt(
      { ciphertextBlob: enc2.ciphertextBlob, keyId: key.arn },
      { context: context() },
    );
    expect(dec2.plaintext).toEqual(plaintext);
  });

  it('binds the encryption context: only the exact context decrypts', async () => {
    const key = await createKey();
    const plaintext = Buffer.from('round trip with context');
    const encryptionContext = { tenant: 'acme', purpose: 'test' };
    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext, encryptionContext },
      { context: context() },
    );
    const ok = await client.Decrypt(
      {
        ciphertextBlob: enc.ciphertextBlob,
        encryptionContext: { purpose: 'test', tenant: 'acme' },
      },
      { context: context() },
    );
    expect(ok.plaintext).toEqual(plaintext);
    for (const wrong of [
      {},
      { tenant: 'acme' },
      { tenant: 'acme', purpose: 'Test' },
      { ...encryptionContext, x: 'y' },
    ]) {
      expect(
        await codeOf(
          client.Decrypt(
            { ciphertextBlob: enc.ciphertextBlob, encryptionContext: wrong },
            { context: context() },
          ),
        ),
      ).toBe('InvalidCiphertextException');
    }
    const ab = await client.Encrypt(
      { keyId: key.keyId, plaintext, encryptionContext: { ab: 'c' } },
      { context: context() },
    );
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: ab.ciphertextBlob, encryptionContext: { a: 'bc' } },
          { context: context() },
        ),
      ),
    ).toBe('InvalidCiphertextException');
  });

  it('rejects tampered blobs and blobs of keys not in the caller’s region', async () => {
    const key = await createKey();
    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext: Buffer.from('x') },
      { context: context() },
    );
    for (const at of [0, 5, 30, enc.ciphertextBlob.length - 1]) {
      const t = Buffer.from(enc.ciphertextBlob);
      t[at] = t[at]! ^ 0x01;
      expect(await codeOf(client.Decrypt({ ciphertextBlob: t }, { context: context() }))).toBe(
        'InvalidCiphertextException',
      );
    }
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob },
          { context: context({ region: 'eu-west-1' }) },
        ),
      ),
    ).toBe('InvalidCiphertextException');
    expect(
      await codeOf(client.Decrypt({ ciphertextBlob: randomBytes(200) }, { context: context() })),
    ).toBe('InvalidCiphertextException');
  });

  it('answers IncorrectKeyException when Decrypt names another key', async () => {
    const key = await createKey();
    const other = await createKey();
    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext: Buffer.from('x') },
      { context: context() },
    );
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob, keyId: other.keyId },
          { context: context() },
        ),
      ),
    ).toBe('IncorrectKeyException');
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob, keyId: other.arn },
          { context: context() },
        ),
      ),
    ).toBe('IncorrectKeyException');
  });

  it('generates data keys from KeySpec or NumberOfBytes', async () => {
    const key = await createKey();
    const gdk = await client.GenerateDataKey(
      { keyId: key.keyId, keySpec: 'AES_256' },
      { context: context() },
    );
    expect(gdk.plaintext.length).toBe(32);
    expect(gdk.keyId).toBe(key.arn);
    const dec = await client.Decrypt(
      { ciphertextBlob: gdk.ciphertextBlob },
      { context: context() },
    );
    expect(dec.plaintext).toEqual(gdk.plaintext);

    const esdk = await client.GenerateDataKey(
      { keyId: key.arn, numberOfBytes: 24, encryptionContext: { 'aws-crypto-public-key': 'abc' } },
      { context: context() },
    );
    expect(esdk.plaintext.length).toBe(24);
    const dec24 = await client.Decrypt(
      {
        ciphertextBlob: esdk.ciphertextBlob,
        encryptionContext: { 'aws-crypto-public-key': 'abc' },
        keyId: key.arn,
      },
      { context: context() },
    );
    expect(dec24.plaintext).toEqual(esdk.plaintext);
    const aes128 = await client.GenerateDataKey(
      { keyId: key.keyId, keySpec: 'AES_128' },
      { context: context() },
    );
    expect(aes128.plaintext.length).toBe(16);
  });

  it('wants exactly one of KeySpec or NumberOfBytes, in AWS wording', async () => {
    const key = await createKey();
    for (const req of [
      { keyId: key.keyId },
      { keyId: key.keyId, keySpec: 'AES_256', numberOfBytes: 32 },
    ]) {
      const err = await client
        .GenerateDataKey(req, { context: context() })
        .catch((e: unknown) => e);
      expect(isKmsError(err, 'ValidationException')).toBe(true);
      expect((err as Error).message).toBe('Please specify either number of bytes or key spec.');
    }
    const tooMany = await client
      .GenerateDataKey({ keyId: key.keyId, numberOfBytes: 1025 }, { context: context() })
      .catch((e: unknown) => e);
    expect((tooMany as Error).message).toBe(
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
  });

  it('validates Encrypt and Decrypt input in AWS wording', async () => {
    const key = await createKey();
    const big = await client
      .Encrypt({ keyId: key.keyId, plaintext: randomBytes(4097) }, { context: context() })
      .catch((e: unknown) => e);
    expect(isKmsError(big, 'ValidationException')).toBe(true);
    expect((big as Error).message).toBe(
      "1 validation error detected: Value '***' at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
    expect(
      await codeOf(
        client.Encrypt({ keyId: key.keyId, plaintext: Buffer.alloc(0) }, { context: context() }),
      ),
    ).toBe('ValidationException');
    expect(
      await codeOf(
        client.Encrypt({ keyId: '', plaintext: Buffer.from('x') }, { context: context() }),
      ),
    ).toBe('ValidationException');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: key.keyId, plaintext: Buffer.from('x'), grantTokens: Array(11).fill('t') },
          { context: context() },
        ),
      ),
    ).toBe('ValidationException');
    const tenTokens = await client.Encrypt(
      {
        keyId: key.keyId,
        plaintext: Buffer.from('x'),
        grantTokens: Array(10).fill('t'),
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      },
      { context: context() },
    );
    expect(tenTokens.keyId).toBe(key.arn);
    expect(
      await codeOf(client.Decrypt({ ciphertextBlob: randomBytes(6145) }, { context: context() })),
    ).toBe('ValidationException');
    expect(
      await codeOf(client.Decrypt({ ciphertextBlob: Buffer.alloc(0) }, { context: context() })),
    ).toBe('ValidationException');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: randomUUID(), plaintext: Buffer.from('x') },
          { context: context() },
        ),
      ),
    ).toBe('NotFoundException');
  });

  it('denies callers of another account with AWS’s message', async () => {
    const key = await createKey();
    const principalArn = `arn:aws:iam::${OTHER_ACCOUNT}:user/mallory`;
    const outsider = context({ accountId: OTHER_ACCOUNT, principalArn });
    const err = await client
      .Encrypt({ keyId: key.arn, plaintext: Buffer.from('x') }, { context: outsider })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'AccessDeniedException')).toBe(true);
    expect((err as Error).message).toBe(
      KmsError.accessDenied(principalArn, 'kms:Encrypt', key.arn).message,
    );
    // The reason crossed gRPC for the gateway's audit record, outside the message.
    expect((err as KmsError).audit).toEqual({ denyReason: 'no allow' });

    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext: Buffer.from('x') },
      { context: context() },
    );
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob, keyId: key.arn },
          { context: outsider },
        ),
      ),
    ).toBe('AccessDeniedException');
    expect(
      await codeOf(
        client.GenerateDataKey({ keyId: key.arn, keySpec: 'AES_256' }, { context: outsider }),
      ),
    ).toBe('AccessDeniedException');
  });

  it('serves repeated requests from cache: one key fetch and one bundle fetch per key', async () => {
    const key = await createKey();
    const before = { km: keyManagerCalls.count, az: authorizerCalls.count };
    const blobs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.Encrypt(
          { keyId: key.keyId, plaintext: Buffer.from(`m${i}`) },
          { context: context() },
        ),
      ),
    );
    for (const b of blobs)
      await client.Decrypt({ ciphertextBlob: b.ciphertextBlob }, { context: context() });
    expect(keyManagerCalls.count - before.km).toBe(1);
    expect(authorizerCalls.count - before.az).toBe(1);
  });

  it('drops a key from the cache when an event for it arrives on NATS', async () => {
    const key = await createKey();
    await client.Encrypt({ keyId: key.keyId, plaintext: Buffer.from('x') }, { context: context() });
    key.state = 'Disabled';
    // Still cached: the stand-in's change is not seen until an event says so.
    expect(
      await codeOf(
        client.Encrypt({ keyId: key.keyId, plaintext: Buffer.from('x') }, { context: context() }),
      ),
    ).toBe('OK');

    const event = {
      eventId: randomUUID(),
      streamId: `key-${key.keyId}`,
      version: 2,
      position: '2',
      type: 'KeyDisabled',
      data: {},
    };
    await bus.js.publish(bus.names.keyEventSubject(REGION, key.keyId), JSON.stringify(event), {
      msgID: event.eventId,
    });
    const published = Date.now();
    let code = 'OK';
    while (code === 'OK' && Date.now() - published < 1_000) {
      code = await codeOf(
        client.Encrypt({ keyId: key.keyId, plaintext: Buffer.from('x') }, { context: context() }),
      );
      if (code === 'OK') await new Promise((r) => setTimeout(r, 20));
    }
    expect(code).toBe('DisabledException');
    const err = await client
      .Encrypt({ keyId: key.keyId, plaintext: Buffer.from('x') }, { context: context() })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${key.arn} is disabled.`);

    key.state = 'PendingDeletion';
    await bus.js.publish(
      bus.names.keyEventSubject(REGION, key.keyId),
      JSON.stringify({ ...event, eventId: randomUUID() }),
    );
    await expect
      .poll(
        () =>
          codeOf(
            client.Encrypt(
              { keyId: key.keyId, plaintext: Buffer.from('x') },
              { context: context() },
            ),
          ),
        { timeout: 1_000 },
      )
      .toBe('KMSInvalidStateException');
  });

  it('never writes plaintext or data keys to its logs', async () => {
    const key = await createKey();
    const marker = `plaintext-marker-${randomUUID()}`;
    const plaintext = Buffer.from(marker);
    lines.length = 0;
    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext, encryptionContext: { k: 'v' } },
      { context: context() },
    );
    await client.Decrypt(
      { ciphertextBlob: enc.ciphertextBlob, encryptionContext: { k: 'v' } },
      { context: context() },
    );
    await codeOf(
      client.Decrypt(
        { ciphertextBlob: enc.ciphertextBlob, encryptionContext: { k: 'x' } },
        { context: context() },
      ),
    );
    await codeOf(
      client.Encrypt(
        { keyId: key.keyId, plaintext: Buffer.concat([plaintext, randomBytes(4097)]) },
        { context: context() },
      ),
    );
    const gdk = await client.GenerateDataKey(
      { keyId: key.keyId, numberOfBytes: 32 },
      { context: context() },
    );
    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(logged).toContain(key.arn);
    for (const secret of [plaintext, gdk.plaintext]) {
      expect(logged).not.toContain(secret.toString('utf8'));
      expect(logged).not.toContain(secret.toString('base64'));
      expect(logged).not.toContain(secret.toString('hex'));
    }
    expect(logged).not.toContain(marker);
    expect(logged).not.toContain(enc.ciphertextBlob.toString('base64'));
  });
});
