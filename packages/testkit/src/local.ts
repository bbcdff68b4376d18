import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, rm, stat } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';

/** A local server process started by this module. */
export interface LocalServer {
  /** Connection URL (`postgres://...` or `nats://...`) on 127.0.0.1. */
  readonly url: string;
  /** Stops the process (gracefully, then forcibly) and, unless kept, deletes its data. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startLocalPostgres}. */
export interface LocalPostgresOptions {
  /** Cluster directory; created (and initialised with `initdb`) when missing or empty. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /**
   * Reuse an existing cluster in `dataDir` and leave it in place on `stop()`.
   * Without it the directory is deleted on `stop()`.
   * @default false
   */
  readonly keep?: boolean;
  /**
   * Start the server in its own process group, so a Ctrl-C aimed at the
   * parent does not reach it and the parent decides the shutdown order.
   * @default false
   */
  readonly detached?: boolean;
  /** @default 60_000 */
  readonly startTimeoutMs?: number;
  /** More server settings (`-c name=value`), e.g. `{ shared_buffers: '1GB' }`. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Options of {@link startLocalNats}. */
export interface LocalNatsOptions {
  /** JetStream store directory; created when missing. Kept on `stop()` (the caller owns it). */
  readonly dataDir: string;
  /** Client port on 127.0.0.1. */
  readonly port: number;
  /** HTTP monitoring port, used to wait for `/healthz`. @default a free port */
  readonly monitorPort?: number;
  /** See {@link LocalPostgresOptions.detached}. @default false */
  readonly detached?: boolean;
  /** @default 30_000 */
  readonly startTimeoutMs?: number;
}

const LAST_LINES = 40;

/** Asks the kernel for a free TCP port on 127.0.0.1 (free now; a race with other processes stays possible). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:`port`. */
export async function isPortOpen(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 500,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Finds `initdb` and `postgres`: the newest /usr/lib/postgresql/<ver>/bin
 * (Debian keeps them off PATH), else PATH. Undefined when not installed.
 */
export function findPostgresBinaries(): { initdb: string; postgres: string } | undefined {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = join(base, v, 'bin');
      if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) {
        return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
      }
    }
  }
  const initdb = onPath('initdb');
  const server = onPath('postgres');
  return initdb !== undefined && server !== undefined ? { initdb, postgres: server } : undefined;
}

/** Finds `nats-server` on PATH (or /usr/sbin, where Debian puts it). */
export function findNatsServer(): string | undefined {
  return (
    onPath('nats-server') ??
    (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : undefined)
  );
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
  /** Prefix that makes `cmd` run as that user; `setpriv` execs in place, so signals reach the server itself. */
  readonly prefix: readonly string[];
}

// initdb and postgres refuse to run as root; as root we run them as the
// `postgres` system user that Debian's package creates.
function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string): number => {
    const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(
        'running as root, and initdb/postgres refuse root: a `postgres` system user is needed ' +
          '(apt-get install postgresql creates it)',
      );
    }
    return Number(r.stdout.trim());
  };
  const uid = id('-u');
  const gid = id('-g');
  if (existsSync('/usr/bin/setpriv') || onPath('setpriv') !== undefined) {
    return {
      uid,
      gid,
      prefix: ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'],
    };
  }
  return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
}

/** A child process whose last output lines are kept for error messages. */
class Tracked {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitedAlready = false;

  constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.lines.push(line);
        if (this.lines.length > LAST_LINES) this.lines.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitedAlready = true;
        resolve({ code, signal });
      });
      child.once('error', (err) => {
        this.lines.push(String(err));
        this.exitedAlready = true;
        resolve({ code: null, signal: null });
      });
    });
    liveChildren.add(child);
    void this.exited.then(() => liveChildren.delete(child));
  }

  failure(what: string): Error {
    const tail =
      this.lines.length > 0 ? `\n--- last ${this.name} output ---\n${this.lines.join('\n')}` : '';
    return new Error(`${this.name}: ${what}${tail}`);
  }

  /** Sends `signal`, then SIGKILL when the process has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    if (this.exitedAlready) return;
    this.child.kill(signal);
    if (!(await exitsWithin(this.exited, graceMs))) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Resolves true when `exited` settles within `ms`; the timer never outlives the wait. */
async function exitsWithin(exited: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([exited.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Safety net: a parent that dies from an uncaught error must not leave
// servers holding ports and data directories behind.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

async function run(cmd: readonly string[], name: string): Promise<void> {
  const [file, ...args] = cmd;
  if (file === undefined) throw new Error('empty command');
  const tracked = new Tracked(spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] }), name);
  const { code, signal } = await tracked.exited;
  if (code !== 0) throw tracked.failure(`failed (${signal ?? `exit code ${String(code)}`})`);
}

async function waitUntil(
  tracked: Tracked,
  timeoutMs: number,
  ready: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (tracked.exitedAlready) {
      const { code, signal } = await tracked.exited;
      throw tracked.failure(`exited during start (${signal ?? `exit code ${String(code)}`})`);
    }
    if (await ready()) return;
    await sleep(100);
  }
  await tracked.stop('SIGKILL', 1_000);
  throw tracked.failure(`not ready after ${timeoutMs} ms`);
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    await stat(dir);
  } catch {
    return true;
  }
  return readdirSync(dir).length === 0;
}

/**
 * Starts a throwaway (or, with `keep`, persistent) Postgres cluster from the
 * local binaries: superuser `postgres`, trust auth, only on 127.0.0.1, fsync
 * off. Resolves once it accepts connections; `url` points at database `postgres`.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalServer> {
  const bins = findPostgresBinaries();
  if (bins === undefined) {
    throw new Error(
      'postgres binaries not found (looked in /usr/lib/postgresql/*/bin and PATH): ' +
        'install them, e.g. `apt-get install postgresql`',
    );
  }
  const { dataDir, port } = options;
  const keep = options.keep ?? false;
  const runAs = postgresRunAs();
  const prefix = runAs?.prefix ?? [];

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs !== undefined) {
    await chown(dataDir, runAs.uid, runAs.gid);
    const probe = spawnSync(prefix[0] ?? 'true', [...prefix.slice(1), 'test', '-w', dataDir]);
    if (probe.status !== 0) {
      throw new Error(
        `the postgres user cannot write ${dataDir}: every parent directory must be searchable by it ` +
          '(e.g. chmod o+x on them), or use a data directory elsewhere',
      );
    }
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (!(await isEmptyOrMissing(dataDir))) {
      throw new Error(
        `${dataDir} is neither empty nor a Postgres cluster; refusing to initialise it`,
      );
    }
    await run(
      [
        ...prefix,
        bins.initdb,
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      'initdb',
    );
  }

  // The socket lives in the data directory: the default /var/run/postgresql
  // may be missing or not writable.
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dataDir}`,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => [
      '-c',
      `${name}=${value}`,
    ]),
  ];
  const [file, ...rest] = [...prefix, bins.postgres, ...args];
  const child = spawn(file ?? bins.postgres, rest, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const tracked = new Tracked(child, 'postgres');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  await waitUntil(tracked, options.startTimeoutMs ?? 60_000, async () => {
    if (!(await isPortOpen(port))) return false;
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return true;
    } catch {
      return false;
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  let stopping: Promise<void> | undefined;
  return {
    url,
    stop: () =>
      (stopping ??= (async () => {
        // SIGINT is Postgres' "fast" shutdown: it ends sessions instead of
        // waiting for clients to disconnect; SIGQUIT is the immediate one.
        if (!tracked.exitedAlready) {
          child.kill('SIGINT');
          if (!(await exitsWithin(tracked.exited, 15_000))) await tracked.stop('SIGQUIT', 5_000);
        }
        if (!keep) await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}

/**
 * Starts `nats-server` with JetStream on 127.0.0.1:`port`, storing in
 * `dataDir`. Resolves once `/healthz` (which includes JetStream) says ok.
 */
export async function startLocalNats(options: LocalNatsOptions): Promise<LocalServer> {
  const binary = findNatsServer();
  if (binary === undefined) {
    throw new Error(
      'nats-server not found on PATH: install it, e.g. `apt-get install nats-server`',
    );
  }
  const { dataDir, port } = options;
  const monitorPort = options.monitorPort ?? (await findFreePort());
  await mkdir(dataDir, { recursive: true });
  const child = spawn(
    binary,
    ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort), '-js', '-sd', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false },
  );
  const tracked = new Tracked(child, 'nats-server');

  await waitUntil(tracked, options.startTimeoutMs ?? 30_000, async () => {
    try {
      const res = await fetch(`http://127.0.0.1:${monitorPort}/healthz`, {
        signal: AbortSignal.timeout(1_000),
      });
      return res.ok;
    } catch {
      return false;
    }
  });

  let stopping: Promise<void> | undefined;
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: () => (stopping ??= tracked.stop('SIGTERM', 10_000)),
  };
}
