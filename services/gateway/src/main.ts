import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  startMetricsServer,
} from '@keyhold/core';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  createQuotaLimiterClient,
} from '@keyhold/proto';
import { loadConfig } from './config.js';
import { startGateway } from './server.js';

const config = loadConfig(process.env);
const logger = createLogger({ service: 'gateway', level: config.logLevel });
const registry = createMetricsRegistry('gateway');

const keyManager = createKeyManagerClient(config.keyManagerAddr);
const cryptoWorker = createCryptoWorkerClient(config.cryptoWorkerAddr);
const authorizer = createAuthorizerClient(config.authorizerAddr);
const quotaLimiter = createQuotaLimiterClient(config.quotaLimiterAddr);
const bus = await connectBus({
  url: config.natsUrl,
  name: 'gateway',
  names: busNames(config.natsPrefix),
  logger,
});
const gateway = await startGateway(
  { logger, registry, keyManager, cryptoWorker, authorizer, quotaLimiter, bus },
  config,
);
const metricsServer = await startMetricsServer(registry, config.metricsPort, '127.0.0.1');
logger.info(
  { endpoint: gateway.endpoint, grpc: gateway.address, metricsPort: metricsServer.port },
  'gateway started',
);

handleShutdown(logger, () => [
  // Stops accepting, finishes in-flight requests and flushes audit batches.
  { name: 'gateway', run: () => gateway.close(8_000) },
  { name: 'metrics', run: () => metricsServer.close() },
  { name: 'nats', run: () => bus.close() },
  {
    name: 'clients',
    run: async () => {
      for (const c of [keyManager, cryptoWorker, authorizer, quotaLimiter]) c.close();
    },
  },
]);
