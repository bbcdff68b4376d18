// key-manager benchmark: DescribeKey and ListKeys latency as the key count
// grows (1k, 10k, 100k keys in one account and region), and the speed of a
// full projection rebuild.
// Keys are appended in-process through the event store with the same
// decider and projection as CreateKey (the API's 5/s CreateKey quota would
// take days); reads go through key-manager's gRPC server, in-process, with
// stand-ins for the authorizer (allow) and crypto-worker.
// Goals: DescribeKey p99 does not grow with the key count; rebuild >= 50,000 events/s.
// Usage: npm run bench:key-manager   (BENCH_KEYS=100000 BENCH_SAMPLES=2000)
//        BENCH_MODE=rebuild npm run bench:key-manager   (rebuild only: BENCH_KEYS keys'
//        events, about 2 per key, written straight into the log; BENCH_RUNS rebuilds)
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createLogger, keyStreamId } from '@keyhold/core';
import { createPostgresEventStore } from '@keyhold/eventstore';
import {
  createKeyManagerClient,
  implement,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import { findFreePort, startLocalPostgres } from '@keyhold/testkit/local';
import { keyDecider } from '../../services/key-manager/dist/key/decide.js';
import { createKeyHandlers } from '../../services/key-manager/dist/key/handlers.js';
import {
  insertKeyMaterial,
  projectKeyEvents,
} from '../../services/key-manager/dist/projections/keys-view.js';
import { rebuildProjections } from '../../services/key-manager/dist/projections/rebuild.js';
import { SCHEMA, migrateKeyManager } from '../../services/key-manager/dist/schema.js';

const TOTAL = Number(process.env.BENCH_KEYS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const CONCURRENCY = 8;
const MODE = process.env.BENCH_MODE ?? 'all';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const STEPS = [1_000, 10_000, 100_000].filter((n) => n <= TOTAL);
if (!STEPS.includes(TOTAL)) STEPS.push(TOTAL);

const logger = createLogger({ service: 'bench', level: 'silent' });
const context = () => ({
  requestId: randomUUID(),
  region: REGION,
  accountId: ACCOUNT,
  principalArn: `arn:aws:iam::${ACCOUNT}:user/bench`,
  sourceIp: '127.0.0.1',
  userAgent: 'bench',
  viaService: '',
  operation: 'Bench',
});

function pct(samples, p) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n) => `${n.toFixed(2)} ms`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-bench-km-'));
fs.chmodSync(tmp, 0o755);
const pg = await startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await findFreePort() });
const sql = postgres(pg.url, { max: 12, onnotice: () => {} });
let server;
let client;
try {
  await migrateKeyManager(sql);
  if (MODE === 'rebuild') {
    await rebuildOnly();
    process.exitCode = 0;
  } else await full();
} finally {
  client?.close();
  await server?.close(1000);
  await sql.end({ timeout: 5 });
  await pg.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

/**
 * A realistic log, written with COPY (no projection, no outbox): per key its
 * KeyCreated, and for every other key a tag, an alias, a grant or a disable.
 */
async function seedLog(keys) {
  const rows = [];
  const escape = (text) =>
    text.replace(/[\\\t\n\r]/g, (c) =>
      c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
    );
  const stream =
    await sql`copy key_manager.events (stream_id, version, event_id, type, data) from stdin`.writable();
  const done = new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let events = 0;
  const push = async (streamId, version, type, data) => {
    rows.push(
      `${streamId}\t${version}\t${randomUUID()}\t${type}\t${escape(JSON.stringify(data))}\n`,
    );
    events++;
    if (rows.length >= 5000) {
      if (!stream.write(rows.join(''))) await new Promise((r) => stream.once('drain', r));
      rows.length = 0;
    }
  };
  const now = new Date();
  for (let i = 0; i < keys; i++) {
    const keyId = randomUUID();
    const [created] = keyDecider.decide(
      {
        type: 'CreateKey',
        data: {
          keyId,
          accountId: ACCOUNT,
          region: REGION,
          tags: [{ tagKey: 'team', tagValue: 'bench' }],
        },
        metadata: { now },
      },
      keyDecider.initialState(),
    );
    const streamId = keyStreamId(keyId);
    await push(streamId, 1, created.type, created.data);
    const base = { keyId, arn: created.data.arn, accountId: ACCOUNT, region: REGION };
    const at = now.toISOString();
    switch (i % 8) {
      case 0:
        await push(streamId, 2, 'KeyTagged', {
          ...base,
          tags: [{ tagKey: 'n', tagValue: String(i) }],
          at,
        });
        break;
      case 2:
        await push(streamId, 2, 'AliasCreated', { ...base, aliasName: `alias/bench-${i}`, at });
        break;
      case 4:
        await push(streamId, 2, 'GrantCreated', {
          ...base,
          grantId: randomBytes(32).toString('hex'),
          name: '',
          granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/bench`,
          operations: ['Decrypt', 'Encrypt'],
          issuingAccount: ACCOUNT,
          fingerprint: randomBytes(32).toString('hex'),
          at,
        });
        break;
      case 6:
        await push(streamId, 2, 'KeyDisabled', { ...base, at });
        break;
      default:
        await push(streamId, 2, 'KeyDescriptionUpdated', { ...base, description: `key ${i}`, at });
    }
  }
  stream.end(rows.join(''));
  await done;
  return events;
}

async function rebuildOnly() {
  const started = performance.now();
  const events = await seedLog(TOTAL);
  await sql`analyze key_manager.events`;
  console.log(
    `seeded ${events} events for ${TOTAL} keys in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const r = await rebuildProjections(sql);
    const rate = Math.round(r.events / (r.durationMs / 1000));
    rates.push(rate);
    console.log(
      `rebuild ${run + 1}: ${r.events} events, ${r.keys} keys, ${r.aliases} aliases, ${r.grants} grants in ${(r.durationMs / 1000).toFixed(2)} s (read+fold ${(r.foldMs / 1000).toFixed(2)} s) = ${rate} events/s`,
    );
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
  console.log(
    `goal rebuild >= 50,000 events/s: median ${median} (${median >= 50_000 ? 'met' : 'NOT met'})`,
  );
}

async function full() {
  const store = createPostgresEventStore(sql, { schema: SCHEMA });
  const handlers = createKeyHandlers({
    sql,
    store,
    logger,
    maxKeysPerRegion: 1_000_000,
    cryptoWorker: { GenerateKeyMaterial: async () => ({ wrapped: randomBytes(61) }) },
    authorizer: { Authorize: async () => ({ allowed: true, message: '' }) },
  });
  const rpc = Object.fromEntries(
    Object.entries(handlers).filter(([k]) => k !== 'jobs' && k !== 'cache'),
  );
  server = await startGrpcServer('127.0.0.1:0', [
    [serviceDefinitions().keyManager, implement(rpc, { logger })],
  ]);
  client = createKeyManagerClient(server.address);

  const keyIds = [];
  const createOne = async () => {
    const keyId = randomUUID();
    const [created] = keyDecider.decide(
      {
        type: 'CreateKey',
        data: { keyId, accountId: ACCOUNT, region: REGION, tags: [] },
        metadata: { now: new Date() },
      },
      keyDecider.initialState(),
    );
    await store.appendToStream(keyStreamId(keyId), [created], {
      expectedVersion: 0,
      inTransaction: async (tx, recorded) => {
        await projectKeyEvents(tx, recorded);
        await insertKeyMaterial(tx, keyId, 1, randomBytes(61));
      },
    });
    keyIds.push(keyId);
  };
  const createUpTo = async (n) => {
    const started = performance.now();
    const before = keyIds.length;
    let next = keyIds.length;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < n) {
          next++;
          await createOne();
        }
      }),
    );
    const s = (performance.now() - started) / 1000;
    console.log(
      `created ${keyIds.length - before} keys in ${s.toFixed(1)} s (${Math.round((keyIds.length - before) / s)}/s)`,
    );
  };

  const results = [];
  for (const step of STEPS) {
    await createUpTo(step);
    await sql`analyze key_manager.keys`;
    const describe = [];
    // Warm-up (JIT, connection pool, buffer cache) outside the samples.
    for (let i = 0; i < 200; i++) {
      await client.DescribeKey(
        { keyId: keyIds[i % keyIds.length], grantTokens: [] },
        { context: context() },
      );
    }
    for (let i = 0; i < SAMPLES; i++) {
      const keyId = keyIds[Math.floor(Math.random() * keyIds.length)];
      const t = performance.now();
      await client.DescribeKey({ keyId, grantTokens: [] }, { context: context() });
      describe.push(performance.now() - t);
    }
    // ListKeys pages of 100: the first one and pages deep into the list.
    const list = [];
    let marker;
    for (let i = 0; i < Math.min(200, Math.ceil(step / 100)); i++) {
      const t = performance.now();
      const page = await client.ListKeys(
        { limit: 100, ...(marker ? { marker } : {}) },
        { context: context() },
      );
      list.push(performance.now() - t);
      if (!page.truncated) break;
      marker = page.nextMarker;
    }
    const row = {
      keys: step,
      describeP50: pct(describe, 50),
      describeP99: pct(describe, 99),
      listP50: pct(list, 50),
      listP99: pct(list, 99),
    };
    results.push(row);
    console.log(
      `${step} keys: DescribeKey p50 ${ms(row.describeP50)} p99 ${ms(row.describeP99)}; ListKeys page p50 ${ms(row.listP50)} p99 ${ms(row.listP99)} (${list.length} pages)`,
    );
  }

  const rebuild = await rebuildProjections(sql);
  const rate = Math.round(rebuild.events / (rebuild.durationMs / 1000));
  console.log(
    `rebuild: ${rebuild.events} events, ${rebuild.keys} keys in ${(rebuild.durationMs / 1000).toFixed(2)} s = ${rate} events/s`,
  );

  console.log('\nkeys      DescribeKey p50/p99      ListKeys page p50/p99');
  for (const r of results) {
    console.log(
      `${String(r.keys).padEnd(9)} ${ms(r.describeP50).padStart(9)} / ${ms(r.describeP99).padEnd(12)} ${ms(r.listP50).padStart(9)} / ${ms(r.listP99)}`,
    );
  }
  const first = results[0];
  const last = results.at(-1);
  console.log(
    `goal DescribeKey p99 flat: ${first.describeP99.toFixed(2)} -> ${last.describeP99.toFixed(2)} ms (${last.describeP99 <= first.describeP99 * 1.5 + 1 ? 'met' : 'NOT met'})`,
  );
  console.log(`goal rebuild >= 50,000 events/s: ${rate} (${rate >= 50_000 ? 'met' : 'NOT met'})`);
}
