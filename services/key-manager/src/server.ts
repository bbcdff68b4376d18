import type postgres from 'postgres';
import type { Bus } from '@keyhold/bus';
import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { createOutboxRelay, createPostgresEventStore } from '@keyhold/eventstore';
import type { OutboxRelay } from '@keyhold/eventstore';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type { AuthorizerMethods, CryptoWorkerMethods } from '@keyhold/proto';
import { createAdminHandlers } from './admin.js';
import type { Config } from './config.js';
import { startJobScheduler } from './jobs/scheduler.js';
import type { JobScheduler } from './jobs/scheduler.js';
import { createKeyHandlers } from './key/handlers.js';
import { keyEventPublisher } from './outbox.js';
import { SCHEMA } from './schema.js';

/** Everything key-manager talks to, connected by main.ts (or a test). */
export interface KeyManagerDeps {
  /** A pool on a database already migrated with migrateKeyManager. */
  readonly sql: postgres.Sql;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly cryptoWorker: Pick<CryptoWorkerMethods, 'GenerateKeyMaterial'> &
    Partial<Pick<CryptoWorkerMethods, 'RewrapKeyMaterial'>>;
  readonly authorizer: Pick<AuthorizerMethods, 'Authorize'>;
  readonly metrics?: Registry;
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

export interface KeyManagerHandle {
  readonly address: string;
  readonly port: number;
  readonly relay: OutboxRelay;
  /** The deletion job and rotation scheduler; `runOnce()` runs them now. */
  readonly jobs: JobScheduler;
  /** Marks the gRPC health service SERVING. */
  serving(): void;
  /** NOT_SERVING, gRPC shutdown within `graceMs`, jobs stop, then the outbox relay flushes and stops. */
  close(graceMs?: number): Promise<void>;
}

export type KeyManagerConfig = Pick<Config, 'grpcListen' | 'maxKeysPerRegion'> &
  Partial<
    Pick<Config, 'maxGrantsPerKey' | 'maxAliasesPerKey' | 'jobIntervalMs' | 'stateCacheSize'>
  >;

/** Starts the KeyManager gRPC service, the outbox relay and the key jobs. */
export async function startKeyManager(
  deps: KeyManagerDeps,
  config: KeyManagerConfig,
): Promise<KeyManagerHandle> {
  const logger = deps.logger;
  const store = createPostgresEventStore(deps.sql, { schema: SCHEMA });
  const {
    jobs,
    cache: _cache,
    ...handlers
  } = createKeyHandlers({
    sql: deps.sql,
    store,
    cryptoWorker: deps.cryptoWorker,
    authorizer: deps.authorizer,
    logger,
    maxKeysPerRegion: config.maxKeysPerRegion,
    ...(config.maxGrantsPerKey !== undefined ? { maxGrantsPerKey: config.maxGrantsPerKey } : {}),
    ...(config.maxAliasesPerKey !== undefined ? { maxAliasesPerKey: config.maxAliasesPerKey } : {}),
    ...(config.stateCacheSize !== undefined ? { stateCacheSize: config.stateCacheSize } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.newId ? { newId: deps.newId } : {}),
  });
  const admin = createAdminHandlers({
    sql: deps.sql,
    cryptoWorker: deps.cryptoWorker.RewrapKeyMaterial
      ? { RewrapKeyMaterial: deps.cryptoWorker.RewrapKeyMaterial.bind(deps.cryptoWorker) }
      : undefined,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const published = deps.metrics
    ? new Counter({
        name: 'keyhold_outbox_published_total',
        help: 'Key events relayed from the outbox to JetStream, by event type',
        labelNames: ['type'],
        registers: [deps.metrics],
      })
    : undefined;
  const relay = createOutboxRelay({
    sql: deps.sql,
    schema: SCHEMA,
    publish: keyEventPublisher(deps.bus, published),
    logger: logger.child({ component: 'outbox' }),
  });
  await relay.start();
  const grpc = await startGrpcServer(config.grpcListen, [
    [
      serviceDefinitions().keyManager,
      implement(
        { ...handlers, ...admin },
        { logger, ...(deps.metrics ? { metrics: createRpcMetrics(deps.metrics) } : {}) },
      ),
    ],
  ]).catch(async (err: unknown) => {
    await relay.stop(1000);
    throw err;
  });
  const scheduler = startJobScheduler(jobs, {
    intervalMs: config.jobIntervalMs ?? 60_000,
    logger: logger.child({ component: 'jobs' }),
  });
  logger.info({ address: grpc.address }, 'key-manager listening');
  return {
    address: grpc.address,
    port: grpc.port,
    relay,
    jobs: scheduler,
    serving: () => grpc.serving(),
    close: async (graceMs = 10_000) => {
      await grpc.close(graceMs);
      await scheduler.stop();
      await relay.stop();
    },
  };
}
