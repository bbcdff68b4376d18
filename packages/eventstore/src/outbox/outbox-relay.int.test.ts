import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busNames, connectBus } from '@keyhold/bus';
import type { Bus } from '@keyhold/bus';
import { createLogger } from '@keyhold/core';
import { testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { migrate } from '../postgres/migrate.js';
import { createPostgresEventStore } from '../postgres/postgres-event-store.js';
import type { RecordedEvent } from '../types.js';
import { createOutboxRelay } from './outbox-relay.js';

const SCHEMA = 'relay_test';
const logger = createLogger({ service: 'eventstore-test', level: 'silent' });

let db: TestDatabase;
let bus: Bus;

beforeAll(async () => {
  db = await testDatabase();
  await migrate(db.sql, SCHEMA);
  bus = await connectBus({
    url: testNatsUrl(),
    name: 'eventstore-test',
    names: busNames(testBusPrefix()),
    logger,
  });
});

afterAll(async () => {
  await bus?.jsm.streams.delete(bus.names.keyEventsStream).catch(() => undefined);
  await bus?.jsm.streams.delete(bus.names.auditStream).catch(() => undefined);
  await bus?.close();
  await db?.drop();
});

const publish = async (r: RecordedEvent): Promise<void> => {
  await bus.js.publish(
    bus.names.keyEventSubject('us-east-1', r.streamId),
    JSON.stringify({
      eventId: r.eventId,
      streamId: r.streamId,
      version: r.version,
      position: r.position,
    }),
    { msgID: r.eventId },
  );
};

async function unpublished(): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`
    select count(*)::int as n from relay_test.outbox where published_at is null`;
  return row!.n;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every message on the key-events stream, in stream order. */
async function streamMessages(): Promise<
  Array<{ subject: string; msgId: string | undefined; position: string }>
> {
  const info = await bus.jsm.streams.info(bus.names.keyEventsStream);
  const out = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq++
  ) {
    const m = await bus.jsm.streams.getMessage(bus.names.keyEventsStream, { seq });
    const body = JSON.parse(new TextDecoder().decode(m.data)) as { position: string };
    out.push({ subject: m.subject, msgId: m.header?.get('Nats-Msg-Id'), position: body.position });
  }
  return out;
}

describe('outbox relay', () => {
  it('publishes in commit order with two relays racing, deduped after a restart', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    // A poll this long means only NOTIFY can wake the relays within the test.
    const relays = [1, 2].map(() =>
      createOutboxRelay({
        sql: db.sql,
        schema: SCHEMA,
        publish,
        logger,
        pollIntervalMs: 60_000,
        batchSize: 4,
      }),
    );
    for (const r of relays) await r.start();

    const streams = ['a', 'b', 'c'];
    const writes = streams.map(async (s) => {
      for (let i = 0; i < 8; i++) {
        await store.appendToStream(`stream-${s}`, [{ type: 'Noted', data: { i } }], {
          expectedVersion: i,
        });
      }
    });
    await Promise.all(writes);
    await waitFor('relays to publish everything', async () => (await unpublished()) === 0);

    const committed = await db.sql<{ position: string; event_id: string; stream_id: string }[]>`
      select position, event_id, stream_id from relay_test.events order by position`;
    expect(committed).toHaveLength(24);
    const onStream = await streamMessages();
    expect(onStream.map((m) => m.msgId)).toEqual(committed.map((c) => c.event_id));
    expect(onStream.map((m) => m.position)).toEqual(committed.map((c) => String(c.position)));
    expect(onStream.map((m) => m.subject)).toEqual(
      committed.map((c) => bus.names.keyEventSubject('us-east-1', c.stream_id)),
    );

    // A relay that died after publishing but before marking: the next one
    // publishes again and JetStream drops the duplicates by msgID.
    for (const r of relays) await r.stop();
    await db.sql`update relay_test.outbox set published_at = null where position > (
      select min(position) + 10 from relay_test.outbox)`;
    expect(await unpublished()).toBe(13);
    const next = createOutboxRelay({
      sql: db.sql,
      schema: SCHEMA,
      publish,
      logger,
      pollIntervalMs: 50,
    });
    await next.start();
    await waitFor('restarted relay to catch up', async () => (await unpublished()) === 0);
    await next.stop();
    const info = await bus.jsm.streams.info(bus.names.keyEventsStream);
    expect(info.state.messages).toBe(24);
    expect((await streamMessages()).map((m) => m.msgId)).toEqual(committed.map((c) => c.event_id));
  });

  it('keeps a failed publish and everything after it for the next pass', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    const seen: string[] = [];
    let failNext = true;
    const relay = createOutboxRelay({
      sql: db.sql,
      schema: SCHEMA,
      logger,
      publish: async (r) => {
        if (r.streamId === 'flaky' && r.version === 2 && failNext) {
          failNext = false;
          throw new Error('broker down');
        }
        seen.push(`${r.streamId}:${r.version}`);
      },
    });
    for (let v = 0; v < 4; v++) {
      await store.appendToStream('flaky', [{ type: 'Noted', data: { v } }], { expectedVersion: v });
    }
    expect(await relay.flush()).toBe(1);
    expect(await unpublished()).toBe(3);
    expect(await relay.flush()).toBe(3);
    expect(seen).toEqual(['flaky:1', 'flaky:2', 'flaky:3', 'flaky:4']);
  });

  it('publishes what is pending when stopped', async () => {
    const store = createPostgresEventStore(db.sql, { schema: SCHEMA });
    const seen: number[] = [];
    const relay = createOutboxRelay({
      sql: db.sql,
      schema: SCHEMA,
      logger,
      pollIntervalMs: 60_000,
      publish: async (r) => {
        seen.push(r.version);
      },
    });
    await relay.start();
    await store.appendToStream(
      'on-stop',
      [1, 2, 3].map((i) => ({ type: 'Noted', data: { i } })),
      {
        expectedVersion: 'no_stream',
      },
    );
    await relay.stop(5_000);
    expect(seen).toEqual([1, 2, 3]);
    expect(await unpublished()).toBe(0);
  });
});
