import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@keyhold/core';
import type { RewrapKeyMaterialRequest, RewrapKeyMaterialResponse__Output } from '@keyhold/proto';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { migrateKeyManager } from '../schema.js';
import { countMaterialNotUnder, rewrapKeyMaterial } from './rewrap-material.js';

/** Bytes shaped like wrapped material: format 0x01, u32 root version, then opaque bytes. */
function wrappedUnder(rootVersion: number, body = randomBytes(60)): Buffer {
  const prefix = Buffer.alloc(5);
  prefix[0] = 0x01;
  prefix.writeUInt32BE(rootVersion, 1);
  return Buffer.concat([prefix, body]);
}

describe('rewrapKeyMaterial', () => {
  let db: TestDatabase;
  const logger = createLogger({ service: 'key-manager', level: 'silent' });
  // Stand-in for crypto-worker's RewrapKeyMaterial (the real one is tested in
  // crypto-worker): keeps the body, moves the root version to 2.
  const calls: RewrapKeyMaterialRequest[] = [];
  let beforeStore: (() => Promise<void>) | undefined;
  const cryptoWorker = {
    RewrapKeyMaterial: async (
      req: RewrapKeyMaterialRequest,
    ): Promise<RewrapKeyMaterialResponse__Output> => {
      calls.push(req);
      const wrapped = Buffer.from(req.wrapped as Buffer);
      if (wrapped.readUInt32BE(1) === 2) return { wrapped, rootVersion: 2, changed: false };
      await beforeStore?.();
      return { wrapped: wrappedUnder(2, wrapped.subarray(5)), rootVersion: 2, changed: true };
    },
  };

  beforeAll(async () => {
    db = await testDatabase();
    await migrateKeyManager(db.sql);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('re-wraps every row page by page, skips rows already current, and is idempotent', async () => {
    const rows: { keyId: string; version: number; wrapped: Buffer }[] = [];
    for (let i = 0; i < 25; i++) {
      const keyId = randomUUID();
      for (const version of [1, 2]) {
        rows.push({ keyId, version, wrapped: wrappedUnder(i % 5 === 0 ? 2 : 1) });
      }
    }
    for (const r of rows) {
      await db.sql`insert into key_manager.key_material (key_id, version, wrapped) values (${r.keyId}, ${r.version}, ${r.wrapped})`;
    }
    expect(await countMaterialNotUnder(db.sql, 2)).toBe(40);

    const first = await rewrapKeyMaterial(
      { sql: db.sql, cryptoWorker, logger },
      { targetRootVersion: 2, pageSize: 7 },
    );
    expect(first).toEqual({ scanned: 50, rewrapped: 40, skipped: 0 });
    expect(calls).toHaveLength(40);
    expect(await countMaterialNotUnder(db.sql, 2)).toBe(0);
    const stored = await db.sql<{ key_id: string; version: number; wrapped: Buffer }[]>`
      select key_id, version, wrapped from key_manager.key_material`;
    for (const r of rows) {
      const s = stored.find((x) => x.key_id === r.keyId && x.version === r.version)!;
      expect(s.wrapped.readUInt32BE(1)).toBe(2);
      expect(s.wrapped.subarray(5).equals(r.wrapped.subarray(5))).toBe(true);
    }

    calls.length = 0;
    const second = await rewrapKeyMaterial(
      { sql: db.sql, cryptoWorker, logger },
      { targetRootVersion: 2 },
    );
    expect(second).toEqual({ scanned: 50, rewrapped: 0, skipped: 0 });
    expect(calls).toHaveLength(0);
  });

  it('never overwrites a row that changed while it was being re-wrapped', async () => {
    await db.sql`delete from key_manager.key_material`;
    const keyId = randomUUID();
    await db.sql`insert into key_manager.key_material (key_id, version, wrapped) values (${keyId}, 1, ${wrappedUnder(1)})`;
    const concurrent = wrappedUnder(1);
    beforeStore = async () => {
      await db.sql`update key_manager.key_material set wrapped = ${concurrent} where key_id = ${keyId}`;
    };
    try {
      const res = await rewrapKeyMaterial(
        { sql: db.sql, cryptoWorker, logger },
        { targetRootVersion: 2 },
      );
      expect(res).toEqual({ scanned: 1, rewrapped: 0, skipped: 1 });
      const [row] = await db.sql<{ wrapped: Buffer }[]>`
        select wrapped from key_manager.key_material where key_id = ${keyId}`;
      expect(row!.wrapped.equals(concurrent)).toBe(true);
    } finally {
      beforeStore = undefined;
    }
    // The next pass picks it up.
    const again = await rewrapKeyMaterial(
      { sql: db.sql, cryptoWorker, logger },
      { targetRootVersion: 2 },
    );
    expect(again).toEqual({ scanned: 1, rewrapped: 1, skipped: 0 });
  });
});
