import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Sql } from 'postgres';
import { inject } from 'vitest';
import './provided-context.js';

export {
  findFreePort,
  findNatsServer,
  findPostgresBinaries,
  isPortOpen,
  startLocalNats,
  startLocalPostgres,
} from './local.js';
export type { LocalNatsOptions, LocalPostgresOptions, LocalServer } from './local.js';
export { dockerAvailable } from './docker.js';

/** A fresh, empty database on the run's shared Postgres. */
export interface TestDatabase {
  /** URL of this database (superuser). */
  readonly url: string;
  /** A small pool on this database; `drop()` closes it. */
  readonly sql: Sql;
  /** Closes `sql`, ends every other session on the database, and drops it. */
  drop(): Promise<void>;
}

const quiet = { onnotice: () => {} } as const;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates `t_<random>` on the run's Postgres (provided by the testkit
 * globalSetup). One per test file, created in `beforeAll`, dropped in
 * `afterAll` after closing your own connections to it.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseUrl');
  const name = `t_${randomBytes(8).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(adminUrl, name);
  const sql = postgres(url, { max: 5, ...quiet });
  let dropping: Promise<void> | undefined;
  return {
    url,
    sql,
    drop: () =>
      (dropping ??= (async () => {
        await sql.end({ timeout: 5 });
        const dropper = postgres(adminUrl, { max: 1, ...quiet });
        try {
          // Services under test may still hold pooled connections; they would block the drop.
          await dropper`
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = ${name} AND pid <> pg_backend_pid()`;
          await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await dropper.end({ timeout: 5 });
        }
      })()),
  };
}

/** URL of the run's NATS server (JetStream enabled), provided by the testkit globalSetup. */
export function testNatsUrl(): string {
  return inject('natsUrl');
}

/**
 * A unique prefix (`t<12 hex>`) for `busNames(prefix)`, so the streams and
 * subjects of one test file never meet another's on the shared NATS.
 */
export function testBusPrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}
