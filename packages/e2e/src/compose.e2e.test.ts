import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  SECRETS_DIR,
  SERVICES,
  readCompose,
  rewriteEnvironment,
  serviceEnvironment,
  startOrder,
} from '@keyhold/local';
import type { ComposeFile } from '@keyhold/local';
import { createAuditLogClient } from '@keyhold/proto';
import { findFreePort, testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import { SecretScan, auditRecordsSettled } from './support/secret-scan.js';

// docker-compose.yml without Docker: every service runs as a process through
// the image's entrypoint (deploy/docker/entrypoint.js) with exactly the
// environment compose gives it, except what a single machine forces:
// compose host names become 127.0.0.1 with free ports, /run/secrets/<name>
// become the files `npm run compose:init` writes, METRICS_PORT is 0 (any
// free port), and the database and NATS prefix are this test's own. Start
// order and readiness follow depends_on and the compose health check command.
// It runs without the test-cluster fixture, so it runs the fixture's secret
// scan itself: root keyring and plaintexts in no audit record or log line.

const ENTRYPOINT = path.join(REPO_ROOT, 'deploy/docker/entrypoint.js');
const REGION = 'us-east-1';

interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  readonly env: Record<string, string>;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;
}

let compose: ComposeFile;
let tmp: string;
let db: Awaited<ReturnType<typeof testDatabase>>;
let endpoint: string;
let credentials: { accessKeyId: string; secretAccessKey: string };
const running = new Map<string, Running>();
const scan = new SecretScan();

function launch(name: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [ENTRYPOINT, ...args], {
    cwd: REPO_ROOT,
    // What the image sets (Dockerfile ENV) plus the service's compose environment.
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      KEYHOLD_PROTO_DIR: path.join(REPO_ROOT, 'proto'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    const fresh = chunk.toString('utf8').split('\n').filter(Boolean);
    for (const line of fresh) scan.scanLog(name, line);
    lines.push(...fresh);
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const r: Running = {
    name,
    child,
    env,
    lines,
    exitCode: undefined,
    exited: new Promise((resolve) => {
      child.once('exit', (code) => {
        r.exitCode = code;
        resolve(code);
      });
    }),
  };
  return r;
}

const tail = (r: Running): string => `\n--- ${r.name} ---\n${r.lines.join('\n')}`;

/** compose's health check, the same command the container runs. */
async function healthy(env: Record<string, string>): Promise<boolean> {
  const probe = launch('health', ['health'], env);
  return (await probe.exited) === 0;
}

async function waitHealthy(r: Running, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (r.exitCode !== undefined) throw new Error(`${r.name} exited (${r.exitCode})${tail(r)}`);
    if (await healthy(r.env)) return;
    await sleep(200);
  }
  throw new Error(`${r.name} not healthy after ${timeoutMs} ms${tail(r)}`);
}

async function stop(r: Running, graceMs = 20_000): Promise<number | null | 'killed'> {
  if (r.exitCode !== undefined) return r.exitCode;
  r.child.kill('SIGTERM');
  const done = await Promise.race([r.exited, sleep(graceMs).then(() => 'timeout' as const)]);
  if (done !== 'timeout') return done;
  r.child.kill('SIGKILL');
  await r.exited;
  return 'killed';
}

function kms(): KMSClient {
  return new KMSClient({
    endpoint,
    region: REGION,
    credentials,
    maxAttempts: 1,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 2_000 },
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-compose-'));
  execFileSync(process.execPath, ['deploy/compose/init.mjs', '--dir', tmp, '--quiet'], {
    cwd: REPO_ROOT,
  });
  const identities = JSON.parse(fs.readFileSync(path.join(tmp, 'identities.json'), 'utf8')) as {
    accounts: {
      principals: { accessKeys: { accessKeyId: string; secretAccessKey: string }[] }[];
    }[];
  };
  const key = identities.accounts[0]?.principals[0]?.accessKeys[0];
  if (key === undefined) throw new Error('no development access key');
  credentials = key;
  const keyring = JSON.parse(fs.readFileSync(path.join(tmp, 'root-keyring.json'), 'utf8')) as {
    keys: Record<string, string>;
  };
  for (const k of Object.values(keyring.keys)) scan.register(Buffer.from(k, 'base64'));

  compose = readCompose();
  db = await testDatabase();
  const pg = new URL(db.url);
  const composeDbUrl = new URL(serviceEnvironment(compose, 'migrate')['DATABASE_URL'] ?? '');
  // The compose credentials, as the postgres image would create them.
  await db.sql.unsafe(
    `DO $$ BEGIN CREATE ROLE ${composeDbUrl.username} LOGIN PASSWORD '${composeDbUrl.password}'; ` +
      'EXCEPTION WHEN duplicate_object THEN NULL; END $$',
  );
  await db.sql.unsafe(`ALTER DATABASE "${pg.pathname.slice(1)}" OWNER TO ${composeDbUrl.username}`);

  const addresses: Record<string, string> = {
    [`postgres:${composeDbUrl.port}`]: `127.0.0.1:${pg.port}`,
    'nats:4222': new URL(testNatsUrl()).host,
  };
  for (const s of SERVICES) {
    const env = serviceEnvironment(compose, s);
    for (const listen of [env['GRPC_LISTEN'], env['HTTP_LISTEN']]) {
      if (listen === undefined) continue;
      const port = listen.split(':')[1] ?? '';
      const local = `127.0.0.1:${await findFreePort()}`;
      addresses[listen] = local;
      addresses[`${s}:${port}`] = local;
    }
  }
  endpoint = `http://${addresses[serviceEnvironment(compose, 'gateway')['HTTP_LISTEN'] ?? '']}`;
  const secrets: Record<string, string> = {};
  for (const [name, { file }] of Object.entries(compose.secrets ?? {})) {
    secrets[`${SECRETS_DIR}/${name}`] = path.join(tmp, path.basename(file));
  }
  const prefix = testBusPrefix();

  for (const s of startOrder(compose)) {
    if (s === 'postgres' || s === 'nats') continue; // provided by the testkit
    const env = rewriteEnvironment(
      serviceEnvironment(compose, s, { LOG_LEVEL: 'warn' }),
      addresses,
      secrets,
    );
    if (env['DATABASE_URL'] !== undefined) {
      const url = new URL(env['DATABASE_URL']);
      url.pathname = pg.pathname;
      env['DATABASE_URL'] = url.toString();
    }
    if (env['METRICS_PORT'] !== undefined) env['METRICS_PORT'] = '0';
    if (env['KEYHOLD_NATS_PREFIX'] !== undefined) env['KEYHOLD_NATS_PREFIX'] = prefix;
    if (env['KEYHOLD_QUOTA_STATE_FILE'] !== undefined) {
      env['KEYHOLD_QUOTA_STATE_FILE'] = path.join(tmp, 'quota-overrides.json');
    }
    for (const [name, value] of Object.entries(env)) {
      expect(value, `${s} ${name} still names a compose host`).not.toMatch(
        /\b(postgres|nats|gateway|key-manager|crypto-worker|policy-authorizer|quota-limiter|audit-log):\d/,
      );
    }

    const command = compose.services[s]?.command ?? [];
    const r = launch(s, [...command], env);
    running.set(s, r);
    if (s === 'migrate') {
      const code = await r.exited;
      if (code !== 0) throw new Error(`migrate exited ${code}${tail(r)}`);
    } else {
      await waitHealthy(r);
    }
  }
});

afterAll(async () => {
  try {
    if (db) await auditRecordsSettled(db.sql);
    for (const r of [...running.values()].reverse()) await stop(r, 10_000);
    if (db) await scan.scanAuditRecords(db.sql);
  } finally {
    await db?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  scan.assertClean();
});

describe('the docker-compose.yml cluster, as processes', () => {
  let keyId = '';

  it('runs the one-shot migration to completion', () => {
    expect(running.get('migrate')?.exitCode).toBe(0);
  });

  it('creates a key, encrypts and decrypts through the published gateway port', async () => {
    const client = kms();
    try {
      const created = await client.send(new CreateKeyCommand({ Description: 'compose' }));
      keyId = created.KeyMetadata?.KeyId ?? '';
      expect(created.KeyMetadata?.KeyState).toBe('Enabled');
      const plaintext = Buffer.from('compose round trip plaintext');
      scan.register(plaintext);
      const enc = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
      const dec = await client.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
      expect(Buffer.from(dec.Plaintext ?? new Uint8Array()).equals(plaintext)).toBe(true);
      expect(dec.KeyId).toBe(created.KeyMetadata?.Arn);
    } finally {
      client.destroy();
    }
  });

  it('loses no acknowledged request when the gateway is stopped under load', async () => {
    const gateway = running.get('gateway');
    if (gateway === undefined || keyId === '') throw new Error('cluster not started');
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let slowestMs = 0;
    let signalled = false;
    const client = kms();

    const worker = async (): Promise<void> => {
      // Bounded: stops at the first failure after SIGTERM (the port is closed by then).
      for (let i = 0; i < 500; i++) {
        const started = Date.now();
        try {
          const res = await client.send(
            new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(`load ${i}`) }),
          );
          acknowledged.push(res.$metadata.requestId ?? '');
        } catch (err) {
          const e = err as Error & { code?: string };
          failures.push(`${e.name}${e.code ? ` ${e.code}` : ''}: ${e.message}`);
          if (signalled) return;
        } finally {
          slowestMs = Math.max(slowestMs, Date.now() - started);
        }
      }
    };
    const load = Promise.all([worker(), worker(), worker(), worker()]);
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 40 && Date.now() < deadline) await sleep(20);
    expect(acknowledged.length, 'load before the signal').toBeGreaterThanOrEqual(40);
    const beforeSignal = acknowledged.length;
    signalled = true;
    gateway.child.kill('SIGTERM');
    try {
      const exitCode = await Promise.race([
        gateway.exited,
        sleep(20_000).then(() => 'still running'),
      ]);
      expect(exitCode, `gateway exit${tail(gateway)}`).toBe(0);
      await load;
    } finally {
      client.destroy();
    }

    // No request hung: each one settled well inside the client's timeout. (The
    // SDK names a reset connection TimeoutError too; only "timed out" is a hang.)
    expect(slowestMs).toBeLessThan(10_000);
    expect(failures.filter((f) => /timed out/i.test(f))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(beforeSignal);
    expect(acknowledged.every((id) => id !== '')).toBe(true);

    const auditAddr = running.get('audit-log')?.env['GRPC_LISTEN'] ?? '';
    const audit = createAuditLogClient(auditAddr);
    try {
      const missing = new Set(acknowledged);
      const until = Date.now() + 20_000;
      while (missing.size > 0 && Date.now() < until) {
        for (const id of [...missing]) {
          const res = await audit.LookupEvents({ requestId: id });
          if (res.events.some((e) => e.eventName === 'Encrypt' && e.outcome === 'Allowed')) {
            missing.delete(id);
          }
        }
        if (missing.size > 0) await sleep(250);
      }
      expect([...missing], 'acknowledged requests without an audit record').toEqual([]);
    } finally {
      audit.close();
    }
  });

  it('stops every other service cleanly on SIGTERM, in reverse start order', async () => {
    const others = [...running.values()].filter((r) => r.name !== 'migrate').reverse();
    for (const r of others) {
      expect(await stop(r), `${r.name} exit${tail(r)}`).toBe(0);
    }
  });
});
