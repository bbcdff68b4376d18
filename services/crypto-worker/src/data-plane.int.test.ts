import { randomBytes, randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '@keyhold/bus';
import { KmsError, createLogger, keyArn, parseKeyArn } from '@keyhold/core';
import { RootKeyring, parseKeyring } from '@keyhold/envelope';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  implement,
  loadProto,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import type {
  CallInfo,
  Client,
  CryptoWorkerMethods,
  DataPlaneRequest,
  DataPlaneResponse__Output,
  DataPlaneResponses__Output,
  DecisionBundle,
  GetKeyForCryptoRequest__Output,
  GetKeyForCryptoResponse,
  GrpcServerHandle,
} from '@keyhold/proto';
import { startCryptoWorker } from './server.js';
import type { CryptoWorker } from './server.js';
import {
  ACCOUNT,
  KMS_ALL,
  OTHER_ACCOUNT as OTHER,
  REGION,
  codeOf,
  context,
  closeTestBus,
  connectTestBus,
  defaultKeyPolicy,
} from './test-fixtures.js';

// ReEncrypt, GenerateDataKeyWithoutPlaintext, GenerateRandom, DryRun, the
// multiplexed DataPlaneBatch and DataPlane streams and root keyring
// rotation, against a real worker with stand-ins for key-manager and the
// authorizer.

interface StoredKey {
  keyId: string;
  arn: string;
  accountId: string;
  state: string;
  usage: string;
  materials: { version: number; wrapped: Buffer }[];
}

const rootKey = (): string => randomBytes(32).toString('base64');

describe('crypto-worker data plane', () => {
  const logger = createLogger({ service: 'crypto-worker', level: 'silent' });
  const keys = new Map<string, StoredKey>();
  const root1 = rootKey();
  const root2 = rootKey();
  const keyringV1 = parseKeyring(JSON.stringify({ current: 1, keys: { '1': root1 } }));
  let bus: Bus;
  let keyManagerServer: GrpcServerHandle;
  let authorizerServer: GrpcServerHandle;
  let worker: CryptoWorker;
  let client: Client<CryptoWorkerMethods>;
  const closers: (() => void)[] = [];

  async function createKey(accountId = ACCOUNT, usage = 'ENCRYPT_DECRYPT'): Promise<StoredKey> {
    const keyId = randomUUID();
    const arn = keyArn(REGION, accountId, keyId);
    const { wrapped } = await client.GenerateKeyMaterial({ keyArn: arn, materialVersion: 1 });
    const key = {
      keyId,
      arn,
      accountId,
      state: 'Enabled',
      usage,
      materials: [{ version: 1, wrapped }],
    };
    keys.set(keyId, key);
    return key;
  }

  beforeAll(async () => {
    const silent = createLogger({ service: 'stand-in', level: 'silent' });
    keyManagerServer = await startGrpcServer('127.0.0.1:0', [
      [
        serviceDefinitions().keyManager,
        implement(
          {
            GetKeyForCrypto: async (
              req: GetKeyForCryptoRequest__Output,
              call: CallInfo,
            ): Promise<GetKeyForCryptoResponse> => {
              const arn = parseKeyArn(req.keyId);
              const key = arn ? keys.get(arn.keyId) : keys.get(req.keyId);
              const visible =
                key !== undefined &&
                (arn ? key.arn === req.keyId : key.accountId === call.context.accountId);
              if (!visible) throw KmsError.notFound(req.keyId);
              return {
                keyMetadata: {
                  awsAccountId: key.accountId,
                  keyId: key.keyId,
                  arn: key.arn,
                  keyUsage: key.usage,
                  keyState: key.state,
                  keySpec: 'SYMMETRIC_DEFAULT',
                },
                region: REGION,
                currentMaterialVersion: Math.max(...key.materials.map((m) => m.version)),
                materials: key.materials,
                streamVersion: '1',
              };
            },
          },
          { logger: silent },
        ),
      ],
    ]);
    authorizerServer = await startGrpcServer('127.0.0.1:0', [
      [
        serviceDefinitions().authorizer,
        implement(
          {
            GetDecisionBundle: async (req: { keyArn: string }): Promise<DecisionBundle> => {
              const key = keys.get(parseKeyArn(req.keyArn)?.keyId ?? '');
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
          },
          { logger: silent },
        ),
      ],
    ]);
    const keyManager = createKeyManagerClient(keyManagerServer.address);
    const authorizer = createAuthorizerClient(authorizerServer.address);
    closers.push(
      () => keyManager.close(),
      () => authorizer.close(),
    );
    bus = await connectTestBus('crypto-worker-data-plane-test', logger);
    worker = await startCryptoWorker(
      { logger, keyring: keyringV1, keyManager, authorizer, bus },
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

  it('ReEncrypts between two keys, from the blob’s key, with the destination context', async () => {
    const a = await createKey();
    const b = await createKey();
    const plaintext = Buffer.from('move me');
    const enc = await client.Encrypt(
      { keyId: a.keyId, plaintext, encryptionContext: { from: 'a' } },
      { context: context() },
    );
    const re = await client.ReEncrypt(
      {
        ciphertextBlob: enc.ciphertextBlob,
        sourceEncryptionContext: { from: 'a' },
        destinationKeyId: b.arn,
        destinationEncryptionContext: { to: 'b' },
      },
      { context: context({ operation: 'ReEncrypt' }) },
    );
    expect(re.sourceKeyId).toBe(a.arn);
    expect(re.keyId).toBe(b.arn);
    expect(re.sourceEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(re.destinationEncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    const dec = await client.Decrypt(
      { ciphertextBlob: re.ciphertextBlob, encryptionContext: { to: 'b' } },
      { context: context() },
    );
    expect(dec.plaintext).toEqual(plaintext);
    expect(dec.keyId).toBe(b.arn);
    // The old context no longer opens the new blob; a wrong source context fails ReEncrypt.
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: re.ciphertextBlob, encryptionContext: { from: 'a' } },
          { context: context() },
        ),
      ),
    ).toBe('InvalidCiphertextException');
    const reencrypt = (over: object) =>
      codeOf(
        client.ReEncrypt(
          {
            ciphertextBlob: enc.ciphertextBlob,
            sourceEncryptionContext: { from: 'a' },
            destinationKeyId: b.keyId,
            ...over,
          },
          { context: context() },
        ),
      );
    expect(await reencrypt({ sourceEncryptionContext: {} })).toBe('InvalidCiphertextException');
    expect(await reencrypt({ sourceKeyId: b.keyId })).toBe('IncorrectKeyException');
    expect(await reencrypt({ sourceKeyId: a.arn })).toBe('OK');
    expect(await reencrypt({ destinationKeyId: randomUUID() })).toBe('NotFoundException');
    expect(await reencrypt({ destinationKeyId: '' })).toBe('ValidationException');
    expect(await reencrypt({ dryRun: true })).toBe('DryRunOperationException');
    // Same key as destination: a fresh blob under the same key.
    expect(await reencrypt({ destinationKeyId: a.keyId })).toBe('OK');
    b.state = 'Disabled';
    worker.cache.evictKey(b.keyId);
    expect(await reencrypt({})).toBe('DisabledException');
    a.state = 'PendingDeletion';
    worker.cache.evictKey(a.keyId);
    expect(await reencrypt({})).toBe('KMSInvalidStateException');
  });

  it('GenerateDataKeyWithoutPlaintext returns a blob that Decrypt opens to the right length', async () => {
    const key = await createKey();
    for (const [spec, n, length] of [
      ['AES_256', undefined, 32],
      ['AES_128', undefined, 16],
      [undefined, 24, 24],
    ] as const) {
      const res = await client.GenerateDataKeyWithoutPlaintext(
        {
          keyId: key.keyId,
          encryptionContext: { purpose: 'dk' },
          ...(spec ? { keySpec: spec } : {}),
          ...(n ? { numberOfBytes: n } : {}),
        },
        { context: context() },
      );
      expect(res.keyId).toBe(key.arn);
      expect(Object.keys(res).sort()).toEqual(['ciphertextBlob', 'keyId']);
      const dec = await client.Decrypt(
        { ciphertextBlob: res.ciphertextBlob, encryptionContext: { purpose: 'dk' } },
        { context: context() },
      );
      expect(dec.plaintext.length).toBe(length);
    }
    expect(
      await codeOf(
        client.GenerateDataKeyWithoutPlaintext(
          { keyId: key.keyId, keySpec: 'AES_256', numberOfBytes: 32 },
          { context: context() },
        ),
      ),
    ).toBe('ValidationException');
  });

  it('GenerateRandom returns 1..1024 fresh bytes', async () => {
    const a = await client.GenerateRandom({ numberOfBytes: 1024 }, { context: context() });
    const b = await client.GenerateRandom({ numberOfBytes: 1024 }, { context: context() });
    expect(a.plaintext.length).toBe(1024);
    expect(a.plaintext.equals(b.plaintext)).toBe(false);
    expect(
      (await client.GenerateRandom({ numberOfBytes: 1 }, { context: context() })).plaintext.length,
    ).toBe(1);
    for (const numberOfBytes of [0, 1025, -1]) {
      expect(await codeOf(client.GenerateRandom({ numberOfBytes }, { context: context() }))).toBe(
        'ValidationException',
      );
    }
    expect(await codeOf(client.GenerateRandom({}, { context: context() }))).toBe(
      'ValidationException',
    );
    expect(
      await codeOf(
        client.GenerateRandom(
          { numberOfBytes: 8, customKeyStoreId: 'cks-1' },
          { context: context() },
        ),
      ),
    ).toBe('UnsupportedOperationException');
  });

  it('answers DryRun with DryRunOperationException only when the call would succeed', async () => {
    const key = await createKey();
    const plaintext = Buffer.from('dry');
    expect(
      await codeOf(
        client.Encrypt({ keyId: key.keyId, plaintext, dryRun: true }, { context: context() }),
      ),
    ).toBe('DryRunOperationException');
    expect(
      await codeOf(
        client.GenerateDataKey(
          { keyId: key.keyId, numberOfBytes: 32, dryRun: true },
          { context: context() },
        ),
      ),
    ).toBe('DryRunOperationException');
    const enc = await client.Encrypt({ keyId: key.keyId, plaintext }, { context: context() });
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob, dryRun: true },
          { context: context() },
        ),
      ),
    ).toBe('DryRunOperationException');
    // Would fail: the failure wins over the dry run.
    expect(
      await codeOf(
        client.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob, encryptionContext: { x: 'y' }, dryRun: true },
          { context: context() },
        ),
      ),
    ).toBe('InvalidCiphertextException');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: key.keyId, plaintext, dryRun: true },
          {
            context: context({ accountId: OTHER, principalArn: `arn:aws:iam::${OTHER}:user/bob` }),
          },
        ),
      ),
    ).toBe('NotFoundException');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: key.arn, plaintext, dryRun: true },
          {
            context: context({ accountId: OTHER, principalArn: `arn:aws:iam::${OTHER}:user/bob` }),
          },
        ),
      ),
    ).toBe('AccessDeniedException');
  });

  it('rejects keys of another usage with InvalidKeyUsageException, and at most 10 grant tokens', async () => {
    const signing = await createKey(ACCOUNT, 'SIGN_VERIFY');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: signing.keyId, plaintext: Buffer.from('x') },
          { context: context() },
        ),
      ),
    ).toBe('InvalidKeyUsageException');
    const key = await createKey();
    const tokens = (n: number) => Array.from({ length: n }, (_, i) => `token-${i}`);
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: key.keyId, plaintext: Buffer.from('x'), grantTokens: tokens(10) },
          { context: context() },
        ),
      ),
    ).toBe('OK');
    expect(
      await codeOf(
        client.Encrypt(
          { keyId: key.keyId, plaintext: Buffer.from('x'), grantTokens: tokens(11) },
          { context: context() },
        ),
      ),
    ).toBe('ValidationException');
  });

  /**
   * Sends `frames` on a raw stream of either RPC (DataPlaneBatch: 50 frames
   * a message), half-closes, and collects the answers until the worker ends
   * the stream.
   */
  async function exchange(
    rpc: 'DataPlane' | 'DataPlaneBatch',
    frames: DataPlaneRequest[],
  ): Promise<{ answers: Map<number, DataPlaneResponse__Output>; messages: number[] }> {
    const Ctor = loadProto().keyhold.crypto.v1.CryptoDataPlane;
    const raw = new Ctor(worker.address, grpc.credentials.createInsecure());
    const answers = new Map<number, DataPlaneResponse__Output>();
    const messages: number[] = [];
    const take = (responses: DataPlaneResponse__Output[]): void => {
      messages.push(responses.length);
      for (const res of responses) answers.set(res.id, res);
    };
    const halfClose = <Req, Res>(stream: grpc.ClientDuplexStream<Req, Res>): Promise<void> => {
      stream.end();
      return new Promise((resolve, reject) => {
        stream.on('end', () => resolve());
        stream.on('error', reject);
      });
    };
    let ended: Promise<void>;
    if (rpc === 'DataPlane') {
      const single = raw.DataPlane();
      single.on('data', (res: DataPlaneResponse__Output) => take([res]));
      for (const frame of frames) single.write(frame);
      ended = halfClose(single);
    } else {
      const batch = raw.DataPlaneBatch();
      batch.on('data', (res: DataPlaneResponses__Output) => take(res.responses));
      for (let i = 0; i < frames.length; i += 50) {
        batch.write({ requests: frames.slice(i, i + 50) });
      }
      ended = halfClose(batch);
    }
    try {
      await ended;
    } finally {
      raw.close();
    }
    return { answers, messages };
  }

  it('serves many requests multiplexed on one DataPlaneBatch stream, answered by id in few messages', async () => {
    const key = await createKey();
    const ctx = context();
    const N = 200;
    const frames: DataPlaneRequest[] = [];
    for (let id = 1; id <= N; id++) {
      frames.push({
        id,
        context: ctx,
        timeoutMs: 5_000,
        encrypt: { keyId: key.keyId, plaintext: Buffer.from(`message ${id}`) },
      });
    }
    const outsider = context({
      accountId: OTHER,
      principalArn: `arn:aws:iam::${OTHER}:user/mallory`,
    });
    frames.push(
      { id: N + 1, context: ctx, encrypt: { keyId: randomUUID(), plaintext: Buffer.from('x') } },
      { id: N + 2, context: ctx, generateRandom: { numberOfBytes: 2000 } },
      { id: N + 3, context: ctx },
      { id: N + 4, context: outsider, encrypt: { keyId: key.arn, plaintext: Buffer.from('x') } },
    );
    const { answers, messages } = await exchange('DataPlaneBatch', frames);
    // Every answer came, those finished last included, before the worker ended the stream.
    expect(answers.size).toBe(N + 4);
    // Answers finished in one loop turn share a message, at most 128 of them.
    expect(messages.length).toBeLessThan(N / 10);
    expect(Math.max(...messages)).toBeLessThanOrEqual(128);
    const blob = answers.get(7)!;
    expect(blob.result).toBe('encrypt');
    expect(blob.encrypt!.keyId).toBe(key.arn);
    const dec = await client.Decrypt(
      { ciphertextBlob: blob.encrypt!.ciphertextBlob },
      { context: ctx },
    );
    expect(dec.plaintext.toString()).toBe('message 7');
    expect(answers.get(N + 1)!.error).toEqual({
      code: 'NotFoundException',
      message: expect.stringContaining('does not exist') as unknown as string,
      denyReason: '',
    });
    expect(answers.get(N + 2)!.error?.code).toBe('ValidationException');
    expect(answers.get(N + 3)!.error?.code).toBe('ValidationException');
    // A denial's frame says why, for the gateway's audit record; the message does not.
    expect(answers.get(N + 4)!.error).toEqual({
      code: 'AccessDeniedException',
      message: KmsError.accessDenied(outsider.principalArn, 'kms:Encrypt', key.arn).message,
      denyReason: 'no allow',
    });
  });

  it('still serves the one-frame-per-message DataPlane RPC (gateways of the previous version)', async () => {
    const key = await createKey();
    const ctx = context();
    const { answers, messages } = await exchange('DataPlane', [
      { id: 1, context: ctx, encrypt: { keyId: key.keyId, plaintext: Buffer.from('old') } },
      { id: 2, context: ctx, encrypt: { keyId: randomUUID(), plaintext: Buffer.from('x') } },
      { id: 3, context: ctx, generateRandom: { numberOfBytes: 16 } },
    ]);
    expect(messages).toEqual([1, 1, 1]);
    const dec = await client.Decrypt(
      { ciphertextBlob: answers.get(1)!.encrypt!.ciphertextBlob },
      { context: ctx },
    );
    expect(dec.plaintext.toString()).toBe('old');
    expect(answers.get(2)!.error?.code).toBe('NotFoundException');
    expect(answers.get(3)!.generateRandom!.plaintext).toHaveLength(16);
  });

  it('re-wraps key material under a new root version; old and new keyrings both decrypt meanwhile', async () => {
    const key = await createKey();
    const enc = await client.Encrypt(
      { keyId: key.keyId, plaintext: Buffer.from('survives rotation') },
      { context: context() },
    );
    const v1Wrapped = key.materials[0]!.wrapped;
    expect(RootKeyring.rootVersionOf(v1Wrapped)).toBe(1);
    // Step 1 of a rotation: every worker gets a keyring holding both versions, v2 current.
    const keyringV2 = parseKeyring(
      JSON.stringify({ current: 2, keys: { '1': root1, '2': root2 } }),
    );
    const silent = createLogger({ service: 'crypto-worker', level: 'silent' });
    const keyManager = createKeyManagerClient(keyManagerServer.address);
    const authorizer = createAuthorizerClient(authorizerServer.address);
    const rotated = await startCryptoWorker(
      { logger: silent, keyring: keyringV2, keyManager, authorizer, bus },
      { grpcListen: '127.0.0.1:0', keyCacheTtlMs: 300_000 },
    );
    const rotatedClient = createCryptoWorkerClient(rotated.address);
    try {
      // With both versions held, material still under version 1 keeps decrypting.
      const before = await rotatedClient.Decrypt(
        { ciphertextBlob: enc.ciphertextBlob },
        { context: context() },
      );
      expect(before.plaintext.toString()).toBe('survives rotation');
      // Step 2: the re-wrap job, row by row, while both workers keep decrypting.
      const res = await rotatedClient.RewrapKeyMaterial({
        keyId: key.keyId,
        materialVersion: 1,
        wrapped: v1Wrapped,
      });
      expect(res.changed).toBe(true);
      expect(res.rootVersion).toBe(2);
      expect(RootKeyring.rootVersionOf(res.wrapped)).toBe(2);
      expect(res.wrapped.equals(v1Wrapped)).toBe(false);
      // Already current: returned as is.
      const again = await rotatedClient.RewrapKeyMaterial({
        keyId: key.keyId,
        materialVersion: 1,
        wrapped: res.wrapped,
      });
      expect(again.changed).toBe(false);
      expect(again.wrapped.equals(res.wrapped)).toBe(true);
      // Material is bound to key id and version: a re-wrap under another binding fails.
      expect(
        await codeOf(
          rotatedClient.RewrapKeyMaterial({
            keyId: randomUUID(),
            materialVersion: 1,
            wrapped: v1Wrapped,
          }),
        ),
      ).toBe('KMSInternalException');
      expect(
        await codeOf(
          rotatedClient.RewrapKeyMaterial({
            keyId: 'nope',
            materialVersion: 1,
            wrapped: v1Wrapped,
          }),
        ),
      ).toBe('ValidationException');

      key.materials = [{ version: 1, wrapped: res.wrapped }];
      rotated.cache.evictKey(key.keyId);
      // Old blobs open from the re-wrapped material.
      const dec = await rotatedClient.Decrypt(
        { ciphertextBlob: enc.ciphertextBlob },
        { context: context() },
      );
      expect(dec.plaintext.toString()).toBe('survives rotation');
      // Step 3: retire version 1; only re-wrapped material remains needed.
      const keyringV2Only = parseKeyring(JSON.stringify({ current: 2, keys: { '2': root2 } }));
      expect(() => keyringV2Only.unwrap(v1Wrapped)).toThrow();
      const retired = await startCryptoWorker(
        { logger: silent, keyring: keyringV2Only, keyManager, authorizer, bus },
        { grpcListen: '127.0.0.1:0', keyCacheTtlMs: 300_000 },
      );
      const retiredClient = createCryptoWorkerClient(retired.address);
      try {
        const dec2 = await retiredClient.Decrypt(
          { ciphertextBlob: enc.ciphertextBlob },
          { context: context() },
        );
        expect(dec2.plaintext.toString()).toBe('survives rotation');
      } finally {
        retiredClient.close();
        await retired.close(1_000);
      }
    } finally {
      rotatedClient.close();
      await rotated.close(1_000);
      keyManager.close();
      authorizer.close();
    }
  });
});
