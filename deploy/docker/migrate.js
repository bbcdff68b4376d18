// The one-shot migration step (compose's `migrate` service, the k8s Job):
// creates or updates the schemas of key-manager (`key_manager`),
// policy-authorizer (`policy_authorizer`) and audit-log (`audit`), then
// exits. The migrations are idempotent and take
// advisory locks, so services that still migrate at start are harmless.
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, env, readEnv } from '@keyhold/core';
import postgres from 'postgres';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The services are not libraries: their built schema modules are loaded by path.
const MIGRATIONS = [
  { schema: 'key_manager', file: 'services/key-manager/dist/schema.js', fn: 'migrateKeyManager' },
  {
    schema: 'policy_authorizer',
    file: 'services/policy-authorizer/dist/identity/schema.js',
    fn: 'migratePolicyAuthorizer',
  },
  { schema: 'audit', file: 'services/audit-log/dist/schema.js', fn: 'migrate' },
];

function log(msg, fields = {}) {
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: new Date().toISOString(), service: 'migrate', ...fields, msg })}\n`,
  );
}

/**
 * Runs every migration against DATABASE_URL, waiting up to
 * KEYHOLD_MIGRATE_WAIT_MS for Postgres to accept connections. Resolves to
 * the process exit code.
 */
export async function runMigrations(source) {
  let config;
  try {
    config = readEnv(
      'migrate',
      {
        DATABASE_URL: env.url(['postgres', 'postgresql']),
        KEYHOLD_MIGRATE_WAIT_MS: env.int({ min: 0, max: 600_000, default: 60_000 }),
      },
      source,
    );
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  const sql = postgres(config.DATABASE_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const deadline = Date.now() + config.KEYHOLD_MIGRATE_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await sql`select 1`;
        break;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        log('waiting for postgres', { attempt, reason: err instanceof Error ? err.message : '' });
        await sleep(1_000);
      }
    }
    for (const m of MIGRATIONS) {
      const mod = await import(pathToFileURL(join(root, m.file)).href);
      await mod[m.fn](sql);
      log('schema migrated', { schema: m.schema });
    }
    return 0;
  } catch (err) {
    process.stderr.write(`migrate failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
