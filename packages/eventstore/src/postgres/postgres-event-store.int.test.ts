import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { commandHandler } from '../command-handler.js';
import { isStreamVersionConflictError } from '../errors.js';
import type { Decider, Event } from '../types.js';
import { migrate } from './migrate.js';
import { createPostgresEventStore } from './postgres-event-store.js';

type Noted = Event<'Noted', { n: number }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCHEMA = 'es_test';

let db: TestDatabase;

beforeAll(async () => {
  db = await testDatabase();
  await migrate(db.sql, SCHEMA);
  await migrate(
    db.sql,
    SCHEMA,
    'create table if not exists es_test.side (stream_id text primary key)',
  );
});

afterAll(async () => {
  await db?.drop();
});

const noted = (n: number): Noted => ({ type: 'Noted', data: { n } });

describe('postgres event store', () => {
  it('appends and reads a stream, writing one outbox row per event', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    const first = await store.appendToStream('s-read', [noted(1), noted(2)], {
      expectedVersion: 'no_stream',
    });
    expect(first.nextExpectedVersion).toBe(2);
    const second = await store.appendToStream(
      's-read',
      [{ ...noted(3), metadata: { requestId: 'r1' } }],
      {
        expectedVersion: 2,
      },
    );
    expect(second.nextExpectedVersion).toBe(3);

    const { events, currentVersion } = await store.readStream<Noted>('s-read');
    expect(currentVersion).toBe(3);
    expect(events.map((e) => [e.streamId, e.version, e.type, e.data.n])).toEqual([
      ['s-read', 1, 'Noted', 1],
      ['s-read', 2, 'Noted', 2],
      ['s-read', 3, 'Noted', 3],
    ]);
    expect(events[2]!.metadata).toEqual({ requestId: 'r1' });
    expect(events[0]!.metadata).toEqual({});
    for (const e of events) {
      expect(e.eventId).toMatch(UUID);
      expect(e.recordedAt).toBeInstanceOf(Date);
      expect(e.position).toMatch(/^\d+$/);
    }
    const positions = events.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(events.map((e) => e.eventId)).toEqual([
      ...first.recorded.map((r) => r.eventId),
      ...second.recorded.map((r) => r.eventId),
    ]);

    const outbox = await db.sql<{ event_id: string; published_at: Date | null }[]>`
      select event_id, published_at from es_test.outbox where stream_id = 's-read' order by position`;
    expect(outbox.map((o) => o.event_id)).toEqual(events.map((e) => e.eventId));
    expect(outbox.every((o) => o.published_at === null)).toBe(true);

    expect(await store.readStream('s-missing')).toEqual({ events: [], currentVersion: 0 });
  });

  it('rejects an append at the wrong expected version with StreamVersionConflictError', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    await store.appendToStream('s-conflict', [noted(1), noted(2)], { expectedVersion: 0 });

    const stale: unknown = await store
      .appendToStream('s-conflict', [noted(3)], { expectedVersion: 1 })
      .catch((e) => e);
    expect(isStreamVersionConflictError(stale)).toBe(true);
    expect(stale).toMatchObject({ streamId: 's-conflict', expectedVersion: 1, actualVersion: 2 });

    const again: unknown = await store
      .appendToStream('s-conflict', [noted(3)], { expectedVersion: 'no_stream' })
      .catch((e) => e);
    expect(isStreamVersionConflictError(again)).toBe(true);

    const any = await store.appendToStream('s-conflict', [noted(3)], { expectedVersion: 'any' });
    expect(any.nextExpectedVersion).toBe(3);
    expect((await store.readStream('s-conflict')).currentVersion).toBe(3);
  });

  it('loses nothing when 20 command handlers append to one stream at once', async () => {
    type Cmd = { type: 'Note'; data: { stream: string } };
    const decider: Decider<{ n: number }, Cmd, Noted> = {
      initialState: () => ({ n: 0 }),
      evolve: (_s, e) => ({ n: e.data.n }),
      decide: (_c, s) => [noted(s.n + 1)],
    };
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    const handle = commandHandler(store, decider, {
      streamId: (c: Cmd) => c.data.stream,
      retries: 60,
      minDelayMs: 5,
      factor: 1.2,
    });
    await Promise.all(
      Array.from({ length: 20 }, () => handle({ type: 'Note', data: { stream: 's-race' } })),
    );

    const { events, currentVersion } = await store.readStream<Noted>('s-race');
    expect(currentVersion).toBe(20);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each decision saw the previous event: a lost update would repeat a number.
    expect(events.map((e) => e.data.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('commits inTransaction writes with the events, and rolls everything back when it throws', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    await store.appendToStream('s-tx-ok', [noted(1)], {
      expectedVersion: 'no_stream',
      inTransaction: async (tx, recorded) => {
        expect(recorded).toHaveLength(1);
        await tx`insert into es_test.side (stream_id) values ('s-tx-ok')`;
      },
    });
    expect(await db.sql`select 1 from es_test.side where stream_id = 's-tx-ok'`).toHaveLength(1);

    await expect(
      store.appendToStream('s-tx-bad', [noted(1), noted(2)], {
        expectedVersion: 'no_stream',
        inTransaction: async (tx) => {
          await tx`insert into es_test.side (stream_id) values ('s-tx-bad')`;
          throw new Error('side table says no');
        },
      }),
    ).rejects.toThrow('side table says no');
    expect(await store.readStream('s-tx-bad')).toEqual({ events: [], currentVersion: 0 });
    expect(await db.sql`select 1 from es_test.outbox where stream_id = 's-tx-bad'`).toHaveLength(0);
    expect(await db.sql`select 1 from es_test.side where stream_id = 's-tx-bad'`).toHaveLength(0);
  });
});
