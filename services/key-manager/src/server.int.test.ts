import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus, KeyCreated, KeyEventMessage } from '@keyhold/bus';
import { createLogger, isKmsError } from '@keyhold/core';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
} from '@keyhold/proto';
import type { Client, GrpcServerHandle, KeyManagerMethods, RequestContext } from '@keyhold/proto';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { migrateKeyManager } from './schema.js';
import {
  closeTestBus,
  connectTestBus,
  rejection,
  startPeers,
  testContext,
} from './test-fixtures.js';
import { startKeyManager } from './server.js';
import type { KeyManagerHandle } from './server.js';

const logger = createLogger({ service: 'key-manager-test', level: 'silent' });
const REGION = 'eu-west-1';

const context = (accountId: string, region = REGION, user = 'alice'): RequestContext =>
  testContext(accountId, region, user);

let db: TestDatabase;
let bus: Bus;
let peers: GrpcServerHandle;
let km: KeyManagerHandle;
let client: Client<KeyManagerMethods>;
const generated = new Map<string, Buffer>();

beforeAll(async () => {
  db = await testDatabase();
  await migrateKeyManager(db.sql);
  await migrateKeyManager(db.sql);
  bus = await connectTestBus('key-manager-test', logger);
  peers = await startPeers(logger, (req) => {
    const wrapped = randomBytes(61);
    generated.set(req.keyArn, wrapped);
    return wrapped;
  });
  km = await startKeyManager(
    {
      sql: db.sql,
      bus,
      logger,
      cryptoWorker: createCryptoWorkerClient(peers.address),
      authorizer: createAuthorizerClient(peers.address),
    },
    { grpcListen: '127.0.0.1:0', maxKeysPerRegion: 100_000 },
  );
  client = createKeyManagerClient(km.address);
});

afterAll(async () => {
  client?.close();
  await km?.close(1000);
  await peers?.close(1000);
  await closeTestBus(bus);
  await db?.drop();
});

describe('key-manager', () => {
  const alice = context('111122223333');

  it('creates a key, describes it by id and ARN, and serves it to crypto-worker', async () => {
    const before = Date.now() / 1000;
    const { keyMetadata: created } = await client.CreateKey(
      { description: 'orders', tags: [{ tagKey: 'team', tagValue: 'payments' }] },
      { context: alice },
    );
    expect(created).toMatchObject({
      awsAccountId: '111122223333',
      description: 'orders',
      enabled: true,
      keyState: 'Enabled',
      keyManager: 'CUSTOMER',
      origin: 'AWS_KMS',
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      multiRegion: false,
    });
    const keyId = created!.keyId;
    expect(created!.arn).toBe(`arn:aws:kms:${REGION}:111122223333:key/${keyId}`);
    expect(created!.creationDate).toBeGreaterThanOrEqual(Math.floor(before) - 1);
    expect(created!.creationDate).toBeLessThanOrEqual(Date.now() / 1000 + 1);

    const byId = await client.DescribeKey({ keyId }, { context: alice });
    const byArn = await client.DescribeKey({ keyId: created!.arn }, { context: alice });
    expect(byId.keyMetadata).toEqual(created);
    expect(byArn.keyMetadata).toEqual(created);

    const forCrypto = await client.GetKeyForCrypto({ keyId: created!.arn }, { context: alice });
    expect(forCrypto.region).toBe(REGION);
    expect(forCrypto.currentMaterialVersion).toBe(1);
    expect(forCrypto.streamVersion).toBe('1');
    expect(forCrypto.keyMetadata).toEqual(created);
    expect(forCrypto.materials).toHaveLength(1);
    expect(forCrypto.materials[0]!.version).toBe(1);
    expect(Buffer.compare(forCrypto.materials[0]!.wrapped, generated.get(created!.arn)!)).toBe(0);

    // The KeyCreated event reaches JetStream through the outbox.
    const subject = bus.names.keyEventSubject(REGION, keyId);
    const [row] = await db.sql<{ event_id: string; position: string }[]>`
      select event_id, position::text as position from key_manager.events where stream_id = ${`key-${keyId}`}`;
    let stored;
    for (let i = 0; i < 200 && !stored; i++) {
      stored = await bus.jsm.streams
        .getMessage(bus.names.keyEventsStream, { last_by_subj: subject })
        .catch(() => undefined);
      if (!stored) await new Promise((r) => setTimeout(r, 25));
    }
    expect(stored).toBeDefined();
    expect(stored!.header?.get('Nats-Msg-Id')).toBe(row!.event_id);
    // The request that caused the event travels with it, for consumers' logs.
    expect(stored!.header?.get('Keyhold-Request-Id')).toBe(alice.requestId);
    const [meta] = await db.sql<{ metadata: { requestId?: string } }[]>`
      select metadata from key_manager.events where stream_id = ${`key-${keyId}`}`;
    expect(meta!.metadata.requestId).toBe(alice.requestId);
    const message = JSON.parse(new TextDecoder().decode(stored!.data)) as KeyEventMessage;
    expect(message).toMatchObject({
      requestId: alice.requestId,
      eventId: row!.event_id,
      streamId: `key-${keyId}`,
      version: 1,
      position: row!.position,
      type: 'KeyCreated',
      data: {
        keyId,
        arn: created!.arn,
        accountId: '111122223333',
        region: REGION,
        description: 'orders',
        keyManager: 'CUSTOMER',
        materialVersion: 1,
        tags: [{ tagKey: 'team', tagValue: 'payments' }],
      },
    });
    expect(JSON.parse((message.data as KeyCreated['data']).policy)).toMatchObject({
      Statement: [{ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*' }],
    });
    // Wrapped material stays out of events.
    expect(JSON.stringify(message)).not.toContain(generated.get(created!.arn)!.toString('base64'));
  });

  it('pages ListKeys in creation order with an opaque marker', async () => {
    const carol = context('444455556666');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await client.CreateKey({ tags: [] }, { context: carol })).keyMetadata!.keyId);
    }
    const pages = [];
    let marker: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await client.ListKeys(
        { limit: 2, ...(marker ? { marker } : {}) },
        { context: carol },
      );
      pages.push(page);
      if (!page.truncated) break;
      marker = page.nextMarker;
    }
    expect(pages.map((p) => [p.keys.length, p.truncated])).toEqual([
      [2, true],
      [2, true],
      [1, false],
    ]);
    expect(pages[2]!.nextMarker).toBeUndefined();
    expect(pages.flatMap((p) => p.keys.map((k) => k.keyId))).toEqual(ids);
    expect(pages[0]!.keys[0]!.keyArn).toBe(`arn:aws:kms:${REGION}:444455556666:key/${ids[0]}`);

    const all = await client.ListKeys({}, { context: carol });
    expect(all.keys.map((k) => k.keyId)).toEqual(ids);
    expect(all.truncated).toBe(false);
    // Another region of the same account has none of them.
    expect(
      (await client.ListKeys({}, { context: context('444455556666', 'us-west-2') })).keys,
    ).toEqual([]);

    expect((await rejection(client.ListKeys({ marker: 'bm9wZQ' }, { context: carol }))).code).toBe(
      'InvalidMarkerException',
    );
    const zero = await rejection(client.ListKeys({ limit: 0 }, { context: carol }));
    expect(zero.code).toBe('ValidationException');
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const big = await rejection(client.ListKeys({ limit: 1001 }, { context: carol }));
    expect(big.message).toBe(
      "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it('denies another account the key by ARN and does not find it by id', async () => {
    const { keyMetadata } = await client.CreateKey({ tags: [] }, { context: alice });
    const mallory = context('777788889999', REGION, 'mallory');
    const denied = await rejection(
      client.DescribeKey({ keyId: keyMetadata!.arn }, { context: mallory }),
    );
    expect(denied.code).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: ${mallory.principalArn} is not authorized to perform: kms:DescribeKey on resource: ${keyMetadata!.arn} because no resource-based policy allows the kms:DescribeKey action`,
    );
    // The authorizer's reason reaches the gateway for its audit record, outside the message.
    expect(denied.audit).toEqual({ denyReason: 'no allow' });
    const missing = await rejection(
      client.DescribeKey({ keyId: keyMetadata!.keyId }, { context: mallory }),
    );
    expect(missing.code).toBe('NotFoundException');
    expect(missing.message).toBe(`Key '${keyMetadata!.keyId}' does not exist`);
  });

  it('finds a key only from its own region', async () => {
    const { keyMetadata } = await client.CreateKey({ tags: [] }, { context: alice });
    const elsewhere = context('111122223333', 'us-east-1');
    for (const keyId of [keyMetadata!.arn, keyMetadata!.keyId]) {
      const err = await rejection(client.DescribeKey({ keyId }, { context: elsewhere }));
      expect(err.code).toBe('NotFoundException');
      expect(err.message).toBe(`Key '${keyId}' does not exist`);
      expect(
        (await rejection(client.GetKeyForCrypto({ keyId }, { context: elsewhere }))).code,
      ).toBe('NotFoundException');
    }
    const unknown = randomUUID();
    expect(
      (await rejection(client.DescribeKey({ keyId: unknown }, { context: alice }))).message,
    ).toBe(`Key '${unknown}' does not exist`);
    expect(
      (await rejection(client.DescribeKey({ keyId: 'arn:aws:kms:nope' }, { context: alice }))).code,
    ).toBe('InvalidArnException');
  });

  it('rejects invalid and unauthorized CreateKey requests without creating anything', async () => {
    const dave = context('121212121212');
    const cases: Array<[Parameters<typeof client.CreateKey>[0], string]> = [
      [{ keyUsage: 'SIGN_VERIFY', tags: [] }, 'UnsupportedOperationException'],
      [{ keyUsage: 'BOGUS', tags: [] }, 'ValidationException'],
      [{ keySpec: 'RSA_2048', tags: [] }, 'UnsupportedOperationException'],
      [
        {
          tags: [
            { tagKey: 'a', tagValue: '1' },
            { tagKey: 'a', tagValue: '2' },
          ],
        },
        'TagException',
      ],
    ];
    for (const [request, code] of cases) {
      expect((await rejection(client.CreateKey(request, { context: dave }))).code).toBe(code);
    }
    const denied = await rejection(
      client.CreateKey({ tags: [] }, { context: context('121212121212', REGION, 'denied') }),
    );
    expect(denied.code).toBe('AccessDeniedException');
    expect((await client.ListKeys({}, { context: dave })).keys).toEqual([]);
  });

  it('enforces the keys-per-region quota', async () => {
    const small = await startKeyManager(
      {
        sql: db.sql,
        bus,
        logger,
        cryptoWorker: createCryptoWorkerClient(peers.address),
        authorizer: createAuthorizerClient(peers.address),
      },
      { grpcListen: '127.0.0.1:0', maxKeysPerRegion: 2 },
    );
    const smallClient = createKeyManagerClient(small.address);
    try {
      const erin = context('343434343434');
      const made = await Promise.allSettled(
        Array.from({ length: 4 }, () => smallClient.CreateKey({ tags: [] }, { context: erin })),
      );
      expect(made.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      for (const r of made) {
        if (r.status === 'rejected')
          expect(isKmsError(r.reason, 'LimitExceededException')).toBe(true);
      }
      expect((await smallClient.ListKeys({}, { context: erin })).keys).toHaveLength(2);
      // Another region has its own quota.
      await smallClient.CreateKey({ tags: [] }, { context: context('343434343434', 'us-east-2') });
    } finally {
      smallClient.close();
      await small.close(1000);
    }
  });
});
