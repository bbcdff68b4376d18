// Audit benchmark.
// 1. Ingest: records/s audit-log stores into Postgres (hash chain, digests and
//    all), draining a backlog of BENCH_RECORDS records packed 100 per
//    JetStream message, as the gateway packs them.
// 2. Encrypt throughput through the gateway with audit on (every answer waits
//    for its batch's JetStream ack) versus off (publishing replaced by a no-op),
//    both gateways in this process against the same real cluster, then how long
//    audit-log takes to catch up once the load stops.
// Goals: the audit costs under 15 % of Encrypt throughput; ingest stays ahead
// of a saturated data plane (ingest records/s > Encrypt/s, and the backlog
// left when the load stops drains within seconds).
// Usage: npm run bench:audit   (BENCH_RECORDS=100000 BENCH_SECONDS=10 BENCH_CONCURRENCY=64)
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { busNames, connectBus } from '@keyhold/bus';
import { Registry, createLogger } from '@keyhold/core';
import { startCluster } from '@keyhold/local';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  createQuotaLimiterClient,
} from '@keyhold/proto';
import { findFreePort, startLocalNats, startLocalPostgres } from '@keyhold/testkit/local';
import { descendants, h2load, haveH2load } from '../lib/h2load.mjs';
import { signAwsJson } from '../lib/sign.mjs';
import { migrate } from '../../services/audit-log/dist/schema.js';
import { startAuditLog } from '../../services/audit-log/dist/server.js';
import { loadSigningKey } from '../../services/audit-log/dist/signing.js';
import { startGateway } from '../../services/gateway/dist/server.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
// `ingest` runs only the first part.
const ONLY = process.env.BENCH_ONLY ?? '';
const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const CREDS = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
const logger = createLogger({ service: 'bench', level: 'silent' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-bench-audit-'));
fs.chmodSync(tmp, 0o755);
const pg = await startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await findFreePort() });
const nats = await startLocalNats({ dataDir: path.join(tmp, 'nats'), port: await findFreePort() });
const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
const results = {};
const cleanup = [];

function record(i) {
  const keyId = randomUUID();
  return {
    eventVersion: '2.0',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDABENCHBENCHBENCH00',
      arn: `arn:aws:iam::${ACCOUNT}:user/bench`,
      accountId: ACCOUNT,
      accessKeyId: 'bench',
    },
    eventTime: new Date().toISOString(),
    eventSource: 'kms.amazonaws.com',
    eventName: 'Encrypt',
    awsRegion: REGION,
    sourceIPAddress: '127.0.0.1',
    userAgent: 'bench',
    requestParameters: {
      keyId,
      encryptionContext: { n: String(i) },
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    },
    responseElements: null,
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: true,
    resources: [
      {
        accountId: ACCOUNT,
        type: 'AWS::KMS::Key',
        ARN: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
      },
    ],
    eventType: 'AwsApiCall',
    managementEvent: false,
    eventCategory: 'Data',
    recipientAccountId: ACCOUNT,
  };
}

async function database(name) {
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(pg.url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** CPU seconds used so far by the Postgres server started for this run (postmaster and children). */
function postgresCpuSeconds(port) {
  const tick = 100; // USER_HZ on Linux
  const stat = (pid) => {
    try {
      const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick };
    } catch {
      return undefined;
    }
  };
  const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const master = pids.find((pid) => {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv.some((a) => a.endsWith('/postgres')) && argv.includes(String(port));
    } catch {
      return false;
    }
  });
  if (!master) return undefined;
  let total = 0;
  for (const pid of pids) {
    const s = stat(pid);
    if (s && (pid === master || String(s.ppid) === master)) total += s.cpu;
  }
  return total;
}

/** Records stored: the chain heads' sequences (retention is off), so polling costs Postgres nothing. */
async function count(sql) {
  const [row] = await sql`SELECT coalesce(sum(last_sequence), 0)::int AS n FROM audit.chains`;
  return row.n;
}

async function ingest() {
  const url = await database('ingest');
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const names = busNames('benchingest');
  const bus = await connectBus({ url: nats.url, name: 'bench', names, logger });
  try {
    await migrate(sql);
    const signingKey = await loadSigningKey(sql, undefined);
    process.stdout.write(`publishing ${RECORDS} records (100 per message)... `);
    for (let sent = 0; sent < RECORDS;) {
      const wave = [];
      for (let m = 0; m < 50 && sent < RECORDS; m++) {
        const records = [];
        for (let r = 0; r < 100 && sent < RECORDS; r++) records.push(record(sent++));
        const batchId = randomUUID();
        wave.push(
          bus.js.publish(names.auditSubject(REGION), JSON.stringify({ batchId, records }), {
            msgID: batchId,
          }),
        );
      }
      await Promise.all(wave);
    }
    process.stdout.write('done\n');
    // BENCH_PROFILE=file.cpuprofile: a CPU profile of the ingest alone (open it in Chrome DevTools).
    const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const pgPort = Number(new URL(pg.url).port);
    const pgCpuBefore = postgresCpuSeconds(pgPort);
    const nodeCpuBefore = process.cpuUsage();
    const started = performance.now();
    const server = await startAuditLog(
      { sql, bus, logger, registry: new Registry(), signingKey },
      { grpcListen: '127.0.0.1:0', consumerName: 'bench', nakDelayMs: 1000 },
    );
    let n = 0;
    for (let i = 0; i < 6_000 && n < RECORDS; i++) {
      await new Promise((r) => setTimeout(r, 50));
      n = await count(sql);
    }
    const seconds = (performance.now() - started) / 1000;
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
      profiler.disconnect();
    }
    const pgCpuAfter = postgresCpuSeconds(pgPort);
    await server.close(1000);
    results.ingestRecordsPerSecond = Math.round(n / seconds);
    results.ingestNodeCpuMicrosPerRecord = Number(
      ((nodeCpu.user + nodeCpu.system) / Math.max(1, n)).toFixed(1),
    );
    if (pgCpuBefore !== undefined && pgCpuAfter !== undefined) {
      results.ingestPostgresCpuMicrosPerRecord = Number(
        (((pgCpuAfter - pgCpuBefore) * 1e6) / Math.max(1, n)).toFixed(1),
      );
    }
    results.loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
    console.log(
      `ingest: ${n} records in ${seconds.toFixed(2)} s = ${results.ingestRecordsPerSecond} records/s ` +
        `(CPU per record: audit-log ${results.ingestNodeCpuMicrosPerRecord} µs, Postgres ${results.ingestPostgresCpuMicrosPerRecord ?? '?'} µs; ` +
        `load average ${results.loadAverage.join(' ')})`,
    );
  } finally {
    await bus.close();
    await sql.end({ timeout: 5 });
  }
}

/** SigV4 headers for an Encrypt request to `url` (valid for 15 minutes). */
const signEncrypt = (url, body) =>
  signAwsJson({ host: url.host, target: 'Encrypt', body, region: REGION, credentials: CREDS });

/**
 * Encrypt load on one gateway for `seconds`. With h2load (nghttp2-client), a C
 * client replays one pre-signed request at 128 connections, so the gateway,
 * not this script, is the bottleneck: audit's cost at a saturated data plane.
 * Without it, CONCURRENCY loops in this process (client-bound).
 */
async function encryptLoad(endpoint, keyId, seconds) {
  const url = new URL(endpoint);
  const body = JSON.stringify({ KeyId: keyId, Plaintext: randomBytes(32).toString('base64') });
  if (haveH2load()) {
    const headers = await signEncrypt(url, body);
    delete headers.host;
    const r = await h2load({
      name: `Encrypt via ${endpoint} (h2load, 128 conns)`,
      url: `${endpoint}/`,
      body: Buffer.from(body),
      headers,
      h1: true,
      clients: 128,
      streams: 1,
      durationS: seconds,
      warmupS: 0,
      pids: () => [process.pid, ...descendants(process.pid)],
    });
    return {
      perSecond: Math.round(r.reqPerS),
      ok: r.succeeded,
      failed: r.requests - r.succeeded,
      codes: r.note ? { note: r.note } : {},
    };
  }
  let signed;
  let signedAt = 0;
  // One signature per second, shared by every loop (the promise, so none sends unsigned).
  const headers = () => {
    if (Date.now() - signedAt > 1000) {
      signedAt = Date.now();
      signed = signEncrypt(url, body);
    }
    return signed;
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = async () => {
    const h = await headers();
    return new Promise((resolve) => {
      const req = http.request(
        { host: url.hostname, port: url.port, method: 'POST', path: '/', headers: h, agent },
        (res) => {
          let text = '';
          if (res.statusCode === 200) res.resume();
          else res.on('data', (d) => (text += d));
          res.on('end', () =>
            resolve(
              res.statusCode === 200
                ? 200
                : `${res.statusCode} ${JSON.parse(text || '{}').__type ?? ''}`,
            ),
          );
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  };
  const end = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const codes = {};
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const status = await post();
        if (status === 200) ok++;
        else {
          failed++;
          codes[status] = (codes[status] ?? 0) + 1;
        }
      }
    }),
  );
  agent.destroy();
  return { perSecond: Math.round(ok / seconds), ok, failed, codes };
}

async function encrypt() {
  const url = await database('cluster');
  const keyring = path.join(tmp, 'keyring.json');
  fs.writeFileSync(
    keyring,
    JSON.stringify({ current: 1, keys: { 1: randomBytes(32).toString('base64') } }),
    { mode: 0o600 },
  );
  const identities = path.join(tmp, 'identities.json');
  fs.writeFileSync(
    identities,
    JSON.stringify({
      accounts: [
        {
          accountId: ACCOUNT,
          principals: [
            {
              arn: `arn:aws:iam::${ACCOUNT}:user/bench`,
              accessKeys: [CREDS],
              // No default identity policy: the bench user is given kms:* explicitly.
              policies: [
                {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
                },
              ],
            },
          ],
        },
      ],
    }),
  );
  const prefix = 'benchcluster';
  const cluster = await startCluster({
    databaseUrl: url,
    natsUrl: nats.url,
    natsPrefix: prefix,
    httpPort: await findFreePort(),
    basePort: 'auto',
    rootKeyringFile: keyring,
    identitiesFile: identities,
    logLevel: 'error',
    onLog: () => {},
  });
  cleanup.push(() => cluster.stop());
  const clients = {
    keyManager: createKeyManagerClient(cluster.addresses['key-manager']),
    cryptoWorker: createCryptoWorkerClient(cluster.addresses['crypto-worker']),
    authorizer: createAuthorizerClient(cluster.addresses['policy-authorizer']),
    quotaLimiter: createQuotaLimiterClient(cluster.addresses['quota-limiter']),
  };
  const bus = await connectBus({
    url: nats.url,
    name: 'bench-gateway',
    names: busNames(prefix),
    logger,
  });
  const noAudit = { acks: { publish: async () => ({}) }, names: busNames(prefix) };
  const gateway = async (b) =>
    startGateway(
      { logger, registry: new Registry(), ...clients, bus: b },
      {
        httpListen: '127.0.0.1:0',
        grpcListen: '127.0.0.1:0',
        maxBodyBytes: 65536,
        bodyTimeoutMs: 10_000,
      },
    );
  const on = await gateway(bus);
  const off = await gateway(noAudit);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    const created = await new Promise((resolve, reject) => {
      const u = new URL(on.endpoint);
      const body = JSON.stringify({ Description: 'bench' });
      signAwsJson({
        host: u.host,
        target: 'CreateKey',
        body,
        region: REGION,
        credentials: CREDS,
      }).then((headers) => {
        const req = http.request(
          { host: u.hostname, port: u.port, method: 'POST', path: '/', headers },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve(JSON.parse(text)));
          },
        );
        req.on('error', reject);
        req.end(body);
      }, reject);
    });
    const keyId = created.KeyMetadata.KeyId;
    await encryptLoad(off.endpoint, keyId, 2); // warm-up: caches, JIT, connections
    const before = await count(sql);
    const auditOff = await encryptLoad(off.endpoint, keyId, SECONDS);
    const auditOn = await encryptLoad(on.endpoint, keyId, SECONDS);
    const stoppedAt = performance.now();
    const expected = before + auditOn.ok + auditOn.failed;
    let stored = await count(sql);
    const atStop = stored;
    for (let i = 0; i < 600 && stored < expected; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await count(sql);
    }
    const drainSeconds = (performance.now() - stoppedAt) / 1000;
    results.encryptAuditOff = auditOff.perSecond;
    results.encryptAuditOn = auditOn.perSecond;
    results.auditCostPercent = Number(
      (100 * (1 - auditOn.perSecond / auditOff.perSecond)).toFixed(1),
    );
    results.backlogAtStop = Math.max(0, expected - atStop);
    results.drainSeconds = Number(drainSeconds.toFixed(2));
    console.log(
      `Encrypt, audit off: ${auditOff.perSecond}/s (failed: ${JSON.stringify(auditOff.codes)})`,
    );
    console.log(
      `Encrypt, audit on:  ${auditOn.perSecond}/s (failed: ${JSON.stringify(auditOn.codes)})`,
    );
    console.log(`audit cost: ${results.auditCostPercent} % (goal < 15 %)`);
    console.log(
      `audit-log backlog when the load stopped: ${results.backlogAtStop} records, stored ${stored - before}/${expected - before} after ${drainSeconds.toFixed(2)} s`,
    );
  } finally {
    await on.close(1000);
    await off.close(1000);
    for (const c of Object.values(clients)) c.close();
    await bus.close();
    await sql.end({ timeout: 5 });
  }
}

try {
  await ingest();
  if (ONLY !== 'ingest') await encrypt();
  console.log(JSON.stringify(results));
} finally {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  await admin.end({ timeout: 5 });
  await nats.stop();
  await pg.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
