import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import type { Bus } from '@keyhold/bus';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type { LookupEventsRequest__Output, LookupEventsResponse } from '@keyhold/proto';
import type { Sql } from 'postgres';
import type { Config } from './config.js';
import { startAuditConsumer } from './consumer.js';
import { lookupEvents } from './store.js';

export interface AuditLogDeps {
  readonly sql: Sql;
  readonly bus: Pick<Bus, 'js' | 'jsm' | 'names'>;
  readonly logger: Logger;
  readonly registry: Registry;
}

export interface AuditLogHandle {
  readonly address: string;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  /** Stops consuming (the batch in hand is finished and acked), then closes the gRPC server. */
  close(graceMs?: number): Promise<void>;
}

/** Starts the audit consumer and the LookupEvents gRPC service. The schema must be migrated first. */
export async function startAuditLog(
  deps: AuditLogDeps,
  config: Pick<Config, 'grpcListen' | 'consumerName' | 'nakDelayMs'>,
): Promise<AuditLogHandle> {
  const metrics = {
    batches: new Counter({
      name: 'keyhold_audit_batches_total',
      help: 'Audit batches consumed, by result (stored, poison, retry)',
      labelNames: ['result'] as const,
      registers: [deps.registry],
    }),
    records: new Counter({
      name: 'keyhold_audit_records_total',
      help: 'Audit records consumed, by result (inserted, duplicate, rejected)',
      labelNames: ['result'] as const,
      registers: [deps.registry],
    }),
  };
  const consumer = await startAuditConsumer(
    { bus: deps.bus, sql: deps.sql, logger: deps.logger, metrics },
    { durableName: config.consumerName, nakDelayMs: config.nakDelayMs },
  );

  const handlers = {
    LookupEvents: async (req: LookupEventsRequest__Output): Promise<LookupEventsResponse> =>
      lookupEvents(deps.sql, req),
  };
  let server;
  try {
    server = await startGrpcServer(config.grpcListen, [
      [
        serviceDefinitions().auditLog,
        implement(handlers, { logger: deps.logger, metrics: createRpcMetrics(deps.registry) }),
      ],
    ]);
  } catch (err) {
    await consumer.stop();
    throw err;
  }
  const grpc = server;
  deps.logger.info({ address: grpc.address }, 'audit log listening');
  return {
    address: grpc.address,
    serving: () => grpc.serving(),
    close: async (graceMs) => {
      await consumer.stop();
      await grpc.close(graceMs);
    },
  };
}
