import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bus } from '@keyhold/bus';
import { isRegion } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { startGrpcServer } from '@keyhold/proto';
import type { AuthorizerMethods, Client, QuotaLimiterMethods } from '@keyhold/proto';
import { AuditPublisher } from './audit/publisher.js';
import { followIdentityChanges } from './auth/identity-changes.js';
import { SigV4Verifier } from './auth/verifier.js';
import type { Config } from './config.js';
import { nativeServiceDefinition, nativeServiceImplementation } from './grpc-api/kms-service.js';
import { createRequestHandler } from './handler.js';
import { createGatewayMetrics } from './metrics.js';
import type { Backends } from './protocol/operations.js';
import { createQuotaGate } from './quota/create.js';

export interface GatewayDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly keyManager: Backends['keyManager'];
  readonly cryptoWorker: Backends['cryptoWorker'];
  readonly authorizer: Pick<Client<AuthorizerMethods>, 'Authenticate'>;
  readonly quotaLimiter: Pick<Client<QuotaLimiterMethods>, 'Acquire' | 'Release'>;
  /**
   * Audit records go to JetStream; with `nc`, identity changes announced by
   * policy-authorizer evict cached signing keys (a deactivated access key
   * stops working at once rather than when its cache entry expires).
   */
  readonly bus: Pick<Bus, 'acks' | 'names'> & Partial<Pick<Bus, 'nc'>>;
  /** @default Date.now */
  readonly now?: () => number;
}

export type GatewayConfig = Pick<
  Config,
  'httpListen' | 'grpcListen' | 'maxBodyBytes' | 'bodyTimeoutMs'
> &
  Partial<
    Pick<
      Config,
      | 'auditFailMode'
      | 'auditWireFormat'
      | 'auditLingerMs'
      | 'quotaUnreachable'
      | 'quotaEnforce'
      | 'regions'
    >
  >;

export interface GatewayHandle {
  /** `http://host:port` of the AWS JSON endpoint. */
  readonly endpoint: string;
  /** `host:port` of the gRPC server: health and the native kms.v1 API. */
  readonly address: string;
  /**
   * Stops accepting, lets in-flight requests finish (up to `graceMs`, then
   * cuts connections), flushes audit batches and stops the gRPC server.
   * Leaves the deps (clients, NATS) to their owner.
   */
  close(graceMs?: number): Promise<void>;
}

/** Records of requests that failed before naming a valid region go to this subject token. */
const NO_REGION = 'none';
const RPC_TIMEOUT_MS = 2_000;
/** How long an audit batch waits for JetStream's ack (connectBus's `ackTimeoutMs`). */
export const AUDIT_ACK_TIMEOUT_MS = RPC_TIMEOUT_MS;

function splitHostPort(hostPort: string): { host: string; port: number } {
  const i = hostPort.lastIndexOf(':');
  return {
    host: hostPort.slice(0, i).replace(/^\[|\]$/g, ''),
    port: Number(hostPort.slice(i + 1)),
  };
}

/** Starts the HTTP endpoint and the gRPC health server; both ready when this resolves. */
export async function startGateway(
  deps: GatewayDeps,
  config: GatewayConfig,
): Promise<GatewayHandle> {
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  const metrics = createGatewayMetrics(deps.registry);
  const verifier = new SigV4Verifier({
    now,
    regions: config.regions ?? [],
    authenticate: async (request) => {
      const res = await deps.authorizer.Authenticate(request, { timeoutMs: RPC_TIMEOUT_MS });
      if (!res.principal || res.signingKey.length === 0) return undefined;
      return {
        caller: {
          accountId: res.principal.accountId,
          principalArn: res.principal.principalArn,
          accessKeyId: res.principal.accessKeyId || request.accessKeyId,
          ...(res.principal.servicePrincipal
            ? { servicePrincipal: res.principal.servicePrincipal }
            : {}),
        },
        signingKey: res.signingKey,
      };
    },
  });
  const identityChanges = deps.bus.nc
    ? followIdentityChanges(deps.bus.nc, deps.bus.names.identityChangedSubject, verifier, logger)
    : undefined;
  // The subscription is in place on the server before the first request is verified.
  await deps.bus.nc?.flush();
  const quotaGate = createQuotaGate(
    {
      now,
      registry: deps.registry,
      acquire: (request) => deps.quotaLimiter.Acquire(request, { timeoutMs: RPC_TIMEOUT_MS }),
      release: (request) => deps.quotaLimiter.Release(request, { timeoutMs: RPC_TIMEOUT_MS }),
      onAcquire: (quotaClass, _requested, granted) =>
        metrics.quotaAcquires.inc({
          quota_class: quotaClass,
          result: granted > 0 ? 'granted' : 'denied',
        }),
    },
    { unreachable: config.quotaUnreachable, enforce: config.quotaEnforce },
  );
  const quota = quotaGate.gate;
  const audit = new AuditPublisher({
    logger,
    subjectFor: (region) => deps.bus.names.auditSubject(isRegion(region) ? region : NO_REGION),
    publish: async (subject, data, msgId) => {
      await deps.bus.acks.publish(subject, data, msgId);
    },
    onPublishFailure: () => metrics.auditPublishFailures.inc(),
    failMode: config.auditFailMode ?? 'closed',
    ...(config.auditWireFormat === undefined ? {} : { wireFormat: config.auditWireFormat }),
    ...(config.auditLingerMs === undefined ? {} : { lingerMs: config.auditLingerMs }),
  });

  let closing = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const handler = createRequestHandler({
    backends: { keyManager: deps.keyManager, cryptoWorker: deps.cryptoWorker },
    verifier,
    quota,
    audit,
    metrics,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    bodyTimeoutMs: config.bodyTimeoutMs,
    closing: () => closing,
  });
  const server = http.createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    });
    handler(req, res);
  });
  // Slow headers get Node's own 408; slow bodies are bounded by the handler.
  server.headersTimeout = 10_000;
  server.requestTimeout = config.bodyTimeoutMs + 5_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err, socket) => {
    logger.debug({ err }, 'http client error');
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const { host, port } = splitHostPort(config.httpListen);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const shownHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const endpoint = `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? '127.0.0.1' : shownHost}:${bound.port}`;

  let grpc: Awaited<ReturnType<typeof startGrpcServer>>;
  try {
    grpc = await startGrpcServer(config.grpcListen, [
      [
        nativeServiceDefinition(),
        nativeServiceImplementation({
          backends: { keyManager: deps.keyManager, cryptoWorker: deps.cryptoWorker },
          verifier,
          quota,
          audit,
          metrics,
          logger,
        }),
      ],
    ]);
  } catch (err) {
    identityChanges?.unsubscribe();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
  grpc.serving();
  logger.info({ endpoint, grpc: grpc.address }, 'gateway listening');

  return {
    endpoint,
    address: grpc.address,
    close: async (graceMs = 10_000) => {
      closing = true;
      identityChanges?.unsubscribe();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      server.closeAllConnections();
      await stopped;
      await audit.flush();
      // Leased tokens this process will not spend go back to the shared quota.
      await quotaGate.close();
      await grpc.close(Math.min(graceMs, 5_000));
    },
  };
}
