import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, createAuditLogClient } from '@keyhold/proto';
import { findFreePort, startLocalNats, testBusPrefix, testDatabase } from '@keyhold/testkit';
import type { LocalServer, TestDatabase } from '@keyhold/testkit';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// Durability of the audit trail under crashes, through the whole cluster:
// every request the gateway answered has exactly one stored record, whatever
// dies in between. The cluster runs on a NATS of its own so it can be restarted.

const REGION = 'us-east-1';
const MAIN = { accountId: '111122223333', accessKeyId: 'test', secretAccessKey: 'test' };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const AUDIT_LOG_MAIN = path.join(ROOT, 'services/audit-log/dist/main.js');
const CLI_MAIN = path.join(ROOT, 'packages/cli/dist/main.js');
/** Unique per run, so the fixture's secret scan cannot match anything but a leak. */
const PLAINTEXT = `audit e2e plaintext ${randomBytes(12).toString('hex')}`;

let nats: LocalServer;
let natsPort: number;
let natsDir: string;
let prefix: string;
let db: TestDatabase;
let test: TestCluster;
let cluster: TestCluster['cluster'];
let kms: KMSClient;
let keyId = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LoadResult {
  /** Request ids of the calls answered with success. */
  readonly acked: string[];
  /** Error name -> count, for the calls that failed. */
  readonly failed: Map<string, number>;
}

/** Encrypt calls from `concurrency` loops until `stop()` resolves. */
async function load(stop: Promise<void>, concurrency = 6): Promise<LoadResult> {
  let done = false;
  void stop.then(() => {
    done = true;
  });
  const acked: string[] = [];
  const failed = new Map<string, number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < 100_000 && !done; i++) {
        try {
          const res = await kms.send(
            new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(PLAINTEXT) }),
          );
          acked.push(res.$metadata.requestId!);
        } catch (err) {
          const name = (err as Error).name;
          failed.set(name, (failed.get(name) ?? 0) + 1);
          await sleep(50);
        }
      }
    }),
  );
  return { acked, failed };
}

/** Waits until every request id has a record in `sql`'s audit.records, then returns the count per id. */
async function recordsFor(target: TestDatabase, requestIds: string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let counts = new Map<string, number>();
  while (Date.now() < deadline) {
    const rows = await target.sql<{ request_id: string; n: number }[]>`
      SELECT request_id, count(*)::int AS n FROM audit.records
      WHERE request_id = ANY(string_to_array(${requestIds.join(',')}, ',')) GROUP BY request_id`;
    counts = new Map(rows.map((r) => [r.request_id, r.n]));
    if (counts.size === requestIds.length) break;
    await sleep(500);
  }
  return counts;
}

/** audit-log as a process of its own, on its own database and durable consumer. */
function auditLogEnv(
  target: TestDatabase,
  grpcPort: number,
  metricsPort: number,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: target.url,
    NATS_URL: nats.url,
    KEYHOLD_NATS_PREFIX: prefix,
    KEYHOLD_AUDIT_CONSUMER: 'crash-test',
    KEYHOLD_AUDIT_ACK_WAIT_MS: '3000',
    KEYHOLD_AUDIT_DIGEST_RECORDS: '100',
    KEYHOLD_AUDIT_DIGEST_INTERVAL_MS: '1000',
    GRPC_LISTEN: `127.0.0.1:${grpcPort}`,
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'error',
  };
}

async function startAuditLogProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [AUDIT_LOG_MAIN], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const address = env['GRPC_LISTEN']!;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`audit-log exited: ${stderr}`);
    if ((await checkHealth(address, 500).catch(() => undefined)) === 'SERVING') return child;
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`audit-log not healthy: ${stderr}`);
}

async function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

beforeAll(async () => {
  // Its own NATS, on a fixed port and data folder, so a test can restart it.
  natsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-audit-nats-'));
  natsPort = await findFreePort();
  nats = await startLocalNats({ dataDir: natsDir, port: natsPort });
  prefix = testBusPrefix();
  test = await startTestCluster({
    name: 'audit',
    principals: [
      {
        arn: `arn:aws:iam::${MAIN.accountId}:user/test`,
        accessKeyId: MAIN.accessKeyId,
        secretAccessKey: MAIN.secretAccessKey,
      },
    ],
    natsUrl: nats.url,
    natsPrefix: prefix,
    logLevel: 'error',
    onLog: () => {},
    env: {
      KEYHOLD_AUDIT_ACK_WAIT_MS: '3000',
      KEYHOLD_AUDIT_DIGEST_RECORDS: '100',
      KEYHOLD_AUDIT_DIGEST_INTERVAL_MS: '1000',
    },
  });
  ({ cluster, db } = test);
  // The fixture's stop() scans every stored record and log line for them.
  test.registerSecret(PLAINTEXT);
  kms = new KMSClient({
    endpoint: cluster.endpoint,
    region: REGION,
    credentials: { accessKeyId: MAIN.accessKeyId, secretAccessKey: MAIN.secretAccessKey },
    maxAttempts: 1,
  });
  keyId = (await kms.send(new CreateKeyCommand({ Description: 'audit e2e' }))).KeyMetadata!.KeyId!;
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
  test.registerSecret(dk.Plaintext!);
});

afterAll(async () => {
  kms?.destroy();
  await test?.stop();
  await nats?.stop();
  if (natsDir) fs.rmSync(natsDir, { recursive: true, force: true });
});

describe('the audit trail under crashes', () => {
  it('kill -9 of audit-log mid-load: every acknowledged request has exactly one record, the chain verifies', async () => {
    const crashDb = await testDatabase();
    const grpcPort = await findFreePort();
    const env = auditLogEnv(crashDb, grpcPort, await findFreePort());
    let child = await startAuditLogProcess(env);
    const audit = createAuditLogClient(`127.0.0.1:${grpcPort}`);
    try {
      let release!: () => void;
      const running = load(new Promise<void>((r) => (release = r)));
      await sleep(2_000);
      await killed(child, 'SIGKILL');
      await sleep(1_000);
      child = await startAuditLogProcess(env);
      await sleep(2_000);
      release();
      const { acked, failed } = await running;
      expect(acked.length, JSON.stringify([...failed])).toBeGreaterThan(50);
      // audit-log's crash is invisible to callers: records wait in JetStream.
      expect(failed.size, JSON.stringify([...failed])).toBe(0);

      const counts = await recordsFor(crashDb, acked);
      expect(counts.size).toBe(acked.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const verified = await audit.VerifyChain({});
      expect(verified.ok, JSON.stringify(verified.chains)).toBe(true);
    } finally {
      audit.close();
      await killed(child, 'SIGTERM');
      await crashDb.drop();
    }
  });

  it('NATS restarted mid-load: no acknowledged request lacks a record', async () => {
    let release!: () => void;
    const running = load(new Promise<void>((r) => (release = r)));
    await sleep(2_000);
    await nats.stop();
    // The gateway's publishes wait through the outage (retries with the same
    // msgId) and succeed after the reconnect, or fail with the retryable error.
    await sleep(2_000);
    nats = await startLocalNats({ dataDir: natsDir, port: natsPort });
    await sleep(4_000);
    release();
    const { acked, failed } = await running;
    expect(acked.length).toBeGreaterThan(20);
    // While NATS is away, requests fail with the retryable audit error, or wait and succeed.
    for (const name of failed.keys()) {
      expect([
        'DependencyTimeoutException',
        'KMSInternalException',
        'KeyUnavailableException',
      ]).toContain(name);
    }
    const counts = await recordsFor(db, acked);
    const missing = acked.filter((id) => !counts.has(id));
    expect(
      missing,
      `${missing.length} of ${acked.length} acknowledged requests lack a record`,
    ).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const audit = createAuditLogClient(cluster.addresses['audit-log']);
    try {
      const verified = await audit.VerifyChain({});
      expect(verified.ok, JSON.stringify(verified.chains)).toBe(true);
    } finally {
      audit.close();
    }
  });

  it('keyhold audit verify names a tampered record', async () => {
    if (!fs.existsSync(CLI_MAIN)) throw new Error(`build the CLI first: ${CLI_MAIN}`);
    const [row] = await db.sql<{ event_id: string; sequence: string }[]>`
      SELECT event_id::text, sequence FROM audit.records WHERE region = ${REGION}
      ORDER BY sequence DESC OFFSET 5 LIMIT 1`;
    const args = [
      CLI_MAIN,
      'audit',
      'verify',
      '--region',
      REGION,
      '--audit-addr',
      cluster.addresses['audit-log'],
    ];
    const before = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(before.status, before.stderr).toBe(0);
    await db.sql`UPDATE audit.records SET record = jsonb_set(record::jsonb, '{userAgent}', '"edited"') WHERE event_id = ${row!.event_id}`;
    const after = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(after.status).toBe(1);
    expect(after.stdout).toContain('modified');
    expect(after.stdout).toContain(row!.event_id);
    expect(after.stdout).toContain(`sequence ${row!.sequence}`);
  });
});
