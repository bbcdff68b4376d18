import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  runProcesses,
  startMetricsServer,
} from '@keyhold/core';
import { createAuthorizerClient, createKeyManagerClient } from '@keyhold/proto';
import { loadConfig } from './config.js';
import type { Config } from './config.js';
import { startCryptoWorker } from './server.js';

const SERVICE = 'crypto-worker';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  await runProcesses({
    count: config.processes,
    metricsPort: config.metricsPort,
    start: () => serve(config),
    report: (line) => process.stderr.write(`${SERVICE} primary: ${line}\n`),
  });
}

async function serve(config: Config): Promise<void> {
  const logger = createLogger({ service: SERVICE, level: config.logLevel });
  const registry = createMetricsRegistry(SERVICE);
  const bus = await connectBus({
    url: config.natsUrl,
    name: SERVICE,
    names: busNames(config.natsPrefix),
    logger,
    streams: config.streams,
  });
  const keyManager = createKeyManagerClient(config.keyManagerAddr);
  const authorizer = createAuthorizerClient(config.authorizerAddr);
  const worker = await startCryptoWorker(
    { logger, keyring: config.rootKeyring, keyManager, authorizer, bus, registry },
    config,
  );
  const metrics = await startMetricsServer(registry, config.metricsPort);
  logger.info({ metricsPort: metrics.port }, 'metrics serving');

  handleShutdown(logger, () => [
    { name: 'grpc', run: () => worker.close(10_000) },
    {
      name: 'clients',
      run: async () => {
        keyManager.close();
        authorizer.close();
      },
    },
    { name: 'nats', run: () => bus.close() },
    { name: 'metrics', run: () => metrics.close() },
  ]);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): write the reason plainly and exit.
  process.stderr.write(
    `${SERVICE} failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
