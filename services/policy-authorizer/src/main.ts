import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { busNames, connectBus } from '@keyhold/bus';
import {
  ConfigError,
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import { SERVICE_NAME, decodeIdentityKey, loadConfig } from './config.js';
import type { IdentitiesSource, IdentityKeySource } from './config.js';
import { validateIdentities } from './identities.js';
import type { IdentitiesDocument } from './identities.js';
import { startIdentityAnnouncer } from './identity/changes.js';
import { openIdentityDirectory } from './identity/directory.js';
import { migratePolicyAuthorizer } from './identity/schema.js';
import { createSecretBox } from './identity/secrets.js';
import { seedIdentities } from './identity/seed.js';
import { startPolicyAuthorizer } from './server.js';

async function loadSeed(
  source: IdentitiesSource | undefined,
): Promise<IdentitiesDocument | undefined> {
  if (!source) return undefined;
  if (source.kind === 'inline') return validateIdentities(source.json, 'KEYHOLD_IDENTITIES');
  return validateIdentities(
    await readFile(source.path, 'utf8'),
    `KEYHOLD_IDENTITIES_FILE (${source.path})`,
  );
}

async function loadIdentityKey(source: IdentityKeySource): Promise<Buffer> {
  if (source.kind === 'inline') return source.key;
  const key = decodeIdentityKey(await readFile(source.path, 'utf8'));
  if (!key) {
    throw new ConfigError(SERVICE_NAME, [
      `KEYHOLD_IDENTITY_KEY_FILE (${source.path}): must hold 32 bytes in base64`,
    ]);
  }
  return key;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const seed = await loadSeed(config.identities);
  const box = createSecretBox(await loadIdentityKey(config.identityKey));
  const sql = postgres(config.databaseUrl, { max: 5, onnotice: () => {} });
  await migratePolicyAuthorizer(sql);
  const directory = await openIdentityDirectory({ sql, box, logger });
  if (seed) {
    const created = await seedIdentities(directory, seed, logger);
    logger.info({ created }, 'identities seeded');
  }
  const registry = createMetricsRegistry(SERVICE_NAME);
  const bus = await connectBus({
    url: config.natsUrl,
    name: SERVICE_NAME,
    names: busNames(config.natsPrefix),
    logger,
  });
  const announcer = await startIdentityAnnouncer({
    sql,
    nc: bus.nc,
    subject: bus.names.identityChangedSubject,
    logger,
  });
  const server = await startPolicyAuthorizer(
    { logger, registry, identities: directory, directory, bus, announcer },
    config,
  );
  const metrics = await startMetricsServer(registry, config.metricsPort);
  server.serving();
  logger.info({ grpc: server.address, metricsPort: metrics.port }, 'policy-authorizer started');
  handleShutdown(logger, () => [
    { name: 'grpc', run: () => server.close(5_000) },
    { name: 'identity announcer', run: () => announcer.stop() },
    { name: 'nats', run: () => bus.close() },
    { name: 'metrics', run: () => metrics.close() },
    {
      name: 'postgres',
      run: async () => {
        await directory.close();
        await sql.end({ timeout: 5 });
      },
    },
  ]);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config), so report on stderr.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
