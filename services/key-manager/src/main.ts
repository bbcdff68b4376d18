import postgres from 'postgres';
import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import { createAuthorizerClient, createCryptoWorkerClient } from '@keyhold/proto';
import { loadConfig } from './config.js';
import { migrateKeyManager } from './schema.js';
import { startKeyManager } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ service: 'key-manager', level: config.logLevel });
  try {
    const sql = postgres(config.databaseUrl, { max: 10, onnotice: () => {} });
    await migrateKeyManager(sql);
    const bus = await connectBus({
      url: config.natsUrl,
      name: 'key-manager',
      names: busNames(config.natsPrefix),
      logger,
      streams: config.streams,
    });
    const cryptoWorker = createCryptoWorkerClient(config.cryptoWorkerAddr);
    const authorizer = createAuthorizerClient(config.authorizerAddr);
    const metrics = createMetricsRegistry('key-manager');
    const metricsServer = await startMetricsServer(metrics, config.metricsPort);
    const keyManager = await startKeyManager(
      { sql, bus, logger, cryptoWorker, authorizer, metrics },
      config,
    );
    keyManager.serving();
    logger.info(
      { address: keyManager.address, metricsPort: metricsServer.port },
      'key-manager serving',
    );

    handleShutdown(logger, () => [
      // gRPC first so no new appends arrive, then the relay flushes what they left in the outbox.
      { name: 'grpc and outbox', run: () => keyManager.close(4_000) },
      { name: 'nats', run: () => bus.close() },
      {
        name: 'peers',
        run: async () => {
          cryptoWorker.close();
          authorizer.close();
        },
      },
      { name: 'metrics', run: () => metricsServer.close() },
      { name: 'postgres', run: () => sql.end({ timeout: 5 }) },
    ]);
  } catch (err) {
    logger.fatal({ err }, 'start failed');
    logger.flush();
    process.exit(1);
  }
}

void main();
