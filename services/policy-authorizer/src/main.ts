import { readFile } from 'node:fs/promises';
import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import { SERVICE_NAME, loadConfig } from './config.js';
import type { IdentitiesSource } from './config.js';
import { parseIdentities } from './identities.js';
import type { IdentityStore } from './identities.js';
import { startPolicyAuthorizer } from './server.js';

async function loadIdentities(source: IdentitiesSource): Promise<IdentityStore> {
  if (source.kind === 'inline') return parseIdentities(source.json, 'KEYHOLD_IDENTITIES');
  return parseIdentities(
    await readFile(source.path, 'utf8'),
    `KEYHOLD_IDENTITIES_FILE (${source.path})`,
  );
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const identities = await loadIdentities(config.identities);
  const registry = createMetricsRegistry(SERVICE_NAME);
  const bus = await connectBus({
    url: config.natsUrl,
    name: SERVICE_NAME,
    names: busNames(config.natsPrefix),
    logger,
  });
  const server = await startPolicyAuthorizer({ logger, registry, identities, bus }, config);
  const metrics = await startMetricsServer(registry, config.metricsPort);
  server.serving();
  logger.info({ grpc: server.address, metricsPort: metrics.port }, 'policy-authorizer started');
  handleShutdown(logger, () => [
    { name: 'grpc', run: () => server.close(5_000) },
    { name: 'nats', run: () => bus.close() },
    { name: 'metrics', run: () => metrics.close() },
  ]);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config), so report on stderr.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
