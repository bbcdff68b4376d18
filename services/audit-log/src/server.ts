import { Counter, Gauge, KmsError, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import type { Bus } from '@keyhold/bus';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  CountRequestsRequest__Output,
  CountRequestsResponse,
  GetAuditPublicKeyResponse,
  ListDigestsRequest__Output,
  ListDigestsResponse,
  LookupEventsRequest__Output,
  LookupEventsResponse,
  VerifyChainRequest__Output,
  VerifyChainResponse,
} from '@keyhold/proto';
import type { Sql } from 'postgres';
import type { Config } from './config.js';
import { startAuditConsumer } from './consumer.js';
import { applyRetention } from './retention.js';
import { publicKeyPem } from './signing.js';
import type { SigningKey } from './signing.js';
import { digestIdleChains, lookupEvents } from './store.js';
import { countRequests } from './usage.js';
import { verifyChains } from './verify.js';

export interface AuditLogDeps {
  readonly sql: Sql;
  readonly bus: Pick<Bus, 'js' | 'jsm' | 'names'>;
  readonly logger: Logger;
  readonly registry: Registry;
  /** From `loadSigningKey`. */
  readonly signingKey: SigningKey;
}

export type AuditLogConfig = Pick<Config, 'grpcListen' | 'consumerName' | 'nakDelayMs'> &
  Partial<
    Pick<
      Config,
      | 'ackWaitMs'
      | 'writeDelayMs'
      | 'digestEveryRecords'
      | 'digestIntervalMs'
      | 'retentionDays'
      | 'retentionIntervalMs'
    >
  >;

export interface AuditLogHandle {
  readonly address: string;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  /** Stops consuming (the batch in hand is stored and acked) and the jobs, then closes the gRPC server. */
  close(graceMs?: number): Promise<void>;
}

/** A periodic job that never overlaps itself and logs rather than throws. */
function every(ms: number, logger: Logger, name: string, run: () => Promise<void>) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((err: unknown) => logger.error({ err, job: name }, 'audit job failed'))
      .finally(() => {
        running = undefined;
      });
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Starts the audit consumer, the digest and retention jobs and the AuditLog
 * gRPC service. The schema must be migrated first.
 */
export async function startAuditLog(
  deps: AuditLogDeps,
  config: AuditLogConfig,
): Promise<AuditLogHandle> {
  const { logger, sql, signingKey } = deps;
  const retentionDays = config.retentionDays ?? 0;
  const registers = [deps.registry];
  const metrics = {
    batches: new Counter({
      name: 'keyhold_audit_batches_total',
      help: 'Audit batches consumed, by result (stored, poison, retry)',
      labelNames: ['result'] as const,
      registers,
    }),
    writes: new Counter({
      name: 'keyhold_audit_writes_total',
      help: 'Transactions that stored audit records (records inserted / writes = records per write)',
      registers,
    }),
    records: new Counter({
      name: 'keyhold_audit_records_total',
      help: 'Audit records consumed, by result (inserted, duplicate, rejected)',
      labelNames: ['result'] as const,
      registers,
    }),
    pending: new Gauge({
      name: 'keyhold_audit_consumer_pending_messages',
      help: 'Audit batches on the stream not yet delivered to audit-log (consumer lag)',
      registers,
    }),
    ackPending: new Gauge({
      name: 'keyhold_audit_consumer_ack_pending_messages',
      help: 'Audit batches delivered to audit-log and not yet stored',
      registers,
    }),
  };
  const digests = new Counter({
    name: 'keyhold_audit_digests_total',
    help: 'Signed digests written by the periodic job',
    registers,
  });
  const retained = new Counter({
    name: 'keyhold_audit_retention_deleted_total',
    help: 'Records deleted by retention',
    registers,
  });
  logger.info(
    { keyId: signingKey.keyId, source: signingKey.source, publicKey: signingKey.publicKeyPem },
    'audit digest signing key',
  );

  const consumer = await startAuditConsumer(
    {
      bus: deps.bus,
      sql,
      logger,
      metrics,
      chain: { signingKey, digestEvery: config.digestEveryRecords ?? 10_000 },
    },
    {
      durableName: config.consumerName,
      nakDelayMs: config.nakDelayMs,
      ...(config.ackWaitMs === undefined ? {} : { ackWaitMs: config.ackWaitMs }),
      ...(config.writeDelayMs === undefined ? {} : { writeDelayMs: config.writeDelayMs }),
    },
  );
  const digestInterval = config.digestIntervalMs ?? 60_000;
  const stopDigests = every(
    Math.max(100, Math.floor(digestInterval / 4)),
    logger,
    'digest',
    async () => {
      const signed = await digestIdleChains(sql, signingKey, digestInterval);
      digests.inc(signed.length);
    },
  );
  const stopRetention =
    retentionDays > 0
      ? every(config.retentionIntervalMs ?? 3_600_000, logger, 'retention', async () => {
          const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
          for (const r of await applyRetention(sql, cutoff)) {
            retained.inc(r.deleted);
            if (r.deleted > 0) logger.info({ ...r }, 'audit records past retention deleted');
          }
        })
      : async () => {};

  const handlers = {
    LookupEvents: async (req: LookupEventsRequest__Output): Promise<LookupEventsResponse> =>
      lookupEvents(sql, req),
    VerifyChain: async (req: VerifyChainRequest__Output): Promise<VerifyChainResponse> => {
      const key = req.trustedPublicKey;
      if (key !== undefined && key.length !== 0 && key.length !== 32) {
        throw KmsError.validation('trustedPublicKey must be a raw 32-byte Ed25519 public key.');
      }
      return verifyChains(sql, {
        region: req.region || undefined,
        trustedPublicKey: key && key.length === 32 ? key : undefined,
        retentionDays,
      });
    },
    GetPublicKey: async (): Promise<GetAuditPublicKeyResponse> => {
      const rows = await sql<{ key_id: string; public_key: Buffer }[]>`
        SELECT key_id, public_key FROM audit.public_keys ORDER BY first_used DESC`;
      const keys = rows.map((r) => ({
        keyId: r.key_id,
        publicKeyPem: publicKeyPem(r.public_key),
        publicKey: r.public_key,
        current: r.key_id === signingKey.keyId,
      }));
      return { keys: keys.sort((a, b) => Number(b.current) - Number(a.current)) };
    },
    ListDigests: async (req: ListDigestsRequest__Output): Promise<ListDigestsResponse> => {
      const limit = req.maxResults ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw KmsError.constraint('maxResults', limit, 'Member must be between 1 and 1000');
      }
      const rows = await sql<
        {
          region: string;
          from_sequence: string;
          to_sequence: string;
          last_hash: Buffer;
          digest_epoch: number;
          key_id: string;
          payload: string;
          signature: Buffer;
        }[]
      >`
        SELECT region, from_sequence, to_sequence, last_hash,
          extract(epoch FROM digest_time)::float8 AS digest_epoch, key_id, payload, signature
        FROM audit.digests WHERE region = ${req.region}
        ORDER BY to_sequence DESC LIMIT ${limit}`;
      return {
        digests: rows.map((r) => ({
          region: r.region,
          fromSequence: r.from_sequence,
          toSequence: r.to_sequence,
          lastHash: r.last_hash.toString('hex'),
          digestTime: r.digest_epoch,
          keyId: r.key_id,
          payload: r.payload,
          signature: r.signature,
        })),
      };
    },
    CountRequests: async (req: CountRequestsRequest__Output): Promise<CountRequestsResponse> =>
      countRequests(sql, req),
  };
  let server;
  try {
    server = await startGrpcServer(config.grpcListen, [
      [
        serviceDefinitions().auditLog,
        implement(handlers, { logger, metrics: createRpcMetrics(deps.registry) }),
      ],
    ]);
  } catch (err) {
    await Promise.all([consumer.stop(), stopDigests(), stopRetention()]);
    throw err;
  }
  const grpc = server;
  logger.info({ address: grpc.address }, 'audit log listening');
  return {
    address: grpc.address,
    serving: () => grpc.serving(),
    close: async (graceMs) => {
      await consumer.stop();
      await Promise.all([stopDigests(), stopRetention()]);
      await grpc.close(graceMs);
    },
  };
}
