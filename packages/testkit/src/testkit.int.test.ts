import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import postgres from 'postgres';
import type { NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findFreePort,
  findPostgresBinaries,
  startLocalPostgres,
  testBusPrefix,
  testDatabase,
  testNatsUrl,
} from './index.js';
import type { TestDatabase } from './index.js';

describe('testDatabase', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('gives an empty database that takes writes and reads', async () => {
    const [{ current }] = (await db.sql`SELECT current_database() AS current`) as unknown as [
      { current: string },
    ];
    expect(current).toMatch(/^t_[0-9a-f]{16}$/);
    expect(db.url.endsWith(`/${current}`)).toBe(true);

    await db.sql`CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL)`;
    await db.sql`INSERT INTO things ${db.sql([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ])}`;
    const rows = await db.sql`SELECT id, name FROM things ORDER BY id`;
    expect(rows.map((r) => ({ id: r['id'] as number, name: r['name'] as string }))).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
  });

  it('drops the database even while another session holds it open', async () => {
    const other = await testDatabase();
    const postgres = (await import('postgres')).default;
    const holder = postgres(other.url, { max: 1 });
    await holder`SELECT 1`;
    await other.drop();
    const [{ n }] = (await db.sql`
      SELECT count(*)::int AS n FROM pg_database WHERE datname = ${new URL(other.url).pathname.slice(1)}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
    await holder.end({ timeout: 1 }).catch(() => {});
  });
});

describe('testNatsUrl', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
  });
  afterAll(async () => {
    await nc.drain();
  });

  it('serves JetStream: add a stream, publish, read the message back', async () => {
    const prefix = testBusPrefix();
    expect(prefix).toMatch(/^t[0-9a-f]{12}$/);
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: `${prefix}_things`, subjects: [`${prefix}.things.>`] });

    const ack = await nc
      .jetstream()
      .publish(`${prefix}.things.a`, new TextEncoder().encode('hello'), {
        msgID: 'm-1',
      });
    expect(ack.stream).toBe(`${prefix}_things`);
    expect(ack.seq).toBe(1);

    const msg = await jsm.streams.getMessage(`${prefix}_things`, { seq: ack.seq });
    expect(msg.subject).toBe(`${prefix}.things.a`);
    expect(new TextDecoder().decode(msg.data)).toBe('hello');

    await jsm.streams.delete(`${prefix}_things`);
  });
});

describe('startLocalPostgres', () => {
  it.skipIf(findPostgresBinaries() === undefined)(
    'starts a server with the settings it is given',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'keyhold-testkit-pg-'));
      // Run as root, Postgres runs as its own user, which must reach its data directory.
      chmodSync(dir, 0o755);
      const server = await startLocalPostgres({
        dataDir: path.join(dir, 'pg'),
        port: await findFreePort(),
        settings: { work_mem: '7MB', application_name: 'keyhold testkit' },
      });
      const sql = postgres(server.url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql<{ work_mem: string }[]>`SHOW work_mem`;
        expect(row?.work_mem).toBe('7MB');
      } finally {
        await sql.end();
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
