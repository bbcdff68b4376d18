import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import { SERVICE_NAME, loadConfig } from './config.js';
import { migrate } from './schema.js';
import { startAuditLog } from './server.js';
import { loadSigningKey } from './signing.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const sql = postgres(config.databaseUrl, { max: 10, onnotice: () => {} });
  await migrate(sql);
  const bus = await connectBus({
    url: config.natsUrl,
    name: SERVICE_NAME,
    names: busNames(config.natsPrefix),
    logger,
    streams: config.streams,
  });
  const registry = createMetricsRegistry(SERVICE_NAME);
  const configuredKey = config.signingKeyFile
    ? await readFile(config.signingKeyFile, 'utf8')
    : config.signingKey;
  const signingKey = await loadSigningKey(sql, configuredKey);
  const server = await startAuditLog({ sql, bus, logger, registry, signingKey }, config);
  const metrics = await startMetricsServer(registry, config.metricsPort);
  server.serving();
  logger.info({ grpc: server.address, metricsPort: metrics.port }, 'audit-log started');
  handleShutdown(logger, () => [
    // Stops consuming first, finishing and acking the batch in hand.
    { name: 'audit', run: () => server.close(5_000) },
    { name: 'nats', run: () => bus.close() },
    { name: 'postgres', run: () => sql.end({ timeout: 5 }) },
    { name: 'metrics', run: () => metrics.close() },
  ]);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config), so report on stderr.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
