import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUDIT_EVENT_VERSION, busNames, connectBus } from '@keyhold/bus';
import type { AuditBatch, AuditRecord, Bus } from '@keyhold/bus';
import { Registry, createLogger, isKmsError } from '@keyhold/core';
import { createAuditLogClient } from '@keyhold/proto';
import type { AuditLogMethods, Client, LookupEventsRequest } from '@keyhold/proto';
import { testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkHash } from './chain.js';
import { applyRetention } from './retention.js';
import { migrate } from './schema.js';
import { startAuditLog } from './server.js';
import type { AuditLogHandle } from './server.js';
import { loadSigningKey, verifySignature } from './signing.js';
import type { SigningKey } from './signing.js';
import { verifyChains } from './verify.js';

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const DIGEST_EVERY = 5;
const logger = createLogger({ service: 'audit-log', level: 'silent' });
let registry: Registry;
let db: TestDatabase;
let bus: Bus;
let signingKey: SigningKey;
let server: AuditLogHandle | undefined;
let client: Client<AuditLogMethods>;

const arnOf = (keyId: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;

function record(keyId: string, patch: Partial<AuditRecord> = {}): AuditRecord {
  return {
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:user/test`,
      accountId: ACCOUNT,
      accessKeyId: 'test',
    },
    eventTime: new Date().toISOString(),
    eventSource: 'kms.amazonaws.com',
    eventName: 'Encrypt',
    awsRegion: REGION,
    sourceIPAddress: '127.0.0.1',
    userAgent: 'vitest',
    requestParameters: { keyId, encryptionContext: { app: 'x' } },
    responseElements: null,
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: true,
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: arnOf(keyId) }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    eventCategory: 'Data',
    recipientAccountId: ACCOUNT,
    ...patch,
  };
}

async function publish(batch: AuditBatch, msgID = batch.batchId, region = REGION): Promise<void> {
  await bus.js.publish(bus.names.auditSubject(region), JSON.stringify(batch), { msgID });
}

async function start(overrides: { writeDelayMs?: number } = {}): Promise<AuditLogHandle> {
  // A registry per start: metric names register once per registry.
  registry = new Registry();
  const handle = await startAuditLog(
    { sql: db.sql, bus, logger, registry, signingKey },
    {
      grpcListen: '127.0.0.1:0',
      consumerName: 'audit-log',
      nakDelayMs: 200,
      digestEveryRecords: DIGEST_EVERY,
      digestIntervalMs: 300,
      ...overrides,
    },
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

async function rowCount(region?: string): Promise<number> {
  const [row] = region
    ? await db.sql<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM audit.records WHERE region = ${region}`
    : await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit.records`;
  return row?.n ?? 0;
}

/** Publishes `n` records to a region of its own and waits until all are stored. */
async function chainOf(region: string, n: number): Promise<AuditRecord[]> {
  const records = Array.from({ length: n }, () =>
    record(randomUUID(), { awsRegion: region, resources: [] }),
  );
  await publish({ batchId: randomUUID(), records }, undefined, region);
  // One batch is stored in one transaction: its last record stands for all of
  // them (the region may hold records of an earlier call).
  await waitForEvents({ requestId: records.at(-1)!.requestID }, 1);
  return records;
}

async function verify(region: string) {
  const res = await client.VerifyChain({ region });
  expect(res.chains).toHaveLength(1);
  return res.chains[0]!;
}

beforeAll(async () => {
  db = await testDatabase();
  await migrate(db.sql);
  await migrate(db.sql);
  signingKey = await loadSigningKey(db.sql, undefined);
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
    errorCode: 'AccessDeniedException',
    errorMessage: 'no',
  });
  const other = record(k2, { eventTime: '2024-06-01T10:00:02.000Z' });
  const batch: AuditBatch = { batchId: randomUUID(), records: [first, second, other] };

  it('stores a batch and finds it by key id, key ARN, request id and error code', async () => {
    await publish(batch);
    const byKey = await waitForEvents({ keyId: k1 }, 2);
    expect(byKey.events.map((e) => e.eventId)).toEqual([second.eventID, first.eventID]);
    expect(byKey.nextToken).toBeUndefined();
    expect(byKey.events[0]).toMatchObject({
      eventId: second.eventID,
      requestId: second.requestID,
      eventTime: Date.parse(second.eventTime) / 1000,
      eventName: 'Decrypt',
      region: REGION,
      accountId: ACCOUNT,
      principalArn: second.userIdentity.arn,
      sourceIp: '127.0.0.1',
      userAgent: 'vitest',
      keyArn: arnOf(k1),
      keyId: k1,
      outcome: 'Denied',
      errorCode: 'AccessDeniedException',
      errorMessage: 'no',
      eventCategory: 'Data',
      recipientAccountId: ACCOUNT,
      readOnly: true,
    });
    expect(JSON.parse(byKey.events[0]!.cloudTrailEvent)).toEqual(second);
    expect(byKey.events[0]!.sequence).toMatch(/^\d+$/);
    expect(byKey.events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);

    const byArn = await client.LookupEvents({ keyId: arnOf(k1) });
    expect(byArn.events.map((e) => e.eventId)).toEqual([second.eventID, first.eventID]);
    const byRequest = await client.LookupEvents({ requestId: other.requestID });
    expect(byRequest.events.map((e) => e.eventId)).toEqual([other.eventID]);
    const byName = await client.LookupEvents({ keyId: k1, eventName: 'Encrypt' });
    expect(byName.events.map((e) => e.eventId)).toEqual([first.eventID]);
    const byError = await client.LookupEvents({ keyId: k1, errorCode: 'AccessDeniedException' });
    expect(byError.events.map((e) => e.eventId)).toEqual([second.eventID]);
    const succeeded = await client.LookupEvents({ keyId: k1, errorCode: '' });
    expect(succeeded.events.map((e) => e.eventId)).toEqual([first.eventID]);
    const byPrincipal = await client.LookupEvents({
      principalArn: first.userIdentity.arn,
      startTime: Date.parse(first.eventTime) / 1000,
      endTime: Date.parse(other.eventTime) / 1000,
    });
    expect(byPrincipal.events.map((e) => e.eventId)).toEqual([second.eventID, first.eventID]);
  });

  it('does not duplicate rows when a batch comes again', async () => {
    const before = await rowCount();
    await publish(batch); // same Nats-Msg-Id: dropped by the stream
    await publish(batch, randomUUID()); // a resend past the dedupe window: stored again, ignored by event id
    const marker = record(randomUUID());
    await publish({ batchId: randomUUID(), records: [marker, marker] });
    await waitForEvents({ requestId: marker.requestID }, 1);
    expect(await rowCount()).toBe(before + 1);
    expect((await client.LookupEvents({ keyId: k1 })).events).toHaveLength(2);
    expect(await registry.metrics()).toMatch(
      /keyhold_audit_records_total\{result="duplicate"\} [4-9]/,
    );
  });

  it('acks poison messages without blocking later ones', async () => {
    await bus.js.publish(bus.names.auditSubject(REGION), 'not json at all', {
      msgID: randomUUID(),
    });
    await publish({ batchId: randomUUID(), records: 'nope' } as unknown as AuditBatch);
    const mixed = record(randomUUID());
    await publish({
      batchId: randomUUID(),
      records: [{ ...record(randomUUID()), eventID: 'not-a-uuid' }, mixed],
    });
    await waitForEvents({ requestId: mixed.requestID }, 1);
    const text = await registry.metrics();
    expect(text).toMatch(/keyhold_audit_batches_total\{result="poison"\} 2/);
    expect(text).toMatch(/keyhold_audit_records_total\{result="rejected"\} 1/);
    const info = await bus.jsm.consumers.info(bus.names.auditStream, 'audit-log');
    expect(info.num_ack_pending).toBe(0);
  });

  it('stores the messages that arrive within the write delay in one transaction', async () => {
    await server?.close(1_000);
    server = await start({ writeDelayMs: 2000 });
    const writes = async () =>
      Number(/keyhold_audit_writes_total (\d+)/.exec(await registry.metrics())?.[1] ?? NaN);
    // The first write after a start is slow (and gathers what comes meanwhile): have it done.
    const warm = record(randomUUID());
    await publish({ batchId: randomUUID(), records: [warm] });
    await waitForEvents({ requestId: warm.requestID }, 1);
    const before = await writes();
    const records = Array.from({ length: 8 }, () => record(randomUUID()));
    for (const r of records) {
      await publish({ batchId: randomUUID(), records: [r] });
      await sleep(50);
    }
    for (const r of records) await waitForEvents({ requestId: r.requestID }, 1);
    // Without the delay, messages 50 ms apart were a transaction each.
    expect((await writes()) - before).toBeLessThanOrEqual(2);
    await server.close(1_000);
    server = await start();
  });

  it('retries a batch the database could not take', async () => {
    await db.sql`ALTER TABLE audit.records RENAME TO records_away`;
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
      await db.sql`ALTER TABLE audit.records_away RENAME TO records`;
    }
    expect(await registry.metrics()).toMatch(/keyhold_audit_batches_total\{result="retry"\} [1-9]/);
    await waitForEvents({ requestId: late.requestID }, 1);
  });

  it('pages newest first with an opaque token', async () => {
    const k = randomUUID();
    const base = Date.parse('2024-07-01T00:00:00.000Z');
    // Two events share a time: the insertion order breaks the tie.
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
      .map((r, i) => ({ id: r.eventID, t: Date.parse(r.eventTime), i }))
      .sort((a, b) => b.t - a.t || b.i - a.i)
      .map((r) => r.id);
    expect(seen).toEqual(expected);
  });

  it('stores text that COPY must escape exactly as sent', async () => {
    const region = 'me-south-1';
    const odd = 'tab\there, newline\nand \\N \\x00 \\\\ "quotes" \r ü 😀';
    const r = record(randomUUID(), {
      awsRegion: region,
      requestID: `req\t${randomUUID()}\\`,
      userAgent: odd,
      userIdentity: { ...record('k').userIdentity, arn: `arn:aws:iam::${ACCOUNT}:user/a\\b\tc` },
      requestParameters: { keyId: 'k', encryptionContext: { [odd]: odd } },
    });
    await publish({ batchId: randomUUID(), records: [r] }, undefined, region);
    const found = await waitForEvents({ requestId: r.requestID }, 1);
    expect(found.events[0]).toMatchObject({
      requestId: r.requestID,
      userAgent: odd,
      principalArn: r.userIdentity.arn,
    });
    expect(JSON.parse(found.events[0]!.cloudTrailEvent)).toEqual(r);
    expect((await client.LookupEvents({ principalArn: r.userIdentity.arn })).events).toHaveLength(
      1,
    );
    expect(await verify(region)).toMatchObject({ ok: true, recordsChecked: '1' });
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
    await waitForEvents({ requestId: whileDown.requestID }, 1);
  });

  it('exports the consumer lag', async () => {
    for (
      let i = 0;
      i < 50 && !/keyhold_audit_consumer_pending_messages/.test(await registry.metrics());
      i++
    ) {
      await sleep(100);
    }
    expect(await registry.metrics()).toMatch(
      /keyhold_audit_consumer_pending_messages(\{[^}]*\})? \d+/,
    );
  });

  it('stores the rest when the database refuses a row only once the COPY has ended', async () => {
    // A statement-level trigger fails the COPY after its last row, the case
    // postgres.js never reports on the COPY stream itself.
    await db.sql.unsafe(`
      CREATE FUNCTION audit.refuse_forbidden() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows WHERE event_name = 'Forbidden') THEN
          RAISE EXCEPTION 'forbidden' USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER refuse_forbidden AFTER INSERT ON audit.records
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION audit.refuse_forbidden();`);
    try {
      const before = await rowCount();
      const refused = record(randomUUID(), { eventName: 'Forbidden' });
      const good = record(randomUUID());
      // Back to back, the two usually share a write: the refusal must not hold the other back.
      await publish({ batchId: randomUUID(), records: [refused, record(randomUUID())] });
      await publish({ batchId: randomUUID(), records: [good] });
      await waitForEvents({ requestId: good.requestID }, 1);
      for (
        let i = 0;
        i < 50 &&
        !/keyhold_audit_batches_total\{result="poison"\} [1-9]/.test(await registry.metrics());
        i++
      ) {
        await sleep(100);
      }
      expect(await registry.metrics()).toMatch(/keyhold_audit_batches_total\{result="poison"\} 1/);
      expect((await client.LookupEvents({ requestId: refused.requestID })).events).toEqual([]);
      expect(await rowCount()).toBe(before + 1);
      expect((await verify(REGION)).ok).toBe(true);
    } finally {
      await db.sql.unsafe(`
        DROP TRIGGER refuse_forbidden ON audit.records;
        DROP FUNCTION audit.refuse_forbidden();`);
    }
  });
});

describe('hash chain', () => {
  it('chains every record of a region and verifies, digests signed by the published key', async () => {
    await chainOf('ap-south-1', 12);
    const report = await verify('ap-south-1');
    expect(report).toMatchObject({
      region: 'ap-south-1',
      ok: true,
      recordsChecked: '12',
      firstSequence: '1',
      lastSequence: '12',
    });
    expect(report.problem).toBeFalsy();
    const digests = await client.ListDigests({ region: 'ap-south-1' });
    // One batch is one transaction: its digest comes once the whole batch is chained.
    expect(digests.digests.map((d) => d.toSequence)).toEqual(['12']);
    const { keys } = await client.GetPublicKey({});
    expect(keys[0]).toMatchObject({ keyId: signingKey.keyId, current: true });
    for (const d of digests.digests) {
      expect(verifySignature(keys[0]!.publicKey, Buffer.from(d.payload), d.signature)).toBe(true);
    }
    const pinned = await client.VerifyChain({
      region: 'ap-south-1',
      trustedPublicKey: keys[0]!.publicKey,
    });
    expect(pinned.ok).toBe(true);
    const wrongPin = await client.VerifyChain({
      region: 'ap-south-1',
      trustedPublicKey: Buffer.alloc(32, 1),
    });
    expect(wrongPin.chains[0]?.problem?.kind).toBe('digest');
    const all = await client.VerifyChain({});
    expect(all.ok).toBe(true);
    expect(all.chains.map((c) => c.region)).toContain(REGION);
  });

  it('keeps one chain per region with several writers', async () => {
    const registry2 = new Registry();
    const second = await startAuditLog(
      { sql: db.sql, bus, logger, registry: registry2, signingKey },
      {
        grpcListen: '127.0.0.1:0',
        consumerName: 'audit-log',
        nakDelayMs: 200,
        digestEveryRecords: 7,
      },
    );
    try {
      const region = 'ca-central-1';
      await Promise.all(
        Array.from({ length: 40 }, () =>
          publish(
            {
              batchId: randomUUID(),
              records: Array.from({ length: 5 }, () =>
                record(randomUUID(), { awsRegion: region, resources: [] }),
              ),
            },
            undefined,
            region,
          ),
        ),
      );
      for (let i = 0; i < 100 && (await rowCount(region)) < 200; i++) await sleep(100);
      expect(await rowCount(region)).toBe(200);
      expect(await verify(region)).toMatchObject({ ok: true, recordsChecked: '200' });
    } finally {
      await second.close(1_000);
    }
  });

  it('names a modified record', async () => {
    const region = 'eu-west-1';
    const records = await chainOf(region, 8);
    const target = records[3]!;
    await db.sql`
      UPDATE audit.records SET record = jsonb_set(record::jsonb, '{errorCode}', '"none"')
      WHERE event_id = ${target.eventID}`;
    expect((await verify(region)).problem).toMatchObject({
      kind: 'modified',
      sequence: '4',
      eventId: target.eventID,
    });
  });

  it('names a record whose indexed column was edited', async () => {
    const region = 'eu-north-1';
    const records = await chainOf(region, 6);
    await db.sql`UPDATE audit.records SET principal_arn = 'arn:aws:iam::1:user/x' WHERE event_id = ${records[1]!.eventID}`;
    expect((await verify(region)).problem).toMatchObject({
      kind: 'modified',
      sequence: '2',
      eventId: records[1]!.eventID,
    });
  });

  it('names a deleted record', async () => {
    const region = 'eu-west-2';
    const records = await chainOf(region, 8);
    await db.sql`DELETE FROM audit.records WHERE event_id = ${records[5]!.eventID}`;
    expect((await verify(region)).problem).toMatchObject({
      kind: 'deleted',
      sequence: '6',
      eventId: records[6]!.eventID,
    });
  });

  it('notices the newest records deleted', async () => {
    const region = 'eu-south-1';
    await chainOf(region, 4);
    await db.sql`DELETE FROM audit.records WHERE region = ${region} AND sequence = 4`;
    expect((await verify(region)).problem).toMatchObject({ kind: 'deleted', sequence: '4' });
  });

  it('names an inserted record', async () => {
    const region = 'eu-west-3';
    const records = await chainOf(region, 8);
    // Make room at sequence 4 and insert a forged record, correctly hashed onto record 3.
    await db.sql`UPDATE audit.records SET sequence = -sequence WHERE region = ${region} AND sequence >= 4`;
    await db.sql`UPDATE audit.records SET sequence = -sequence + 1 WHERE region = ${region} AND sequence < 0`;
    const [prev] = await db.sql<{ hash: Buffer }[]>`
      SELECT hash FROM audit.records WHERE region = ${region} AND sequence = 3`;
    const forged = record(randomUUID(), { awsRegion: region, resources: [] });
    const hash = linkHash(region, 4, prev!.hash, forged);
    await db.sql`
      INSERT INTO audit.records (region, sequence, event_id, request_id, event_time, event_name,
        account_id, principal_arn, key_arn, key_id, error_code, event_category,
        recipient_account_id, record, prev_hash, hash)
      VALUES (${region}, 4, ${forged.eventID}, ${forged.requestID}, ${forged.eventTime},
        ${forged.eventName}, ${ACCOUNT}, ${forged.userIdentity.arn}, '', ${forged.requestParameters!['keyId'] as string},
        '', 'Data', ${ACCOUNT}, ${db.sql.json(forged as never)}, ${prev!.hash}, ${hash})`;
    expect(records).toHaveLength(8);
    expect((await verify(region)).problem).toMatchObject({
      kind: 'inserted',
      sequence: '4',
      eventId: forged.eventID,
    });
  });

  it('catches a rewritten chain through its signed digest', async () => {
    const region = 'sa-east-1';
    const records = await chainOf(region, 5);
    // Rewrite record 2 and re-hash everything after it, as someone with only database access could.
    const rows = await db.sql<{ sequence: string; record: string; prev_hash: Buffer }[]>`
      SELECT sequence, record, prev_hash FROM audit.records WHERE region = ${region} ORDER BY sequence`;
    let prev = rows[0]!.prev_hash;
    for (const row of rows) {
      const stored = JSON.parse(row.record) as AuditRecord;
      const changed =
        stored.eventID === records[1]!.eventID ? { ...stored, userAgent: 'forged' } : stored;
      const hash = linkHash(region, row.sequence, prev, changed);
      await db.sql`
        UPDATE audit.records SET record = ${db.sql.json(changed as never)}, prev_hash = ${prev}, hash = ${hash}
        WHERE region = ${region} AND sequence = ${row.sequence}`;
      prev = hash;
    }
    await db.sql`UPDATE audit.chains SET last_hash = ${prev} WHERE region = ${region}`;
    const report = await verify(region);
    expect(report.problem, JSON.stringify(report)).toMatchObject({ kind: 'digest', sequence: '1' });
  });

  it('keeps verifying after retention removed the oldest records', async () => {
    const region = 'us-west-1';
    await chainOf(region, 12);
    // Wait for the tail digest so the cutoff can take everything digested.
    for (let i = 0; i < 50; i++) {
      const d = await client.ListDigests({ region });
      if (d.digests[0]?.toSequence === '12') break;
      await sleep(100);
    }
    await chainOf(region, 3);
    const [lastDigest] = await db.sql<{ digest_time: Date }[]>`
      SELECT digest_time FROM audit.digests WHERE region = ${region} AND to_sequence = 12`;
    const results = await applyRetention(db.sql, new Date(lastDigest!.digest_time.getTime() + 1));
    expect(results.find((r) => r.region === region)).toMatchObject({
      throughSequence: '12',
      deleted: 12,
    });
    expect(await rowCount(region)).toBe(3);
    const retained = await verifyChains(db.sql, { region, retentionDays: 1e-9 });
    expect(retained.chains[0]).toMatchObject({ ok: true, firstSequence: '13', recordsChecked: 3 });
    // Without retention configured, missing old records are a deletion.
    const strict = await verifyChains(db.sql, { region, retentionDays: 0 });
    expect(strict.chains[0]?.problem).toMatchObject({ kind: 'deleted' });
  });
});
