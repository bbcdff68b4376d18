import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { checkHealth } from '@keyhold/proto';
import { renderLogLine } from './log-render.js';

/** The services, in start order (stopped in reverse). */
export const SERVICES = [
  'quota-limiter',
  'policy-authorizer',
  'audit-log',
  'crypto-worker',
  'key-manager',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Listen ports of one service (the gateway's gRPC port serves the native kms.v1 API and health). */
export interface ServicePorts {
  readonly grpc: number;
  readonly metrics: number;
}

/** The default ports of the brief (all on 127.0.0.1). */
export const DEFAULT_PORTS: Readonly<Record<ServiceName, ServicePorts>> = {
  gateway: { grpc: 50051, metrics: 9101 },
  'key-manager': { grpc: 50052, metrics: 9102 },
  'crypto-worker': { grpc: 50053, metrics: 9103 },
  'policy-authorizer': { grpc: 50054, metrics: 9104 },
  'quota-limiter': { grpc: 50055, metrics: 9105 },
  'audit-log': { grpc: 50056, metrics: 9106 },
};

// Offsets from basePort: gRPC at base+i, metrics at base+10+i.
const OFFSETS: Readonly<Record<ServiceName, number>> = {
  gateway: 0,
  'key-manager': 1,
  'crypto-worker': 2,
  'policy-authorizer': 3,
  'quota-limiter': 4,
  'audit-log': 5,
};

/** Options of {@link startCluster}. */
export interface ClusterOptions {
  /** Postgres URL of the one database every service uses (each in its own schema). */
  readonly databaseUrl: string;
  /** NATS URL, JetStream enabled. */
  readonly natsUrl: string;
  /** Gateway HTTP port on 127.0.0.1. */
  readonly httpPort: number;
  /**
   * Where the services listen: a number lays them out from it (gRPC at
   * base+0..5, metrics at base+10..15); `'auto'` takes a free port for each.
   * @default the standard ports (gRPC 50051-50056, metrics 9101-9106)
   */
  readonly basePort?: number | 'auto' | undefined;
  /** Path of the root keyring JSON for crypto-worker. */
  readonly rootKeyringFile: string;
  /** Path of the identities seed JSON for policy-authorizer. */
  readonly identitiesFile: string;
  /**
   * Path of the 32-byte base64 key policy-authorizer seals secret access keys
   * under. Absent: a random key for this cluster's life, passed inline (fine
   * for throwaway clusters on a fresh database; a key that changes makes
   * stored secrets unreadable).
   */
  readonly identityKeyFile?: string | undefined;
  /** Path of the quota overrides JSON for quota-limiter. */
  readonly quotaFile?: string | undefined;
  /** Where quota-limiter keeps live overrides (SetQuota) across restarts. */
  readonly quotaStateFile?: string | undefined;
  /** Path of audit-log's Ed25519 signing key (PKCS#8 PEM). */
  readonly auditSigningKeyFile?: string | undefined;
  /** Subject and stream prefix on NATS. @default 'keyhold' */
  readonly natsPrefix?: string | undefined;
  /** LOG_LEVEL of every service. @default 'info' */
  readonly logLevel?: string | undefined;
  /** Region handed to the services as KEYHOLD_REGION. @default 'us-east-1' */
  readonly region?: string | undefined;
  /** Extra environment for every service (applied last). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Receives every line a service writes (stdout and stderr).
   * @default writes `[service] line` to stdout, pino JSON rendered readably
   */
  readonly onLog?: (service: ServiceName, line: string) => void;
  /** Called when a service exits on its own after the cluster started. */
  readonly onExit?: (
    service: ServiceName,
    code: number | null,
    signal: NodeJS.Signals | null,
  ) => void;
  /** Start each service in its own process group, so a terminal's Ctrl-C reaches only the parent. @default false */
  readonly detached?: boolean;
  /** Per service, how long to wait for health. @default 30_000 */
  readonly startTimeoutMs?: number;
  /** Per service, how long stop() waits after SIGTERM before SIGKILL. @default 10_000 */
  readonly stopTimeoutMs?: number;
  /** Repository root holding services/<name>/dist/main.js. @default found from this file */
  readonly rootDir?: string;
}

/** A running cluster. */
export interface Cluster {
  /** Gateway URL, e.g. `http://127.0.0.1:4599`. */
  readonly endpoint: string;
  /** host:port of each service's gRPC server; the gateway's HTTP address is `endpoint`. */
  readonly addresses: Readonly<Record<ServiceName, string>>;
  /** Metrics port of each service. */
  readonly metricsPorts: Readonly<Record<ServiceName, number>>;
  /** SIGTERM in reverse start order, each awaited (SIGKILL after stopTimeoutMs). Idempotent. */
  stop(): Promise<void>;
}

const LAST_LINES = 30;
const DEFAULT_ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Paths of the `services/<name>/dist/main.js` files that do not exist (not built yet). */
export function missingServices(rootDir: string = DEFAULT_ROOT_DIR): string[] {
  return SERVICES.map((s) => join(rootDir, 'services', s, 'dist', 'main.js')).filter(
    (p) => !existsSync(p),
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function resolvePorts(
  basePort: ClusterOptions['basePort'],
): Promise<Record<ServiceName, ServicePorts>> {
  const ports = {} as Record<ServiceName, ServicePorts>;
  const taken = new Set<number>();
  // The kernel rarely hands out the same free port twice in a row; rarely is not never.
  const distinctFreePort = async (): Promise<number> => {
    for (let i = 0; i < 20; i++) {
      const port = await freePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
    throw new Error('could not find distinct free ports');
  };
  for (const s of SERVICES) {
    if (basePort === undefined) ports[s] = DEFAULT_PORTS[s];
    else if (basePort === 'auto')
      ports[s] = { grpc: await distinctFreePort(), metrics: await distinctFreePort() };
    else ports[s] = { grpc: basePort + OFFSETS[s], metrics: basePort + 10 + OFFSETS[s] };
  }
  return ports;
}

/** The default `onLog`: `[service] line` on stdout, padded so columns line up. */
export function printLog(service: ServiceName, line: string, color = process.stdout.isTTY): void {
  const tag = `[${service}]`.padEnd(19);
  const rendered = renderLogLine(line, { color });
  process.stdout.write(
    `${rendered
      .split('\n')
      .map((l) => `${tag} ${l}`)
      .join('\n')}\n`,
  );
}

/** The environment of each service; only what the cluster decides (the parent's env is added around it). */
export function serviceEnv(
  service: ServiceName,
  ports: Readonly<Record<ServiceName, ServicePorts>>,
  options: Pick<
    ClusterOptions,
    | 'databaseUrl'
    | 'natsUrl'
    | 'httpPort'
    | 'rootKeyringFile'
    | 'identitiesFile'
    | 'identityKeyFile'
    | 'quotaFile'
    | 'quotaStateFile'
    | 'auditSigningKeyFile'
    | 'natsPrefix'
    | 'logLevel'
    | 'region'
  >,
): Record<string, string> {
  const addr = (s: ServiceName): string => `127.0.0.1:${ports[s].grpc}`;
  const env: Record<string, string> = {
    LOG_LEVEL: options.logLevel ?? 'info',
    METRICS_PORT: String(ports[service].metrics),
    DATABASE_URL: options.databaseUrl,
    NATS_URL: options.natsUrl,
    KEYHOLD_NATS_PREFIX: options.natsPrefix ?? 'keyhold',
    KEYHOLD_REGION: options.region ?? 'us-east-1',
    KEY_MANAGER_ADDR: addr('key-manager'),
    CRYPTO_WORKER_ADDR: addr('crypto-worker'),
    AUTHORIZER_ADDR: addr('policy-authorizer'),
    QUOTA_LIMITER_ADDR: addr('quota-limiter'),
    AUDIT_LOG_ADDR: addr('audit-log'),
  };
  env['GRPC_LISTEN'] = addr(service);
  if (service === 'gateway') env['HTTP_LISTEN'] = `127.0.0.1:${options.httpPort}`;
  if (service === 'crypto-worker') env['KEYHOLD_ROOT_KEYRING_FILE'] = options.rootKeyringFile;
  if (service === 'policy-authorizer') {
    env['KEYHOLD_IDENTITIES_FILE'] = options.identitiesFile;
    if (options.identityKeyFile !== undefined)
      env['KEYHOLD_IDENTITY_KEY_FILE'] = options.identityKeyFile;
  }
  if (service === 'quota-limiter' && options.quotaFile !== undefined)
    env['KEYHOLD_QUOTA_FILE'] = options.quotaFile;
  if (service === 'quota-limiter' && options.quotaStateFile !== undefined)
    env['KEYHOLD_QUOTA_STATE_FILE'] = options.quotaStateFile;
  if (service === 'audit-log' && options.auditSigningKeyFile !== undefined)
    env['KEYHOLD_AUDIT_SIGNING_KEY_FILE'] = options.auditSigningKeyFile;
  return env;
}

// Inline variants in the parent's environment would win over the files we pass.
const NOT_INHERITED = [
  'KEYHOLD_ROOT_KEYRING',
  'KEYHOLD_IDENTITIES',
  'KEYHOLD_IDENTITY_KEY',
  'KEYHOLD_IDENTITY_KEY_FILE',
  'KEYHOLD_QUOTA_FILE',
  'KEYHOLD_QUOTA_STATE_FILE',
  'KEYHOLD_AUDIT_SIGNING_KEY',
  'KEYHOLD_AUDIT_SIGNING_KEY_FILE',
  'GRPC_LISTEN',
  'HTTP_LISTEN',
];

interface Running {
  readonly service: ServiceName;
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<void>;
  done: boolean;
  /** Healthy once; from then on an exit is reported through onExit. */
  started: boolean;
}

function lastLines(r: Running): string {
  return r.lines.length > 0 ? `\n--- last ${r.service} output ---\n${r.lines.join('\n')}` : '';
}

async function exitsWithin(r: Running, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    return await Promise.race([r.exited.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopOne(r: Running, timeoutMs: number): Promise<void> {
  if (r.done) return;
  r.child.kill('SIGTERM');
  if (!(await exitsWithin(r, timeoutMs))) {
    r.child.kill('SIGKILL');
    await r.exited;
  }
}

/**
 * Starts the six services as separate `node services/<name>/dist/main.js`
 * processes, in dependency order, each only after the previous one reports
 * SERVING (the gateway: once its HTTP port accepts connections). A service
 * that exits or stays unhealthy fails the start with its last output lines,
 * after the ones already started are stopped.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const rootDir = options.rootDir ?? DEFAULT_ROOT_DIR;
  const missing = missingServices(rootDir);
  if (missing.length > 0) {
    throw new Error(
      `cannot start the cluster, services not built:\n${missing.map((p) => `  - ${p}`).join('\n')}\n` +
        'build them with `npx tsc -b` at the repository root',
    );
  }

  const ports = await resolvePorts(options.basePort);
  const onLog = options.onLog ?? ((s: ServiceName, line: string) => printLog(s, line));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const inherited: Record<string, string | undefined> = { ...process.env };
  for (const name of NOT_INHERITED) delete inherited[name];
  // One key for the cluster's life, so that restarted processes still open stored secrets.
  const identityKey: Record<string, string> =
    options.identityKeyFile === undefined
      ? { KEYHOLD_IDENTITY_KEY: randomBytes(32).toString('base64') }
      : {};

  const running: Running[] = [];
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      for (const r of [...running].reverse()) await stopOne(r, stopTimeoutMs);
    })());

  const launch = (service: ServiceName): Running => {
    const main = join(rootDir, 'services', service, 'dist', 'main.js');
    const env = {
      ...inherited,
      ...serviceEnv(service, ports, options),
      ...(service === 'policy-authorizer' ? identityKey : {}),
      ...options.env,
    };
    const child = spawn(process.execPath, [main], {
      cwd: rootDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    const lines: string[] = [];
    const r: Running = {
      service,
      child,
      lines,
      done: false,
      started: false,
      exited: new Promise((done) => {
        child.once('exit', (code, signal) => {
          r.done = true;
          if (!stopping && r.started) options.onExit?.(service, code, signal);
          done();
        });
        child.once('error', (err) => {
          lines.push(String(err));
          r.done = true;
          done();
        });
      }),
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        lines.push(line);
        if (lines.length > LAST_LINES) lines.shift();
        onLog(service, line);
      });
    }
    liveChildren.add(child);
    void r.exited.then(() => liveChildren.delete(child));
    running.push(r);
    return r;
  };

  const waitReady = async (r: Running): Promise<void> => {
    const deadline = Date.now() + startTimeoutMs;
    const ready = async (): Promise<boolean> => {
      if (r.service === 'gateway') return accepts(options.httpPort);
      try {
        return (await checkHealth(`127.0.0.1:${ports[r.service].grpc}`, 1_000)) === 'SERVING';
      } catch {
        return false;
      }
    };
    while (Date.now() < deadline) {
      if (r.done) {
        const { exitCode, signalCode } = r.child;
        throw new Error(
          `${r.service} exited during start (${signalCode ?? `exit code ${String(exitCode)}`})${lastLines(r)}`,
        );
      }
      if (await ready()) return;
      await sleep(150);
    }
    throw new Error(`${r.service} not healthy after ${startTimeoutMs} ms${lastLines(r)}`);
  };

  try {
    for (const service of SERVICES) {
      const r = launch(service);
      await waitReady(r);
      r.started = true;
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const addresses = Object.fromEntries(
    SERVICES.map((s) => [s, `127.0.0.1:${ports[s].grpc}`]),
  ) as Record<ServiceName, string>;
  const metricsPorts = Object.fromEntries(SERVICES.map((s) => [s, ports[s].metrics])) as Record<
    ServiceName,
    number
  >;
  return { endpoint: `http://127.0.0.1:${options.httpPort}`, addresses, metricsPorts, stop };
}

// Safety net: if the parent dies from an uncaught error, take the services along.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});
