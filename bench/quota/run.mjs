// Quota benchmark: the `keyhold load` tool against a local cluster.
// 1. Accuracy: Encrypt offered at 3x a configured quota (default 200/s, burst
//    10%) through two gateway processes sharing it; prints the admitted-rate
//    error per second (goal: <= 2%) and writes the tool's chart.
// 2. Cost: closed-loop Encrypt through a gateway enforcing quotas (the
//    account's quota far above capacity) and one with KEYHOLD_QUOTA_ENFORCE=false,
//    alternated; prints the throughput difference (goal: < 5%).
// Usage: npm run bench:quota   (BENCH_QUOTA=200 BENCH_DURATION_S=20 BENCH_CONCURRENCY=32)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVICES, serviceEnv, startCluster } from '@keyhold/local';
import { findFreePort, startLocalNats, startLocalPostgres } from '@keyhold/testkit/local';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const QUOTA = Number(process.env.BENCH_QUOTA ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const COST_S = Number(process.env.BENCH_COST_DURATION_S ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REGION = 'us-east-1';
const LIMITED = { accountId: '111122223333', key: 'test', secret: 'test' };
const FREE = { accountId: '444455556666', key: 'free', secret: 'free' };
const cli = path.join(root, 'packages/cli/dist/main.js');
// The SDK warns about Node 20 on every start.
const QUIET = { ...process.env, NODE_NO_WARNINGS: '1' };

function load(endpoint, creds, args) {
  const json = path.join(os.tmpdir(), `keyhold-load-${process.pid}-${Date.now()}.json`);
  execFileSync(
    process.execPath,
    [
      cli,
      'load',
      '--endpoint',
      endpoint,
      '--region',
      REGION,
      '--credentials',
      `${creds.key}:${creds.secret}`,
      '--json',
      json,
      ...args,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: QUIET },
  );
  const out = JSON.parse(fs.readFileSync(json, 'utf8'));
  fs.rmSync(json, { force: true });
  return out;
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'POST', body: '{}' });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${url} not up after ${ms} ms`);
}

const stops = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-bench-quota-'));
// Postgres runs as its own user when we are root: it must reach its data directory.
fs.chmodSync(tmp, 0o755);
try {
  const pg = await startLocalPostgres({
    dataDir: path.join(tmp, 'pg'),
    port: await findFreePort(),
  });
  stops.push(() => pg.stop());
  const nats = await startLocalNats({
    dataDir: path.join(tmp, 'nats'),
    port: await findFreePort(),
  });
  stops.push(() => nats.stop());
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
      accounts: [LIMITED, FREE].map((a) => ({
        accountId: a.accountId,
        principals: [
          {
            arn: `arn:aws:iam::${a.accountId}:user/bench`,
            accessKeys: [{ accessKeyId: a.key, secretAccessKey: a.secret }],
            // No default identity policy: the bench users are given kms:* explicitly.
            policies: [
              {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
              },
            ],
          },
        ],
      })),
    }),
  );
  const quotaFile = path.join(tmp, 'quota.json');
  fs.writeFileSync(
    quotaFile,
    JSON.stringify({
      accounts: {
        [LIMITED.accountId]: {
          CryptographicOperationsSymmetric: { rate: QUOTA, burst: Math.max(1, QUOTA / 10) },
        },
      },
    }),
  );
  const options = {
    databaseUrl: pg.url,
    natsUrl: nats.url,
    httpPort: await findFreePort(),
    basePort: 'auto',
    rootKeyringFile: keyring,
    identitiesFile: identities,
    quotaFile,
    logLevel: 'warn',
    region: REGION,
    onLog: (service, line) => {
      if (/"level":(50|60)/.test(line))
        process.stderr.write(`[${service}] ${line.slice(0, 300)}\n`);
    },
  };
  const cluster = await startCluster(options);
  stops.push(() => cluster.stop());

  // A second gateway on the same backends, to share the quota (accuracy) and,
  // with quotas off, to compare (cost).
  const ports = Object.fromEntries(
    SERVICES.map((s) => [
      s,
      { grpc: Number(cluster.addresses[s].split(':').pop()), metrics: cluster.metricsPorts[s] },
    ]),
  );
  const startGateway = async (extra) => {
    const httpPort = await findFreePort();
    const child = spawn(process.execPath, [path.join(root, 'services/gateway/dist/main.js')], {
      env: {
        ...process.env,
        ...serviceEnv('gateway', ports, { ...options, httpPort }),
        GRPC_LISTEN: `127.0.0.1:${await findFreePort()}`,
        METRICS_PORT: '0',
        ...extra,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    stops.push(async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    });
    const endpoint = `http://127.0.0.1:${httpPort}`;
    await waitForHttp(endpoint, 30_000);
    return endpoint;
  };
  const shared = await startGateway({});
  const off = await startGateway({ KEYHOLD_QUOTA_ENFORCE: 'false' });

  // --- 1. accuracy at 3x overload -------------------------------------------
  // Both gateways get half of the load: two `keyhold load` runs in parallel.
  console.log(
    `\n# accuracy: quota ${QUOTA}/s, offered ${3 * QUOTA}/s for ${DURATION_S} s over two gateways`,
  );
  const half = String((3 * QUOTA) / 2);
  const runs = await Promise.all(
    [cluster.endpoint, shared].map(
      (endpoint, i) =>
        new Promise((resolve, reject) => {
          const json = path.join(tmp, `accuracy-${i}.json`);
          const args = [
            cli,
            'load',
            '--endpoint',
            endpoint,
            '--region',
            REGION,
            '--credentials',
            `${LIMITED.key}:${LIMITED.secret}`,
            '--rate',
            half,
            '--duration',
            `${DURATION_S}s`,
            '--json',
            json,
          ];
          if (i === 0) args.push('--chart', path.join(here, 'last-run.html'));
          const child = spawn(process.execPath, args, {
            stdio: ['ignore', 'inherit', 'inherit'],
            env: QUIET,
          });
          child.once('exit', (code) =>
            code === 0
              ? resolve(JSON.parse(fs.readFileSync(json, 'utf8')))
              : reject(new Error(`load exited ${code}`)),
          );
        }),
    ),
  );
  const seconds = DURATION_S;
  const admitted = Array.from({ length: seconds }, (_, s) =>
    runs.reduce((n, r) => n + (r.series[REGION]?.[s]?.admitted ?? 0), 0),
  );
  const offered = Array.from({ length: seconds }, (_, s) =>
    runs.reduce((n, r) => n + (r.series[REGION]?.[s]?.offered ?? 0), 0),
  );
  // The first second includes the bucket's burst; the last may be cut short.
  const steady = admitted.slice(1, -1);
  const errors = steady.map((a) => Math.abs(a - QUOTA) / QUOTA);
  const total = admitted.reduce((a, b) => a + b, 0);
  const accuracy = {
    quota: QUOTA,
    offeredPerSecond: offered,
    admittedPerSecond: admitted,
    totalAdmitted: total,
    totalError: Math.abs(total - QUOTA * seconds) / (QUOTA * seconds),
    meanErrorPerSecond: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
    maxErrorPerSecond: Math.max(...errors),
    maxSecond: Math.max(...admitted),
  };
  console.log(`admitted per second: ${admitted.join(' ')}`);
  console.log(
    `admitted-rate error per second: mean ${(100 * accuracy.meanErrorPerSecond).toFixed(2)}%, max ${(100 * accuracy.maxErrorPerSecond).toFixed(2)}% (goal <= 2%); total ${total} vs ${QUOTA * seconds} (${(100 * accuracy.totalError).toFixed(2)}%); busiest second ${accuracy.maxSecond}`,
  );

  // --- 2. cost of enforcement -----------------------------------------------
  console.log(
    `\n# cost: closed-loop Encrypt, concurrency ${CONCURRENCY}, ${COST_S} s per run, quotas on vs off`,
  );
  const keyArgs = ['--concurrency', String(CONCURRENCY), '--duration', `${COST_S}s`];
  const on = [];
  const offRuns = [];
  for (let round = 0; round < 2; round++) {
    on.push(load(cluster.endpoint, FREE, keyArgs).summary[0].admittedPerSecond);
    offRuns.push(load(off, FREE, keyArgs).summary[0].admittedPerSecond);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cost = { onPerSecond: on, offPerSecond: offRuns, cost: 1 - mean(on) / mean(offRuns) };
  console.log(
    `Encrypt/s with quotas ${on.map((x) => x.toFixed(0)).join(', ')}; without ${offRuns.map((x) => x.toFixed(0)).join(', ')}; cost ${(100 * cost.cost).toFixed(1)}% (goal < 5%)`,
  );
  fs.writeFileSync(
    path.join(here, 'last-run.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, accuracy, cost }, null, 2)}\n`,
  );
  console.log(
    `\nchart: ${path.join(here, 'last-run.html')}; numbers: ${path.join(here, 'last-run.json')}`,
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}
