import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus, KeyEvent } from '@keyhold/bus';
import { createLogger, keyStreamId } from '@keyhold/core';
import type { KmsError } from '@keyhold/core';
import { createPostgresEventStore } from '@keyhold/eventstore';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
} from '@keyhold/proto';
import type {
  Client,
  GenerateKeyMaterialRequest__Output,
  GrpcServerHandle,
  KeyManagerMethods,
  RequestContext,
} from '@keyhold/proto';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { PREDEFINED_ALIASES } from './key/handlers.js';
import {
  closeTestBus,
  connectTestBus,
  rejection,
  startPeers,
  testContext,
} from './test-fixtures.js';
import { projectKeyEvents } from './projections/keys-view.js';
import { SCHEMA, migrateKeyManager } from './schema.js';
import { startKeyManager } from './server.js';
import type { KeyManagerHandle } from './server.js';

const logger = createLogger({ service: 'key-manager-test', level: 'silent' });
const REGION = 'eu-west-1';
const ALICE = '111122223333';
const DAY = 86_400_000;

const context = (accountId = ALICE, region = REGION): RequestContext =>
  testContext(accountId, region);

let db: TestDatabase;
let bus: Bus;
let peers: GrpcServerHandle;
let km: KeyManagerHandle;
let client: Client<KeyManagerMethods>;
let nowMs = Date.parse('2030-01-01T00:00:00.000Z');
const clock = () => new Date(nowMs);
const generated: GenerateKeyMaterialRequest__Output[] = [];

async function start(): Promise<KeyManagerHandle> {
  return startKeyManager(
    {
      sql: db.sql,
      bus,
      logger,
      cryptoWorker: createCryptoWorkerClient(peers.address),
      authorizer: createAuthorizerClient(peers.address),
      clock,
    },
    // Jobs run only when the test says so.
    {
      grpcListen: '127.0.0.1:0',
      maxKeysPerRegion: 100_000,
      jobIntervalMs: 3_600_000,
      maxAliasesPerKey: 3,
    },
  );
}

beforeAll(async () => {
  db = await testDatabase();
  await migrateKeyManager(db.sql);
  bus = await connectTestBus('key-manager-lifecycle', logger);
  peers = await startPeers(logger, (req) => {
    generated.push(req);
    return randomBytes(61);
  });
  km = await start();
  client = createKeyManagerClient(km.address);
});

afterAll(async () => {
  client?.close();
  await km?.close(1000);
  await peers?.close(1000);
  await closeTestBus(bus);
  await db?.drop();
});

const newKey = async (ctx = context()) =>
  (await client.CreateKey({ tags: [] }, { context: ctx })).keyMetadata!;

describe('key lifecycle in key-manager', () => {
  it('deletes a key at its deletion date, never earlier, once across replicas and restarts', async () => {
    const key = await newKey();
    await client.CreateAlias(
      { aliasName: 'alias/doomed', targetKeyId: key.keyId },
      { context: context() },
    );
    await client.CreateGrant(
      {
        keyId: key.keyId,
        granteePrincipal: 'arn:aws:iam::111122223333:role/x',
        operations: ['Encrypt'],
        grantTokens: [],
      },
      { context: context() },
    );
    const scheduled = await client.ScheduleKeyDeletion(
      { keyId: key.keyId, pendingWindowInDays: 7 },
      { context: context() },
    );
    expect(scheduled.deletionDate * 1000).toBe(nowMs + 7 * DAY);
    const forCrypto = await client.GetKeyForCrypto(
      { keyId: key.keyId, anyAccount: false },
      { context: context() },
    );
    expect(forCrypto.keyMetadata?.keyState).toBe('PendingDeletion');

    nowMs += 7 * DAY - 1000;
    expect(await km.jobs.runOnce()).toMatchObject({ deleted: 0 });
    expect(
      (await client.DescribeKey({ keyId: key.keyId, grantTokens: [] }, { context: context() }))
        .keyMetadata?.keyState,
    ).toBe('PendingDeletion');

    // A restart loses nothing: the due date lives in Postgres. Two replicas race.
    await km.close(1000);
    km = await start();
    const second = await start();
    client.close();
    client = createKeyManagerClient(km.address);
    nowMs += 1000;
    const results = await Promise.all([km.jobs.runOnce(), second.jobs.runOnce()]);
    await second.close(1000);
    expect(results.reduce((n, r) => n + r.deleted, 0)).toBe(1);

    const [{ n } = { n: -1 }] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from key_manager.events where stream_id = ${keyStreamId(key.keyId)} and type = 'KeyDeleted'`;
    expect(n).toBe(1);
    expect(
      (
        await rejection(
          client.DescribeKey({ keyId: key.keyId, grantTokens: [] }, { context: context() }),
        )
      ).code,
    ).toBe('NotFoundException');
    expect(
      (
        await rejection(
          client.GetKeyForCrypto({ keyId: key.arn, anyAccount: false }, { context: context() }),
        )
      ).code,
    ).toBe('NotFoundException');
    expect(
      (await client.ListAliases({}, { context: context() })).aliases.map((a) => a.aliasName),
    ).not.toContain('alias/doomed');
    // Crypto-shredding: the material is gone, the history stays.
    expect(
      (await db.sql`select 1 from key_manager.key_material where key_id = ${key.keyId}`).length,
    ).toBe(0);
    expect(
      (await db.sql`select 1 from key_manager.grants where key_id = ${key.keyId}`).length,
    ).toBe(0);
    const history = await db.sql<{ type: string }[]>`
      select type from key_manager.events where stream_id = ${keyStreamId(key.keyId)} order by version`;
    expect(history.map((h) => h.type)).toEqual([
      'KeyCreated',
      'AliasCreated',
      'GrantCreated',
      'KeyDeletionScheduled',
      'KeyDeleted',
    ]);
  });

  it('serves crypto-worker the current and every earlier material version, by alias too', async () => {
    const key = await newKey();
    await client.CreateAlias(
      { aliasName: 'alias/crypto', targetKeyId: key.keyId },
      { context: context() },
    );
    await client.RotateKeyOnDemand({ keyId: key.keyId }, { context: context() });
    await client.RotateKeyOnDemand({ keyId: key.arn }, { context: context() });
    for (const keyId of [
      'alias/crypto',
      `arn:aws:kms:${REGION}:${ALICE}:alias/crypto`,
      key.keyId,
    ]) {
      const res = await client.GetKeyForCrypto(
        { keyId, anyAccount: false },
        { context: context() },
      );
      expect(res.keyMetadata?.arn).toBe(key.arn);
      expect(res.currentMaterialVersion).toBe(3);
      expect(res.materials.map((m) => m.version)).toEqual([1, 2, 3]);
    }
    expect(generated.filter((g) => g.keyArn === key.arn).map((g) => g.materialVersion)).toEqual([
      1, 2, 3,
    ]);
    // Decrypt of a blob from another account names the bare key id.
    const other = context('444455556666');
    expect(
      (
        await rejection(
          client.GetKeyForCrypto({ keyId: key.keyId, anyAccount: false }, { context: other }),
        )
      ).code,
    ).toBe('NotFoundException');
    const cross = await client.GetKeyForCrypto(
      { keyId: key.keyId, anyAccount: true },
      { context: other },
    );
    expect(cross.keyMetadata?.arn).toBe(key.arn);
    // Still only from the key's own region.
    expect(
      (
        await rejection(
          client.GetKeyForCrypto(
            { keyId: key.keyId, anyAccount: true },
            { context: context(ALICE, 'us-east-1') },
          ),
        )
      ).code,
    ).toBe('NotFoundException');

    await client.DisableKey({ keyId: key.keyId }, { context: context() });
    expect(
      (
        await client.GetKeyForCrypto(
          { keyId: key.keyId, anyAccount: false },
          { context: context() },
        )
      ).keyMetadata?.keyState,
    ).toBe('Disabled');
  });

  it('rotates automatically when due and keeps the schedule', async () => {
    const key = await newKey();
    await client.EnableKeyRotation(
      { keyId: key.keyId, rotationPeriodInDays: 90 },
      { context: context() },
    );
    nowMs += 90 * DAY;
    const { rotated } = await km.jobs.runOnce();
    expect(rotated).toBeGreaterThanOrEqual(1);
    const status = await client.GetKeyRotationStatus({ keyId: key.keyId }, { context: context() });
    expect(status.nextRotationDate! * 1000).toBe(nowMs + 90 * DAY);
    const rotations = await client.ListKeyRotations({ keyId: key.keyId }, { context: context() });
    expect(rotations.rotations.map((r) => r.rotationType)).toEqual(['AUTOMATIC']);
    expect(
      (
        await client.GetKeyForCrypto(
          { keyId: key.keyId, anyAccount: false },
          { context: context() },
        )
      ).currentMaterialVersion,
    ).toBe(2);
  });

  it('keeps at most the configured aliases per key', async () => {
    const key = await newKey();
    for (let i = 0; i < 3; i++) {
      await client.CreateAlias(
        { aliasName: `alias/quota-${i}`, targetKeyId: key.keyId },
        { context: context() },
      );
    }
    const over = await rejection(
      client.CreateAlias(
        { aliasName: 'alias/quota-3', targetKeyId: key.keyId },
        { context: context() },
      ),
    );
    expect(over.code).toBe('LimitExceededException');
    expect(
      (await client.ListAliases({ keyId: key.keyId }, { context: context() })).aliases,
    ).toHaveLength(3);
  });

  it('loses no update and breaks no invariant under 50 concurrent conflicting commands on one key', async () => {
    const key = await newKey();
    const ctx = context();
    const results = await Promise.allSettled([
      ...Array.from({ length: 50 }, (_, i) =>
        client.TagResource(
          { keyId: key.keyId, tags: [{ tagKey: `t${i}`, tagValue: String(i) }] },
          { context: ctx },
        ),
      ),
      ...Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? client.DisableKey : client.EnableKey)({ keyId: key.keyId }, { context: ctx }),
      ),
      ...Array.from({ length: 50 }, () =>
        client.CreateGrant(
          {
            keyId: key.keyId,
            name: 'same',
            granteePrincipal: 'arn:aws:iam::111122223333:role/x',
            operations: ['Decrypt'],
            grantTokens: [],
          },
          { context: ctx },
        ),
      ),
    ]);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    // Only CreateGrant on a key that a concurrent DisableKey disabled may fail, and then with DisabledException.
    for (const f of failed) expect((f.reason as KmsError).code).toBe('DisabledException');
    const tags = await client.ListResourceTags({ keyId: key.keyId }, { context: ctx });
    expect(tags.tags).toHaveLength(50);
    const grants = await client.ListGrants({ keyId: key.keyId }, { context: ctx });
    expect(grants.grants).toHaveLength(1);
    const grantIds = new Set(
      results.flatMap((r) =>
        r.status === 'fulfilled' && r.value && 'grantId' in r.value ? [r.value.grantId] : [],
      ),
    );
    expect(grantIds.size).toBe(1);
    // Versions have no gaps and the view is at the stream's head.
    const rows = await db.sql<{ version: number }[]>`
      select version from key_manager.events where stream_id = ${keyStreamId(key.keyId)} order by version`;
    expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
    const [view] = await db.sql<
      { stream_version: number }[]
    >`select stream_version from key_manager.keys where key_id = ${key.keyId}`;
    expect(view!.stream_version).toBe(rows.length);

    const rotations = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        client.RotateKeyOnDemand({ keyId: key.keyId }, { context: ctx }),
      ),
    );
    await client.EnableKey({ keyId: key.keyId }, { context: ctx });
    const rotated = rotations.filter((r) => r.status === 'fulfilled').length;
    const state = (
      await client.DescribeKey({ keyId: key.keyId, grantTokens: [] }, { context: ctx })
    ).keyMetadata!.keyState;
    if (rotated > 0) expect(rotated).toBeLessThanOrEqual(25);
    for (const r of rotations) {
      if (r.status === 'rejected')
        expect(['LimitExceededException', 'DisabledException']).toContain(
          (r.reason as KmsError).code,
        );
    }
    expect(state).toBe('Enabled');
    const more = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        client.RotateKeyOnDemand({ keyId: key.keyId }, { context: ctx }),
      ),
    );
    const total = rotated + more.filter((r) => r.status === 'fulfilled').length;
    expect(total).toBe(25);
    const material = await client.GetKeyForCrypto(
      { keyId: key.keyId, anyAccount: false },
      { context: ctx },
    );
    expect(material.currentMaterialVersion).toBe(26);
    expect(material.materials.map((m) => m.version)).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
  });

  it('reads a key as it was at a point in time', async () => {
    const key = await newKey();
    const pause = () => new Promise((r) => setTimeout(r, 50));
    await pause();
    await client.TagResource(
      { keyId: key.keyId, tags: [{ tagKey: 'stage', tagValue: 'one' }] },
      { context: context() },
    );
    await client.CreateAlias(
      { aliasName: 'alias/timeline', targetKeyId: key.keyId },
      { context: context() },
    );
    await pause();
    const t1 = Date.now() / 1000;
    await pause();
    await client.DisableKey({ keyId: key.keyId }, { context: context() });
    const other = await newKey();
    await client.UpdateAlias(
      { aliasName: 'alias/timeline', targetKeyId: other.keyId },
      { context: context() },
    );
    await pause();
    const atT1 = await client.GetKeyTimeline({ keyId: key.keyId, at: t1 });
    const then = JSON.parse(atT1.stateJson) as {
      key: { state: string; tags: unknown[] };
      aliases: string[];
    };
    expect(then.key.state).toBe('Enabled');
    expect(then.key.tags).toEqual([{ tagKey: 'stage', tagValue: 'one' }]);
    expect(then.aliases).toEqual(['alias/timeline']);
    expect(atT1.events.map((e) => e.type)).toEqual(['KeyCreated', 'KeyTagged', 'AliasCreated']);
    const nowView = await client.GetKeyTimeline({ keyId: key.arn });
    const current = JSON.parse(nowView.stateJson) as { key: { state: string }; aliases: string[] };
    expect(current.key.state).toBe('Disabled');
    expect(current.aliases).toEqual([]);
    expect(nowView.version).toBe(4);
  });

  it('lets a grantee create grants through a grant token, only within that grant', async () => {
    const key = await newKey();
    const bob = context('444455556666');
    const { grantToken } = await client.CreateGrant(
      {
        keyId: key.keyId,
        granteePrincipal: bob.principalArn,
        operations: ['Decrypt', 'CreateGrant'],
        constraints: {
          encryptionContextSubset: { tenant: 't1' },
          encryptionContextEquals: {},
          hasEncryptionContextSubset: true,
          hasEncryptionContextEquals: false,
        },
        grantTokens: [],
      },
      { context: context() },
    );
    const child = (operations: string[], subset: Record<string, string>, tokens: string[]) =>
      client.CreateGrant(
        {
          keyId: key.arn,
          granteePrincipal: `arn:aws:iam::444455556666:role/worker`,
          operations,
          constraints: {
            encryptionContextSubset: subset,
            encryptionContextEquals: {},
            hasEncryptionContextSubset: true,
            hasEncryptionContextEquals: false,
          },
          grantTokens: tokens,
        },
        { context: bob },
      );
    // Bob's account has no say in the key policy: without the token he is denied.
    expect((await rejection(child(['Decrypt'], { tenant: 't1' }, []))).code).toBe(
      'AccessDeniedException',
    );
    const ok = await child(['Decrypt'], { tenant: 't1', stage: 'prod' }, [grantToken]);
    expect(ok.grantId).toMatch(/^[0-9a-f]{64}$/);
    const wider = await rejection(child(['Decrypt', 'Encrypt'], { tenant: 't1' }, [grantToken]));
    expect(wider.code).toBe('AccessDeniedException');
    expect(wider.message).toMatch(/subset of its operations/);
    const looser = await rejection(child(['Decrypt'], { stage: 'prod' }, [grantToken]));
    expect(looser.code).toBe('AccessDeniedException');
    const grants = await client.ListGrants({ keyId: key.keyId }, { context: context() });
    expect(grants.grants.map((g) => g.granteePrincipal).sort()).toEqual([
      'arn:aws:iam::444455556666:role/worker',
      bob.principalArn,
    ]);
    // The request that created the grant is recorded with its event.
    const [event] = await db.sql<{ metadata: { requestId?: string } }[]>`
      select metadata from key_manager.events
      where stream_id = ${keyStreamId(key.keyId)} and data->>'grantId' = ${ok.grantId}`;
    expect(event!.metadata.requestId).toBe(bob.requestId);
  });

  it('lists key material with ids and states, and predefined aliases without a target', async () => {
    const key = await newKey();
    await client.RotateKeyOnDemand({ keyId: key.keyId }, { context: context() });
    const only = await client.ListKeyRotations({ keyId: key.keyId }, { context: context() });
    expect(only.rotations.map((r) => [r.keyMaterialState, r.rotationType])).toEqual([
      ['CURRENT', 'ON_DEMAND'],
    ]);
    const pages = [];
    let marker: string | undefined;
    for (let i = 0; i < 5; i++) {
      const p = await client.ListKeyRotations(
        {
          keyId: key.keyId,
          includeKeyMaterial: 'ALL_KEY_MATERIAL',
          limit: 1,
          ...(marker ? { marker } : {}),
        },
        { context: context() },
      );
      pages.push(...p.rotations);
      if (!p.truncated) break;
      marker = p.nextMarker;
    }
    expect(pages.map((r) => [r.keyMaterialState, r.rotationType ?? null])).toEqual([
      ['NON_CURRENT', null],
      ['CURRENT', 'ON_DEMAND'],
    ]);
    expect(pages[1]!.keyMaterialId).toBe(only.rotations[0]!.keyMaterialId);
    expect(
      (
        await rejection(
          client.ListKeyRotations(
            { keyId: key.keyId, includeKeyMaterial: 'SOME' },
            { context: context() },
          ),
        )
      ).code,
    ).toBe('ValidationException');

    // A fresh account: the predefined names, in order, one of them with its key.
    const dave = context('777788889999');
    await client.DescribeKey({ keyId: 'alias/aws/s3' }, { context: dave });
    await client.CreateAlias(
      { aliasName: 'alias/app', targetKeyId: (await newKey(dave)).keyId },
      { context: dave },
    );
    const names: Array<[string, boolean]> = [];
    marker = undefined;
    for (let i = 0; i < 20; i++) {
      const p = await client.ListAliases(
        { limit: 3, ...(marker ? { marker } : {}) },
        { context: dave },
      );
      names.push(...p.aliases.map((a): [string, boolean] => [a.aliasName, !!a.targetKeyId]));
      if (!p.truncated) break;
      marker = p.nextMarker;
    }
    expect(names.map(([n]) => n)).toEqual(
      [...new Set([...PREDEFINED_ALIASES, 'alias/app'])].sort(),
    );
    expect(names.filter(([, target]) => target).map(([n]) => n)).toEqual([
      'alias/app',
      'alias/aws/s3',
    ]);
  });

  it('rebuilds projections from the log equal to the live ones', async () => {
    const dump = async () => ({
      keys: await db.sql`select * from key_manager.keys order by key_id`,
      aliases:
        await db.sql`select * from key_manager.aliases order by account_id, region, alias_name`,
      grants: await db.sql`select * from key_manager.grants order by grant_id`,
      rotations:
        await db.sql`select * from key_manager.key_rotations order by key_id, material_version`,
    });
    const live = await dump();
    expect(live.keys.length).toBeGreaterThan(5);
    expect(live.grants.length).toBeGreaterThan(0);
    const res = await client.RebuildProjections({});
    expect(Number(res.keys)).toBe(live.keys.length);
    const [count] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from key_manager.events`;
    expect(Number(res.events)).toBe(count?.n);
    expect(await dump()).toEqual(live);
  });

  it('never lists or finds owned keys for a customer', async () => {
    const key = await newKey();
    const ownedId = randomUUID();
    await db.sql`
      insert into key_manager.keys (key_id, arn, account_id, region, state, description, key_usage, key_spec,
        origin, key_manager, multi_region, policy, tags, created_at, current_material_version, position,
        stream_version)
      select ${ownedId}, replace(arn, key_id, ${ownedId}), account_id, region, state, description, key_usage,
        key_spec, origin, 'OWNED', multi_region, policy, tags, created_at, current_material_version,
        position + 1000000, stream_version
      from key_manager.keys where key_id = ${key.keyId}`;
    try {
      const listed: string[] = [];
      let marker: string | undefined;
      for (let i = 0; i < 50; i++) {
        const p = await client.ListKeys(
          { limit: 1000, ...(marker ? { marker } : {}) },
          { context: context() },
        );
        listed.push(...p.keys.map((k) => k.keyId));
        if (!p.truncated) break;
        marker = p.nextMarker;
      }
      expect(listed).toContain(key.keyId);
      expect(listed).not.toContain(ownedId);
      expect(
        (await rejection(client.DescribeKey({ keyId: ownedId }, { context: context() }))).code,
      ).toBe('NotFoundException');
    } finally {
      await db.sql`delete from key_manager.keys where key_id = ${ownedId}`;
    }
  });

  it('keeps command latency flat for a key with 10,000 grants', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    const big = await newKey();
    const small = await newKey();
    const arn = big.arn;
    const base = { keyId: big.keyId, arn, accountId: ALICE, region: REGION };
    let version = 1;
    for (let batch = 0; batch < 10; batch++) {
      const events: KeyEvent[] = Array.from({ length: 1000 }, () => ({
        type: 'GrantCreated',
        data: {
          ...base,
          grantId: randomBytes(32).toString('hex'),
          name: '',
          granteePrincipal: 'arn:aws:iam::111122223333:role/bulk',
          operations: ['Decrypt'],
          issuingAccount: ALICE,
          fingerprint: randomBytes(32).toString('hex'),
          at: new Date().toISOString(),
        },
      }));
      const r = await store.appendToStream(keyStreamId(big.keyId), events, {
        expectedVersion: version,
        inTransaction: (tx, recorded) => projectKeyEvents(tx, recorded),
      });
      version = r.nextExpectedVersion;
    }
    const time = async (keyId: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 15; i++) {
        const started = performance.now();
        await client.TagResource(
          { keyId, tags: [{ tagKey: 'n', tagValue: String(i) }] },
          { context: context() },
        );
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[7]!;
    };
    // The first command on the big key folds its history once; the state stays cached after.
    await client.TagResource(
      { keyId: big.keyId, tags: [{ tagKey: 'warm', tagValue: 'up' }] },
      { context: context() },
    );
    const smallMedian = await time(small.keyId);
    const bigMedian = await time(big.keyId);
    expect(bigMedian).toBeLessThan(Math.max(smallMedian * 3, smallMedian + 15));
    const grants = await client.ListGrants(
      { keyId: big.keyId, limit: 100 },
      { context: context() },
    );
    expect(grants.truncated).toBe(true);
  }, 120_000);
});
