import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, isKmsError, keyStreamId } from '@keyhold/core';
import {
  createKeyManagerClient,
  implement,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import type { Client, GrpcServerHandle, KeyManagerMethods } from '@keyhold/proto';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { createAdminHandlers } from './admin.js';
import { migrateKeyManager } from './schema.js';

const A = '111122223333';
const B = '444455556666';
const REGION = 'eu-west-1';
const logger = createLogger({ service: 'key-manager-test', level: 'silent' });
const epoch = (iso: string) => Date.parse(iso) / 1000;

let db: TestDatabase;
let server: GrpcServerHandle;
let client: Client<KeyManagerMethods>;

/** Appends one key's events as key-manager stores them (event time and storage time alike). */
async function history(
  keyId: string,
  accountId: string,
  events: [type: string, iso: string, extra?: Record<string, unknown>][],
): Promise<void> {
  let version = 0;
  for (const [type, iso, extra] of events) {
    version += 1;
    const base = {
      keyId,
      accountId,
      region: REGION,
      arn: `arn:aws:kms:${REGION}:${accountId}:key/${keyId}`,
    };
    const time = type === 'KeyCreated' ? { createdAt: iso } : { at: iso };
    await db.sql`
      insert into key_manager.events (stream_id, version, event_id, type, data, recorded_at)
      values (${keyStreamId(keyId)}, ${version}, ${randomUUID()}, ${type},
        ${db.sql.json({ ...base, ...time, ...extra })}, ${iso})`;
  }
}

beforeAll(async () => {
  db = await testDatabase();
  await migrateKeyManager(db.sql);
  server = await startGrpcServer('127.0.0.1:0', [
    [serviceDefinitions().keyManager, implement(createAdminHandlers({ sql: db.sql }), { logger })],
  ]);
  server.serving();
  client = createKeyManagerClient(server.address);
  const created = (keyManager: string) => ({ keyManager, description: 'x' });
  await history('k-old', A, [
    ['KeyCreated', '2026-09-01T00:00:00.000Z', created('CUSTOMER')],
    ['KeyDeletionScheduled', '2026-09-02T00:00:00.000Z'],
    ['KeyDeleted', '2026-09-09T00:00:00.000Z'],
  ]);
  await history('k-rotated', A, [
    ['KeyCreated', '2026-10-01T00:00:00.000Z', created('CUSTOMER')],
    ['KeyEnabled', '2026-10-02T00:00:00.000Z'],
    ['KeyMaterialRotated', '2026-10-20T00:00:00.000Z'],
    ['KeyDeletionScheduled', '2026-11-10T00:00:00.000Z'],
    ['KeyDeletionCanceled', '2026-11-12T00:00:00.000Z'],
    ['KeyMaterialRotated', '2026-12-03T00:00:00.000Z'],
  ]);
  await history('k-managed', B, [['KeyCreated', '2026-11-05T00:00:00.000Z', created('AWS')]]);
  await history('k-later', B, [['KeyCreated', '2026-12-05T00:00:00.000Z', created('CUSTOMER')]]);
});

afterAll(async () => {
  client?.close();
  await server?.close(1000);
  await db?.drop();
});

describe('GetKeyUsageHistory', () => {
  const november = { from: epoch('2026-11-01T00:00:00Z'), to: epoch('2026-12-01T00:00:00Z') };

  it("returns every key that existed in the window, with its pricing changes up to the window's end", async () => {
    const { keys } = await client.GetKeyUsageHistory(november);
    expect(keys.map((k) => k.keyId).sort()).toEqual(['k-managed', 'k-rotated']);
    const rotated = keys.find((k) => k.keyId === 'k-rotated')!;
    expect(rotated).toMatchObject({ accountId: A, region: REGION, keyManager: 'CUSTOMER' });
    // KeyEnabled does not price a key; the December rotation is after the window.
    expect(rotated.changes).toEqual([
      { type: 'KeyCreated', at: epoch('2026-10-01T00:00:00Z') },
      { type: 'KeyMaterialRotated', at: epoch('2026-10-20T00:00:00Z') },
      { type: 'KeyDeletionScheduled', at: epoch('2026-11-10T00:00:00Z') },
      { type: 'KeyDeletionCanceled', at: epoch('2026-11-12T00:00:00Z') },
    ]);
    expect(keys.find((k) => k.keyId === 'k-managed')!.keyManager).toBe('AWS');
  });

  it("filters by the key owner's account", async () => {
    const { keys } = await client.GetKeyUsageHistory({ ...november, accountId: B });
    expect(keys.map((k) => k.keyId)).toEqual(['k-managed']);
  });

  it('reads the pricing events through their partial index', async () => {
    // A handful of rows: forbid the sequential scan Postgres would rightly prefer.
    const plan = await db.sql.begin(async (tx) => {
      await tx`SET LOCAL enable_seqscan = off`;
      return tx.unsafe(
        `EXPLAIN SELECT data FROM key_manager.events
         WHERE type IN ('KeyCreated', 'KeyDeletionScheduled', 'KeyDeletionCanceled', 'KeyDeleted', 'KeyMaterialRotated')
         ORDER BY position`,
      );
    });
    expect(JSON.stringify(plan)).toContain('events_pricing');
  });

  it('refuses an empty window and a malformed account', async () => {
    for (const bad of [
      { from: november.to, to: november.from },
      { ...november, accountId: 'nope' },
    ]) {
      const err = await client.GetKeyUsageHistory(bad).catch((e: unknown) => e);
      expect(isKmsError(err, 'ValidationException')).toBe(true);
    }
  });
});
