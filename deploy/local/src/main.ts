import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPortOpen, startLocalNats, startLocalPostgres } from '@keyhold/testkit/local';
import type { LocalServer } from '@keyhold/testkit/local';
import postgres from 'postgres';
import { DEFAULT_PORTS, SERVICES, missingServices, startCluster } from './cluster.js';
import type { Cluster } from './cluster.js';
import {
  identitiesFor,
  loadLauncherConfig,
  newAuditSigningKeyPem,
  newIdentityKey,
  newRootKeyring,
  startBanner,
} from './dev-config.js';
import type { LauncherConfig } from './dev-config.js';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const stateDir = join(rootDir, '.keyhold');
const DATABASE = 'keyhold';

const say = (line: string): void => void process.stdout.write(`[keyhold] ${line}\n`);

const DEV_KEYRING_WARNING = `
################################################################################
##  WARNING: created a DEVELOPMENT root keyring at .keyhold/dev-root-keyring.json
##  It is a plain file of random bytes on this disk. Every key of this local
##  cluster is protected by it. It is for development ONLY: never use it, or
##  this launcher, for real secrets. Deleting it makes all local keys useless.
################################################################################
`;

/**
 * Postgres data lives in .keyhold/pg. As root, Postgres runs as the
 * `postgres` user, which cannot enter a checkout under e.g. /root; then the
 * data goes to /var/lib/keyhold/<hash of this checkout>/pg instead, so that
 * `npm start` works wherever the repository was cloned.
 */
async function startPostgres(port: number): Promise<LocalServer> {
  const inRepo = join(stateDir, 'pg');
  say(`starting Postgres on 127.0.0.1:${port}`);
  try {
    return await startLocalPostgres({ dataDir: inRepo, port, keep: true, detached: true });
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('the postgres user cannot write'))
      throw err;
  }
  const hash = createHash('sha256').update(rootDir).digest('hex').slice(0, 12);
  const elsewhere = join('/var/lib/keyhold', hash, 'pg');
  await mkdir(dirname(elsewhere), { recursive: true, mode: 0o711 });
  say(`the postgres user cannot reach ${inRepo}; keeping Postgres data in ${elsewhere}`);
  return startLocalPostgres({ dataDir: elsewhere, port, keep: true, detached: true });
}

async function ensureDevRootKeyring(path: string): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(newRootKeyring())}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      say('using the development root keyring .keyhold/dev-root-keyring.json (development only)');
      return;
    }
    throw err;
  }
  process.stdout.write(DEV_KEYRING_WARNING);
}

/** Written once: secret access keys stored sealed under it stay readable across restarts. */
async function ensureDevIdentityKey(path: string): Promise<void> {
  try {
    await writeFile(path, `${newIdentityKey()}\n`, { flag: 'wx', mode: 0o600 });
    say('created a development identity key .keyhold/dev-identity-key (development only)');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Written once: digests signed under it stay verifiable across restarts. */
async function ensureDevAuditSigningKey(path: string): Promise<void> {
  try {
    await writeFile(path, newAuditSigningKeyPem(), { flag: 'wx', mode: 0o600 });
    say('created a development audit signing key .keyhold/dev-audit-signing-key.pem');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

async function ensureDatabase(adminUrl: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`;
    if (rows.length === 0) await sql.unsafe(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

// A leftover process from an earlier run is the usual cause; say so plainly.
async function assertPortsFree(config: LauncherConfig): Promise<void> {
  const wanted: [string, number][] = [
    ['Postgres (KEYHOLD_PG_PORT)', config.pgPort],
    ['NATS (KEYHOLD_NATS_PORT)', config.natsPort],
    ['gateway HTTP (KEYHOLD_HTTP_PORT)', config.httpPort],
    ...SERVICES.flatMap((s): [string, number][] => [
      [`${s} gRPC`, DEFAULT_PORTS[s].grpc],
      [`${s} metrics`, DEFAULT_PORTS[s].metrics],
    ]),
  ];
  const busy: string[] = [];
  for (const [what, port] of wanted)
    if (await isPortOpen(port)) busy.push(`${what}: 127.0.0.1:${port}`);
  if (busy.length > 0) {
    throw new Error(
      `ports already in use (is Keyhold already running?):\n${busy.map((b) => `  - ${b}`).join('\n')}`,
    );
  }
}

async function main(): Promise<number> {
  const config = loadLauncherConfig(process.env);
  const missing = missingServices(rootDir);
  if (missing.length > 0) {
    throw new Error(
      `services not built:\n${missing.map((p) => `  - ${p}`).join('\n')}\nbuild them with \`npx tsc -b\``,
    );
  }
  // Searchable but not listable by others: as root, Postgres runs as the
  // `postgres` user and must reach .keyhold/pg; the secrets files are 0600.
  await mkdir(stateDir, { recursive: true });
  await chmod(stateDir, 0o711);
  await assertPortsFree(config);

  let pg: LocalServer | undefined;
  let nats: LocalServer | undefined;
  let cluster: Cluster | undefined;
  let shuttingDown: Promise<void> | undefined;
  let exitCode = 0;
  const shutdown = (): Promise<void> =>
    (shuttingDown ??= (async () => {
      say('stopping');
      for (const step of [() => cluster?.stop(), () => nats?.stop(), () => pg?.stop()]) {
        try {
          await step();
        } catch (err) {
          exitCode = 1;
          say(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      say('stopped');
    })());

  let signalled: (() => void) | undefined;
  const signal = new Promise<void>((done) => {
    signalled = done;
  });
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    process.on(name, () => {
      if (shuttingDown !== undefined) say('already stopping');
      signalled?.();
    });
  }

  try {
    // Own process groups: a Ctrl-C reaches only us, and we stop things in order.
    pg = await startPostgres(config.pgPort);
    say(`starting NATS on 127.0.0.1:${config.natsPort} (data in .keyhold/nats)`);
    nats = await startLocalNats({
      dataDir: join(stateDir, 'nats'),
      port: config.natsPort,
      detached: true,
    });
    const databaseUrl = await ensureDatabase(pg.url);

    const rootKeyringFile = join(stateDir, 'dev-root-keyring.json');
    await ensureDevRootKeyring(rootKeyringFile);
    const auditSigningKeyFile = join(stateDir, 'dev-audit-signing-key.pem');
    await ensureDevAuditSigningKey(auditSigningKeyFile);
    const identitiesFile = join(stateDir, 'identities.json');
    await writeFile(
      identitiesFile,
      `${JSON.stringify(identitiesFor([config.main, config.alt], config.admin), null, 2)}\n`,
      {
        mode: 0o600,
      },
    );
    await chmod(identitiesFile, 0o600);
    const identityKeyFile = join(stateDir, 'dev-identity-key');
    await ensureDevIdentityKey(identityKeyFile);

    say('starting services');
    let crashed: (() => void) | undefined;
    const crash = new Promise<void>((done) => {
      crashed = done;
    });
    cluster = await startCluster({
      databaseUrl,
      natsUrl: nats.url,
      httpPort: config.httpPort,
      rootKeyringFile,
      identitiesFile,
      identityKeyFile,
      quotaFile: config.quotaFile,
      quotaStateFile: join(stateDir, 'quota-overrides.json'),
      auditSigningKeyFile,
      natsPrefix: config.natsPrefix,
      logLevel: config.logLevel,
      region: config.region,
      detached: true,
      onExit: (service, code, sig) => {
        say(
          `${service} exited unexpectedly (${sig ?? `exit code ${String(code)}`}); stopping everything`,
        );
        exitCode = 1;
        crashed?.();
      },
    });
    process.stdout.write(startBanner(config, cluster.endpoint));
    await Promise.race([signal, crash]);
  } catch (err) {
    exitCode = 1;
    say(`start failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await shutdown();
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[keyhold] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
