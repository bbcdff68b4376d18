import { readFile } from 'node:fs/promises';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import { SERVICE_NAME, loadConfig } from './config.js';
import { MEMORY_STORE, fileOverrideStore } from './override-store.js';
import { NO_OVERRIDES, parseQuotaFile } from './quotas.js';
import { startQuotaLimiter } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const overrides = config.quotaFile
    ? parseQuotaFile(
        await readFile(config.quotaFile, 'utf8'),
        `KEYHOLD_QUOTA_FILE (${config.quotaFile})`,
      )
    : NO_OVERRIDES;
  const registry = createMetricsRegistry(SERVICE_NAME);
  const store = config.stateFile ? fileOverrideStore(config.stateFile) : MEMORY_STORE;
  if (!config.stateFile)
    logger.warn('KEYHOLD_QUOTA_STATE_FILE not set: live quota overrides are lost on restart');
  const server = await startQuotaLimiter({ logger, registry, overrides, store }, config);
  const metrics = await startMetricsServer(registry, config.metricsPort);
  server.serving();
  logger.info(
    {
      grpc: server.address,
      metricsPort: metrics.port,
      quotaFile: config.quotaFile,
      stateFile: config.stateFile,
    },
    'quota-limiter started',
  );
  handleShutdown(logger, () => [
    { name: 'grpc', run: () => server.close(5_000) },
    { name: 'metrics', run: () => metrics.close() },
  ]);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config), so report on stderr.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
