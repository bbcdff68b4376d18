import { busNames, connectBus } from '@keyhold/bus';
import {
  createLogger,
  createMetricsRegistry,
  handleShutdown,
  runProcesses,
  startMetricsServer,
} from '@keyhold/core';
import {
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  createQuotaLimiterClient,
} from '@keyhold/proto';
import { loadTransportConfig } from './backends/config.js';
import { cryptoBackend } from './backends/crypto-backend.js';
import { createCryptoStreams } from './backends/crypto-streams.js';
import { loadConfig } from './config.js';
import { AUDIT_ACK_TIMEOUT_MS, startGateway } from './server.js';

const config = loadConfig(process.env);
const transport = loadTransportConfig(process.env);

async function serve(): Promise<void> {
  const logger = createLogger({ service: 'gateway', level: config.logLevel });
  const registry = createMetricsRegistry('gateway');

  const keyManager = createKeyManagerClient(config.keyManagerAddr);
  const cryptoUnary = createCryptoWorkerClient(config.cryptoWorkerAddr);
  const cryptoStreams =
    transport.cryptoTransport === 'stream'
      ? createCryptoStreams(config.cryptoWorkerAddr, {
          connections: transport.cryptoConnections,
          streamsPerConnection: transport.cryptoStreamsPerConnection,
          onStreamError: (err) => logger.warn({ err }, 'crypto-worker stream broken'),
        })
      : undefined;
  const cryptoWorker = cryptoBackend(cryptoUnary, cryptoStreams);
  const authorizer = createAuthorizerClient(config.authorizerAddr);
  const quotaLimiter = createQuotaLimiterClient(config.quotaLimiterAddr);
  const bus = await connectBus({
    url: config.natsUrl,
    name: 'gateway',
    names: busNames(config.natsPrefix),
    logger,
    streams: config.streams,
    ackTimeoutMs: AUDIT_ACK_TIMEOUT_MS,
  });
  const gateway = await startGateway(
    { logger, registry, keyManager, cryptoWorker, authorizer, quotaLimiter, bus },
    config,
  );
  const metricsServer = await startMetricsServer(registry, config.metricsPort);
  logger.info(
    {
      endpoint: gateway.endpoint,
      grpc: gateway.address,
      metricsPort: metricsServer.port,
      cryptoTransport: transport.cryptoTransport,
    },
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
        cryptoStreams?.close();
        for (const c of [keyManager, cryptoUnary, authorizer, quotaLimiter]) c.close();
      },
    },
  ]);
}

await runProcesses({
  count: transport.processes,
  metricsPort: config.metricsPort,
  start: serve,
  report: (line) => process.stderr.write(`gateway primary: ${line}\n`),
});
