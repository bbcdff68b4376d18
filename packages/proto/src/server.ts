import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { isKmsError } from '@keyhold/core';
import type { Counter, Histogram, Logger } from '@keyhold/core';
import { contextFromMetadata } from './context.js';
import type { RequestContext } from './context.js';
import { toServiceError } from './errors.js';

/** What a unary handler gets besides its request. */
export interface CallInfo {
  readonly context: RequestContext;
  readonly metadata: grpc.Metadata;
  /** A child logger with requestId and op. */
  readonly logger: Logger;
  /** Set when the client went away or the deadline passed. */
  readonly signal: AbortSignal;
}

export type UnaryHandler<Req, Res> = (request: Req, call: CallInfo) => Promise<Res>;

export interface AdapterDeps {
  readonly logger: Logger;
  readonly metrics?: {
    readonly requests: Counter<'method' | 'code'>;
    readonly latency: Histogram<'method'>;
  };
}

/**
 * The single adapter every Keyhold gRPC handler goes through: reads the
 * request context, runs the handler, maps any error through the KmsError
 * table (unknown errors are logged with their stack and sent as
 * KMSInternalException), and calls back exactly once.
 */
export function unary<Req, Res>(
  method: string,
  handler: UnaryHandler<Req, Res>,
  deps: AdapterDeps,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const started = process.hrtime.bigint();
    const context = contextFromMetadata(call.metadata);
    const logger = deps.logger.child({ requestId: context.requestId, op: method });
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    let done = false;
    const finish = (code: string): void => {
      if (!deps.metrics) return;
      deps.metrics.requests.inc({ method, code });
      deps.metrics.latency.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    handler(call.request, { context, metadata: call.metadata, logger, signal: abort.signal }).then(
      (response) => {
        if (done) return;
        done = true;
        finish('OK');
        callback(null, response);
      },
      (err: unknown) => {
        if (done) return;
        done = true;
        if (isKmsError(err)) {
          logger.debug({ code: err.code }, 'request rejected');
        } else {
          logger.error({ err }, 'internal error');
        }
        // Callers of this adapter are Keyhold's services: the gateway records
        // the deny reason in the audit record and never passes it on.
        const se = toServiceError(err, context.requestId, { withAuditDetail: true });
        finish(isKmsError(err) ? err.code : 'KMSInternalException');
        callback(se as grpc.ServiceError, null);
      },
    );
  };
}

/**
 * Wraps a record of handlers into a grpc-js service implementation, each
 * through {@link unary}. `T` is a generated `XHandlers` interface.
 */
export function implement<H extends Record<string, UnaryHandler<never, unknown>>>(
  handlers: H,
  deps: AdapterDeps,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [method, handler] of Object.entries(handlers)) {
    impl[method] = unary(
      method,
      handler as UnaryHandler<unknown, unknown>,
      deps,
    ) as grpc.UntypedHandleCall;
  }
  return impl;
}

export interface GrpcServerHandle {
  readonly server: grpc.Server;
  readonly health: HealthImplementation;
  /** The bound `host:port` (with the real port when 0 was asked). */
  readonly address: string;
  readonly port: number;
  /** Marks the server SERVING for health checks. */
  serving(): void;
  /** NOT_SERVING, then a graceful shutdown bounded by `graceMs`, then forced. */
  close(graceMs?: number): Promise<void>;
}

/** gRPC options every Keyhold server uses. */
export const SERVER_OPTIONS: grpc.ServerOptions = {
  'grpc.max_receive_message_length': 1024 * 1024,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
  // Connections are long-lived and a Service balances connections, not calls:
  // asking clients to reconnect every few minutes (GOAWAY; calls in flight
  // get the grace to finish) lets them re-resolve and spread over replicas
  // added by autoscaling since they connected.
  'grpc.max_connection_age_ms': 5 * 60_000,
  'grpc.max_connection_age_grace_ms': 2 * 60_000,
  // Channelz (per-call and per-session trackers for the channelz service)
  // costs every call and nothing here serves or reads it; Prometheus covers it.
  'grpc.enable_channelz': 0,
};

/**
 * Starts a gRPC server with the health service (NOT_SERVING until
 * `serving()`), the given services, bound insecurely on `address`
 * (`host:port`; port 0 picks one).
 */
export async function startGrpcServer(
  address: string,
  services: ReadonlyArray<readonly [grpc.ServiceDefinition, grpc.UntypedServiceImplementation]>,
): Promise<GrpcServerHandle> {
  const server = new grpc.Server(SERVER_OPTIONS);
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  health.addToServer(server);
  for (const [definition, impl] of services) server.addService(definition, impl);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    );
  });
  const host = address.slice(0, address.lastIndexOf(':'));
  return {
    server,
    health,
    port,
    address: `${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
    serving: () => health.setStatus('', 'SERVING'),
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        health.setStatus('', 'NOT_SERVING');
        // With channelz off (SERVER_OPTIONS), grpc-js 1.14's forceShutdown no
        // longer reaches open sessions: it destroys only those its channelz
        // registry holds. drain does (GOAWAY now, cancel at the end of the
        // grace); it must come before tryShutdown, which would have closed the
        // sessions already and left drain nothing to cancel.
        server.drain(`${host}:${port}`, graceMs);
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        timer.unref();
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
