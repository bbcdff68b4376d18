import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { busNames, connectBus } from '@keyhold/bus';
import type { AuditBatch, AuditRecord, Bus } from '@keyhold/bus';
import { Registry, createLogger, isKmsError } from '@keyhold/core';
import { createAuditLogClient } from '@keyhold/proto';
import type { AuditLogMethods, Client, LookupEventsRequest } from '@keyhold/proto';
import { testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './schema.js';
import { startAuditLog } from './server.js';
import type { AuditLogHandle } from './server.js';

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const logger = createLogger({
  service: 'audit-log',
  level: 'silent',
});
let registry: Registry;
let db: TestDatabase;
let bus: Bus;
let server: AuditLogHandle | undefined;
let client: Client<AuditLogMethods>;

const arnOf = (keyId: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;

function record(keyId: string, patch: Partial<AuditRecord> = {}): AuditRecord {
  return {
    eventId: randomUUID(),
    requestId: randomUUID(),
    eventTime: new Date().toISOString(),
    eventName: 'Encrypt',
    region: REGION,
    accountId: ACCOUNT,
    principalArn: `arn:aws:iam::${ACCOUNT}:user/test`,
    accessKeyId: 'test',
    sourceIp: '127.0.0.1',
    userAgent: 'vitest',
    keyArn: arnOf(keyId),
    keyId,
    outcome: 'Allowed',
    errorCode: '',
    errorMessage: '',
    requestParameters: { keyId, encryptionContext: { app: 'x' } },
    responseElements: {},
    service: 'crypto-worker',
    ...patch,
  };
}

async function publish(batch: AuditBatch, msgID = batch.batchId): Promise<void> {
  await bus.js.publish(bus.names.auditSubject(REGION), JSON.stringify(batch), { msgID });
}

async function start(): Promise<AuditLogHandle> {
  // A registry per start: metric names register once per registry.
  registry = new Registry();
  const handle = await startAuditLog(
    { sql: db.sql, bus, logger, registry },
    { grpcListen: '127.0.0.1:0', consumerName: 'audit-log', nakDelayMs: 200 },
  );
  client?.close();
  client = createAuditLogClient(handle.address);
  return handle;
}

/** Polls LookupEvents until it returns `count` events (bounded: ~10 s). */
async function waitForEvents(query: LookupEventsRequest, count: number) {
  for (let i = 0; i < 100; i += 1) {
    const res = await client.LookupEvents(query).catch(() => undefined);
    if (res && res.events.length >= count) return res;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${count} events for ${JSON.stringify(query)}`);
}

async function rowCount(): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit.events`;
  return row?.n ?? 0;
}

beforeAll(async () => {
  db = await testDatabase();
  await migrate(db.sql);
  await migrate(db.sql);
  bus = await connectBus({
    url: testNatsUrl(),
    name: 'audit-log-test',
    names: busNames(testBusPrefix()),
    logger,
  });
  server = await start();
});

afterAll(async () => {
  client?.close();
  await server?.close(1_000);
  await bus?.close();
  await db?.drop();
});

describe('audit-log', () => {
  const k1 = randomUUID();
  const k2 = randomUUID();
  const first = record(k1, { eventTime: '2024-06-01T10:00:00.000Z', eventName: 'Encrypt' });
  const second = record(k1, {
    eventTime: '2024-06-01T10:00:01.500Z',
    eventName: 'Decrypt',
    outcome: 'Denied',
    errorCode: 'AccessDeniedException',
    errorMessage: 'no',
  });
  const other = record(k2, { eventTime: '2024-06-01T10:00:02.000Z' });
  const batch: AuditBatch = { batchId: randomUUID(), records: [first, second, other] };

  it('stores a batch and finds it by key id, key ARN and request id', async () => {
    await publish(batch);
    const byKey = await waitForEvents({ keyId: k1 }, 2);
    expect(byKey.events.map((e) => e.eventId)).toEqual([second.eventId, first.eventId]);
    expect(byKey.nextToken).toBeUndefined();
    expect(byKey.events[0]).toMatchObject({
      eventId: second.eventId,
      requestId: second.requestId,
      eventTime: Date.parse(second.eventTime) / 1000,
      eventName: 'Decrypt',
      region: REGION,
      accountId: ACCOUNT,
      principalArn: second.principalArn,
      sourceIp: '127.0.0.1',
      userAgent: 'vitest',
      keyArn: arnOf(k1),
      keyId: k1,
      outcome: 'Denied',
      errorCode: 'AccessDeniedException',
      errorMessage: 'no',
      responseElements: '{}',
      service: 'crypto-worker',
    });
    expect(JSON.parse(byKey.events[0]!.requestParameters)).toEqual(second.requestParameters);
    expect(byKey.events[0]!.sequence).toMatch(/^\d+$/);

    const byArn = await client.LookupEvents({ keyId: arnOf(k1) });
    expect(byArn.events.map((e) => e.eventId)).toEqual([second.eventId, first.eventId]);
    const byRequest = await client.LookupEvents({ requestId: other.requestId });
    expect(byRequest.events.map((e) => e.eventId)).toEqual([other.eventId]);
    const byName = await client.LookupEvents({ keyId: k1, eventName: 'Encrypt' });
    expect(byName.events.map((e) => e.eventId)).toEqual([first.eventId]);
    const inRange = await client.LookupEvents({
      accountId: ACCOUNT,
      startTime: Date.parse(first.eventTime) / 1000,
      endTime: Date.parse(other.eventTime) / 1000,
    });
    expect(inRange.events.map((e) => e.eventId)).toEqual([second.eventId, first.eventId]);
  });

  it('does not duplicate rows when a batch comes again', async () => {
    const before = await rowCount();
    await publish(batch); // same Nats-Msg-Id: dropped by the stream
    await publish(batch, randomUUID()); // a resend past the dedupe window: stored again, ignored by event id
    const marker = record(randomUUID());
    await publish({ batchId: randomUUID(), records: [marker] });
    await waitForEvents({ requestId: marker.requestId }, 1);
    expect(await rowCount()).toBe(before + 1);
    expect((await client.LookupEvents({ keyId: k1 })).events).toHaveLength(2);
  });

  it('acks poison messages without blocking later ones', async () => {
    await bus.js.publish(bus.names.auditSubject(REGION), 'not json at all', {
      msgID: randomUUID(),
    });
    await publish({ batchId: randomUUID(), records: 'nope' } as unknown as AuditBatch);
    const mixed = record(randomUUID());
    await publish({
      batchId: randomUUID(),
      records: [{ ...record(randomUUID()), eventId: 'not-a-uuid' }, mixed],
    });
    await waitForEvents({ requestId: mixed.requestId }, 1);
    const text = await registry.metrics();
    expect(text).toMatch(/keyhold_audit_batches_total\{result="poison"\} 2/);
    expect(text).toMatch(/keyhold_audit_records_total\{result="rejected"\} 1/);
    const info = await bus.jsm.consumers.info(bus.names.auditStream, 'audit-log');
    expect(info.num_ack_pending).toBe(0);
  });

  it('retries a batch the database could not take', async () => {
    await db.sql`ALTER TABLE audit.events RENAME TO events_away`;
    const late = record(randomUUID());
    try {
      await publish({ batchId: randomUUID(), records: [late] });
      // Give the consumer time to fail at least once.
      for (
        let i = 0;
        i < 50 &&
        !/keyhold_audit_batches_total\{result="retry"\} [1-9]/.test(await registry.metrics());
        i += 1
      ) {
        await sleep(100);
      }
    } finally {
      await db.sql`ALTER TABLE audit.events_away RENAME TO events`;
    }
    expect(await registry.metrics()).toMatch(/keyhold_audit_batches_total\{result="retry"\} [1-9]/);
    await waitForEvents({ requestId: late.requestId }, 1);
  });

  it('pages newest first with an opaque token', async () => {
    const k = randomUUID();
    const base = Date.parse('2024-07-01T00:00:00.000Z');
    // Two events share a time: the sequence breaks the tie.
    const records = [0, 1, 2, 3, 3, 4, 5].map((s) =>
      record(k, { eventTime: new Date(base + s * 1000).toISOString() }),
    );
    await publish({ batchId: randomUUID(), records });
    await waitForEvents({ keyId: k, maxResults: 1000 }, records.length);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.LookupEvents({
        keyId: k,
        maxResults: 3,
        ...(nextToken ? { nextToken } : {}),
      });
      seen.push(...page.events.map((e) => e.eventId));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(pages).toBe(3);
    const expected = records
      .map((r, i) => ({ id: r.eventId, t: Date.parse(r.eventTime), i }))
      .sort((a, b) => b.t - a.t || b.i - a.i)
      .map((r) => r.id);
    expect(seen).toEqual(expected);
  });

  it('rejects bad lookups', async () => {
    for (const maxResults of [0, 1001]) {
      const err = await client.LookupEvents({ maxResults }).catch((e: unknown) => e);
      expect(isKmsError(err, 'ValidationException')).toBe(true);
    }
    const err = await client.LookupEvents({ nextToken: 'garbage' }).catch((e: unknown) => e);
    expect(isKmsError(err, 'InvalidMarkerException')).toBe(true);
    await expect(client.LookupEvents({})).resolves.toMatchObject({ events: expect.any(Array) });
  });

  it('resumes from the durable consumer after a restart', async () => {
    await server?.close(1_000);
    server = undefined;
    const whileDown = record(randomUUID());
    await publish({ batchId: randomUUID(), records: [whileDown] });
    server = await start();
    await waitForEvents({ requestId: whileDown.requestId }, 1);
  });
});
