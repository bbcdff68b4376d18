import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFreePort } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES, startCluster } from './cluster.js';
import type { ClusterOptions, ServiceName } from './cluster.js';

// Stand-in services: real gRPC health (through @keyhold/proto) or a plain
// TCP listener for the gateway, reporting their environment as a pino line.
const protoUrl = pathToFileURL(
  join(import.meta.dirname, '../../../packages/proto/dist/index.js'),
).href;

const grpcStub = `
import { startGrpcServer } from '${protoUrl}';
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(GRPC_LISTEN|HTTP_LISTEN|METRICS_PORT|DATABASE_URL|NATS_URL|KEYHOLD_|[A-Z_]+_ADDR$|LOG_LEVEL)/.test(k)));
const log = (msg, fields = {}) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...fields }));
const s = await startGrpcServer(process.env.GRPC_LISTEN, []);
s.serving();
log('started', { env });
process.on('SIGTERM', async () => { log('stopping'); await s.close(1000); process.exit(0); });
`;

const gatewayStub = `
import { createServer } from 'node:net';
const log = (msg, fields = {}) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...fields }));
const [host, port] = process.env.HTTP_LISTEN.split(':');
const server = createServer((s) => s.end()).listen(Number(port), host, () => log('started', { env: { HTTP_LISTEN: process.env.HTTP_LISTEN, GRPC_LISTEN: process.env.GRPC_LISTEN } }));
process.on('SIGTERM', () => { log('stopping'); server.close(() => process.exit(0)); });
`;

const crashStub = `
console.error('boom: cannot read the root keyring');
process.exit(3);
`;

async function writeServices(
  root: string,
  stubs: Partial<Record<ServiceName, string | null>> = {},
): Promise<void> {
  for (const s of SERVICES) {
    const source = s in stubs ? stubs[s] : s === 'gateway' ? gatewayStub : grpcStub;
    if (source === null || source === undefined) continue;
    await mkdir(join(root, 'services', s, 'dist'), { recursive: true });
    await writeFile(join(root, 'services', s, 'dist', 'main.js'), source);
  }
}

interface Logged {
  readonly service: ServiceName;
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startCluster', () => {
  let tmp: string;
  const logs: Logged[] = [];
  const base = (rootDir: string, httpPort: number): ClusterOptions => ({
    rootDir,
    databaseUrl: 'postgres://postgres@127.0.0.1:1/keyhold',
    natsUrl: 'nats://127.0.0.1:2',
    httpPort,
    basePort: 'auto',
    rootKeyringFile: '/keyring.json',
    identitiesFile: '/identities.json',
    quotaFile: '/quota.json',
    natsPrefix: 'tprefix',
    startTimeoutMs: 15_000,
    onLog: (service, line) => {
      try {
        const { msg, ...fields } = JSON.parse(line) as { msg: string } & Record<string, unknown>;
        logs.push({ service, msg, fields });
      } catch {
        logs.push({ service, msg: line, fields: {} });
      }
    },
  });

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'keyhold-cluster-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('starts the services in order with their settings, and stops them in reverse', async () => {
    const root = join(tmp, 'ok');
    await writeServices(root);
    const httpPort = await findFreePort();
    logs.length = 0;
    const cluster = await startCluster(base(root, httpPort));

    expect(cluster.endpoint).toBe(`http://127.0.0.1:${httpPort}`);
    const started = logs.filter((l) => l.msg === 'started');
    expect(started.map((l) => l.service)).toEqual([...SERVICES]);
    const envOf = (s: ServiceName): Record<string, string> =>
      started.find((l) => l.service === s)?.fields['env'] as Record<string, string>;

    expect(envOf('gateway')).toEqual({
      HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      GRPC_LISTEN: cluster.addresses.gateway,
    });
    expect(new Set(Object.values(cluster.addresses)).size).toBe(SERVICES.length);
    const km = envOf('key-manager');
    expect(km['GRPC_LISTEN']).toBe(cluster.addresses['key-manager']);
    expect(km['CRYPTO_WORKER_ADDR']).toBe(cluster.addresses['crypto-worker']);
    expect(km['AUTHORIZER_ADDR']).toBe(cluster.addresses['policy-authorizer']);
    expect(km['DATABASE_URL']).toBe('postgres://postgres@127.0.0.1:1/keyhold');
    expect(km['NATS_URL']).toBe('nats://127.0.0.1:2');
    expect(km['KEYHOLD_NATS_PREFIX']).toBe('tprefix');
    expect(km['METRICS_PORT']).toBe(String(cluster.metricsPorts['key-manager']));
    expect(km['KEYHOLD_ROOT_KEYRING_FILE']).toBeUndefined();
    expect(envOf('crypto-worker')['KEYHOLD_ROOT_KEYRING_FILE']).toBe('/keyring.json');
    expect(envOf('policy-authorizer')['KEYHOLD_IDENTITIES_FILE']).toBe('/identities.json');
    expect(envOf('quota-limiter')['KEYHOLD_QUOTA_FILE']).toBe('/quota.json');

    const pids = started.map((l) => l.fields['pid'] as number);
    expect(pids.every(isAlive)).toBe(true);
    await cluster.stop();
    expect(logs.filter((l) => l.msg === 'stopping').map((l) => l.service)).toEqual(
      [...SERVICES].reverse(),
    );
    expect(pids.some(isAlive)).toBe(false);
  });

  it('fails with the last output of a service that exits during start, stopping the ones started', async () => {
    const root = join(tmp, 'crash');
    await writeServices(root, { 'crypto-worker': crashStub });
    logs.length = 0;
    await expect(startCluster(base(root, await findFreePort()))).rejects.toThrow(
      /crypto-worker exited during start \(exit code 3\)[\s\S]*boom: cannot read the root keyring/,
    );
    const started = logs.filter((l) => l.msg === 'started');
    expect(started.map((l) => l.service)).toEqual([
      'quota-limiter',
      'policy-authorizer',
      'audit-log',
    ]);
    expect(started.map((l) => l.fields['pid'] as number).some(isAlive)).toBe(false);
  });

  it('names every service that is not built, before starting any', async () => {
    const root = join(tmp, 'unbuilt');
    await writeServices(root, { gateway: null, 'key-manager': null });
    logs.length = 0;
    const error = await startCluster(base(root, await findFreePort())).catch((err: unknown) => err);
    expect(String(error)).toContain(join(root, 'services/key-manager/dist/main.js'));
    expect(String(error)).toContain(join(root, 'services/gateway/dist/main.js'));
    expect(String(error)).not.toContain('quota-limiter');
    expect(logs).toEqual([]);
  });
});
