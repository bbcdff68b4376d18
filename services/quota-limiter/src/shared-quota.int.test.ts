import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES, serviceEnv, startCluster } from '@keyhold/local';
import type { Cluster, ServiceName, ServicePorts } from '@keyhold/local';
import { checkHealth, createQuotaLimiterClient } from '@keyhold/proto';
import { findFreePort, testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import { CRYPTO_SYMMETRIC_CLASS } from './quotas.js';

// Two gateway processes (the cluster's and one more) share one quota-limiter
// process started here, so that it can be killed and restarted mid-load;
// behind them the real cluster (key-manager, crypto-worker, authorizer, audit).
// The cluster's own quota-limiter runs unused.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const RATE = 200;
const LABELS = `region="${REGION}",account="${ACCOUNT}",quota_class="${CRYPTO_SYMMETRIC_CLASS}"`;

type Db = Awaited<ReturnType<typeof testDatabase>>;

let tmp: string;
let db: Db;
let cluster: Cluster;
let second: ChildProcess | undefined;
let limiter: ChildProcess | undefined;
let limiterPort: number;
let limiterMetricsPort: number;
let secondMetricsPort: number;
let clients: KMSClient[] = [];
/** One signed Encrypt per gateway, replayed: signing per request would cost the driver more CPU than the gateways spend. */
let encrypts: Array<{ url: URL; headers: Record<string, string>; body: string }> = [];
// Idle sockets are dropped before the gateway's 5 s keep-alive timeout, so a
// request never races the server closing the socket it reuses (socket hang up).
const agent = new http.Agent({ keepAlive: true, maxSockets: 400, timeout: 4_000 });
let keyId = '';

// A token bucket admits at most burst + rate in any second, and the issue
// allows 220 at 200/s: a burst of 5% keeps room for the sampling jitter.
const quotaJson = JSON.stringify({
  accounts: { [ACCOUNT]: { [CRYPTO_SYMMETRIC_CLASS]: { rate: RATE, burst: RATE / 20 } } },
});

async function startLimiter(): Promise<ChildProcess> {
  const main = path.resolve(import.meta.dirname, '../dist/main.js');
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      GRPC_LISTEN: `127.0.0.1:${limiterPort}`,
      METRICS_PORT: String(limiterMetricsPort),
      KEYHOLD_QUOTA_FILE: path.join(tmp, 'quota.json'),
      KEYHOLD_QUOTA_STATE_FILE: path.join(tmp, 'quota-overrides.json'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('quota-limiter exited during start');
    const status = await checkHealth(`127.0.0.1:${limiterPort}`, 500).catch(() => 'DOWN');
    if (status === 'SERVING') return child;
    await sleep(50);
  }
  throw new Error('quota-limiter not healthy');
}

async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function metricsOf(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** The value of one counter or gauge whose labels start with `labels`. */
function valueOf(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${LABELS}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function waitForPort(url: string, ms: number): Promise<void> {
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

interface Outcome {
  /**
   * ms from the start of the run when the answer came: close to when the
   * gateway admitted it (send times would credit a second with requests that
   * waited for a socket and were admitted in the next).
   */
  readonly at: number;
  readonly code: string;
}

/** Sends a prepared request; resolves with 'OK' or the AWS error code. */
function post(req: (typeof encrypts)[number]): Promise<string> {
  return new Promise((resolve) => {
    const r = http.request(
      req.url,
      { method: 'POST', headers: req.headers, agent, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 200) return resolve('OK');
          try {
            resolve(
              (JSON.parse(Buffer.concat(chunks).toString()) as { __type?: string }).__type ??
                `HTTP ${res.statusCode}`,
            );
          } catch {
            resolve(`HTTP ${res.statusCode}`);
          }
        });
      },
    );
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', (err) => resolve(`client error: ${err.message}`));
    r.end(req.body);
  });
}

/** Open-loop Encrypt at `rate` req/s spread over the two gateways, for `ms`. */
async function drive(
  rate: number,
  ms: number,
  during?: (elapsed: number) => Promise<void> | void,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const inflight = new Set<Promise<void>>();
  const start = performance.now();
  let sent = 0;
  let hookAt = 0;
  for (;;) {
    const elapsed = performance.now() - start;
    if (elapsed >= ms) break;
    const due = Math.floor((rate * elapsed) / 1000);
    while (sent < due && inflight.size < 400) {
      const req = encrypts[sent % encrypts.length]!;
      sent += 1;
      const p = post(req)
        .then((code) => {
          out.push({ at: performance.now() - start, code });
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    if (during && elapsed - hookAt >= 50) {
      hookAt = elapsed;
      await during(elapsed);
    }
    await sleep(5);
  }
  await Promise.all(inflight);
  return out;
}

/** Requests the two gateways admitted so far (their quota gates' counters). */
async function gatewayAdmitted(): Promise<number> {
  const texts = await Promise.all(
    [cluster.metricsPorts.gateway, secondMetricsPort].map((p) => metricsOf(p)),
  );
  return texts.reduce((n, t) => n + valueOf(t, 'keyhold_gateway_quota_admitted_total'), 0);
}

function perSecond(outcomes: readonly Outcome[], code: string, seconds: number): number[] {
  const n = new Array<number>(seconds).fill(0);
  for (const o of outcomes) {
    const s = Math.floor(o.at / 1000);
    if (o.code === code && s < seconds) n[s]! += 1;
  }
  return n;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-quota-'));
  const keyring = path.join(tmp, 'keyring.json');
  fs.writeFileSync(
    keyring,
    JSON.stringify({ current: 1, keys: { '1': randomBytes(32).toString('base64') } }),
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
              arn: `arn:aws:iam::${ACCOUNT}:user/test`,
              accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'test' }],
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
  fs.writeFileSync(path.join(tmp, 'quota.json'), quotaJson);
  limiterPort = await findFreePort();
  limiterMetricsPort = await findFreePort();
  limiter = await startLimiter();
  db = await testDatabase();
  const natsPrefix = testBusPrefix();
  const options = {
    databaseUrl: db.url,
    natsUrl: testNatsUrl(),
    natsPrefix,
    httpPort: await findFreePort(),
    basePort: 'auto' as const,
    rootKeyringFile: keyring,
    identitiesFile: identities,
    logLevel: 'warn',
    region: REGION,
  };
  const limiterAddr = `127.0.0.1:${limiterPort}`;
  // Quiet: a start failure still reports each service's last lines.
  cluster = await startCluster({
    ...options,
    env: { QUOTA_LIMITER_ADDR: limiterAddr },
    onLog: () => {},
  });

  // The second gateway gets the same environment as the cluster's own.
  const ports = Object.fromEntries(
    SERVICES.map((s) => [
      s,
      {
        grpc: Number(cluster.addresses[s].split(':').pop()),
        metrics: cluster.metricsPorts[s],
      },
    ]),
  ) as Record<ServiceName, ServicePorts>;
  const httpPort = await findFreePort();
  secondMetricsPort = await findFreePort();
  const env = {
    ...process.env,
    ...serviceEnv('gateway', ports, { ...options, httpPort }),
    QUOTA_LIMITER_ADDR: limiterAddr,
    GRPC_LISTEN: `127.0.0.1:${await findFreePort()}`,
    METRICS_PORT: String(secondMetricsPort),
  };
  const main = path.resolve(import.meta.dirname, '../../gateway/dist/main.js');
  second = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const secondEndpoint = `http://127.0.0.1:${httpPort}`;
  await waitForPort(secondEndpoint, 30_000);

  clients = [cluster.endpoint, secondEndpoint].map(
    (endpoint) =>
      new KMSClient({
        endpoint,
        region: REGION,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      }),
  );
  const created = await clients[0]!.send(new CreateKeyCommand({ Description: 'quota test' }));
  keyId = created.KeyMetadata!.KeyId!;
  const body = JSON.stringify({ KeyId: keyId, Plaintext: Buffer.from('quota').toString('base64') });
  const signer = new SignatureV4({
    service: 'kms',
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    sha256: Sha256,
  });
  encrypts = await Promise.all(
    [cluster.endpoint, secondEndpoint].map(async (endpoint) => {
      const url = new URL(endpoint);
      const signed = await signer.sign(
        new HttpRequest({
          method: 'POST',
          protocol: 'http:',
          hostname: url.hostname,
          port: Number(url.port),
          path: '/',
          headers: {
            host: url.host,
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'TrentService.Encrypt',
          },
          body,
        }),
      );
      return { url, headers: signed.headers, body };
    }),
  );
  // Warm both paths (signing keys, key material) before measuring.
  for (const c of clients)
    await c.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('w') }));
  await sleep(1_000);
}, 90_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  agent.destroy();
  await kill(second, 'SIGTERM');
  await cluster?.stop();
  await kill(limiter, 'SIGTERM');
  await db?.drop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('one quota shared by two gateway processes', () => {
  it(`admits ${RATE * 20} ± 2% in 20 s at 3x overload, never more than 220 in a second`, async () => {
    // JIT, connections and caches warm up first, as in any load test.
    await drive(3 * RATE, 3_000);
    await sleep(1_500);
    // Admissions per second as the gateways count them, sampled every second.
    const sample = async () => ({ at: performance.now(), n: await gatewayAdmitted() });
    const samples = [await sample()];
    const sampler = setInterval(() => {
      void sample().then((x) => samples.push(x));
    }, 1_000);
    const outcomes = await drive(3 * RATE, 20_000);
    clearInterval(sampler);
    // The last tick may race the end of the run.
    if (samples.length < 21) samples.push(await sample());
    // Per second: each interval's count scaled to 1 s (ticks drift by a few ms).
    const gateSeconds = samples
      .slice(1, 21)
      .map((x, i) => Math.round(((x.n - samples[i]!.n) * 1000) / (x.at - samples[i]!.at)));
    const admitted = outcomes.filter((o) => o.code === 'OK').length;
    const throttled = outcomes.filter((o) => o.code === 'ThrottlingException').length;
    const other = outcomes.filter((o) => o.code !== 'OK' && o.code !== 'ThrottlingException');
    const seconds = perSecond(outcomes, 'OK', 20);
    const limiterMetrics = await metricsOf(limiterMetricsPort);
    console.info(
      `shared quota: offered ${outcomes.length}, admitted ${admitted}, throttled ${throttled}, per second (answers) ${seconds.join(' ')}, (gateways) ${gateSeconds.join(' ')}; ` +
        `limiter granted ${valueOf(limiterMetrics, 'keyhold_quota_tokens_granted_total')}, returned ${valueOf(limiterMetrics, 'keyhold_quota_tokens_returned_total')}; ` +
        `other ${JSON.stringify(other.slice(0, 3))}`,
    );
    expect(other).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(3 * RATE * 20 * 0.95);
    expect(admitted).toBeGreaterThanOrEqual(RATE * 20 * 0.98);
    expect(admitted).toBeLessThanOrEqual(RATE * 20 * 1.02);
    expect(gateSeconds).toHaveLength(20);
    expect(Math.max(...gateSeconds)).toBeLessThanOrEqual(220);

    expect(valueOf(limiterMetrics, 'keyhold_quota_limit_per_second')).toBe(RATE);
    expect(valueOf(limiterMetrics, 'keyhold_quota_tokens_granted_total')).toBeGreaterThanOrEqual(
      admitted,
    );
    // The cluster's gateway took about half of the load.
    const gatewayMetrics = await metricsOf(cluster.metricsPorts.gateway);
    expect(valueOf(gatewayMetrics, 'keyhold_gateway_quota_admitted_total')).toBeGreaterThan(
      admitted / 3,
    );
    expect(valueOf(gatewayMetrics, 'keyhold_gateway_quota_throttled_total')).toBeGreaterThan(
      throttled / 3,
    );
  }, 60_000);

  it('applies a live quota change within 1 s', async () => {
    let changedAt = -1;
    const admin = createQuotaLimiterClient(`127.0.0.1:${limiterPort}`);
    const scope = { accountId: ACCOUNT };
    try {
      const outcomes = await drive(3 * RATE, 5_000, async (elapsed) => {
        if (changedAt < 0 && elapsed >= 2_000) {
          changedAt = elapsed;
          await admin.SetQuota({
            scope,
            quotaClass: CRYPTO_SYMMETRIC_CLASS,
            ratePerSecond: 50,
            burst: 5,
          });
        }
      });
      const ok = outcomes.filter((o) => o.code === 'OK');
      const before = ok.filter((o) => o.at >= changedAt - 1_000 && o.at < changedAt).length;
      const after = ok.filter((o) => o.at >= changedAt + 1_000 && o.at < changedAt + 3_000).length;
      console.info(`live change: ${before}/s before, ${after / 2}/s from 1 s after`);
      expect(before).toBeGreaterThan(150);
      expect(after).toBeLessThanOrEqual(2 * 50 * 1.1 + 5);
      expect(after).toBeGreaterThan(2 * 50 * 0.8);
    } finally {
      await admin.DeleteQuotaOverride({ scope, quotaClass: CRYPTO_SYMMETRIC_CLASS });
      admin.close();
    }
  }, 30_000);

  it('survives the limiter being killed and restarted mid-load', async () => {
    let killedAt = -1;
    let restartedAt = -1;
    const outcomes = await drive(3 * RATE, 10_000, async (elapsed) => {
      if (killedAt < 0 && elapsed >= 2_000) {
        killedAt = elapsed;
        await kill(limiter, 'SIGKILL');
      } else if (restartedAt < 0 && killedAt >= 0 && elapsed >= killedAt + 1_000) {
        limiter = await startLimiter();
        restartedAt = elapsed;
      }
    });
    const codes = new Map<string, number>();
    for (const o of outcomes) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
    const ok = outcomes.filter((o) => o.code === 'OK');
    const down = ok.filter((o) => o.at >= killedAt + 50 && o.at < restartedAt).length;
    // Internal clients cap their reconnect backoff at 1 s (CLIENT_OPTIONS), so
    // the full rate is back within about 1.5 s of the limiter's restart.
    const late = ok.filter((o) => o.at >= restartedAt + 1_500 && o.at < 10_000).length;
    const lateRate = late / ((10_000 - restartedAt - 1_500) / 1000);
    console.info(
      `restart: ${JSON.stringify([...codes])}, admitted while down ${down}, then ${lateRate.toFixed(0)}/s, total ${ok.length}`,
    );
    // Fail closed: nothing but success, throttling or the retryable dependency error.
    expect(
      [...codes.keys()].filter(
        (c) => !['OK', 'ThrottlingException', 'DependencyTimeoutException'].includes(c),
      ),
    ).toEqual([]);
    // While down only tokens already leased are spent (a lease lasts 1 s).
    expect(down).toBeLessThanOrEqual(RATE * 1.1);
    // Over the whole run, at most one lease period of extra admissions.
    expect(ok.length).toBeLessThanOrEqual(RATE * 10 * 1.02 + RATE);
    expect(lateRate).toBeGreaterThan(RATE * 0.9);
    expect(lateRate).toBeLessThanOrEqual(RATE * 1.1);
  }, 40_000);
});
