import * as grpc from '@grpc/grpc-js';
import { signNativeCall } from '@keyhold/core/sigv4';
import { contextToMetadata } from './context.js';
import type { RequestContext } from './context.js';
import { fromServiceError } from './errors.js';
import { loadProto } from './loader.js';
import type { AuditLogClient } from './generated/keyhold/audit/v1/AuditLog.js';
import type { AuthorizerClient } from './generated/keyhold/authorizer/v1/Authorizer.js';
import type { IdentityAdminClient } from './generated/keyhold/authorizer/v1/IdentityAdmin.js';
import type { CryptoWorkerClient } from './generated/keyhold/crypto/v1/CryptoWorker.js';
import type { KeyManagerClient } from './generated/keyhold/keymanager/v1/KeyManager.js';
import type { QuotaLimiterClient } from './generated/keyhold/quota/v1/QuotaLimiter.js';
import type { KeyManagementServiceClient } from './generated/kms/v1/KeyManagementService.js';

/** Per-call options of every typed client method. */
export interface CallOptions {
  /** Carried in metadata; omit for calls that need no caller (health, lookups). */
  readonly context?: RequestContext;
  /** @default 10_000 */
  readonly timeoutMs?: number;
}

type Method<Req, Res> = (request: Req, options?: CallOptions) => Promise<Res>;

/**
 * The unary RPCs of a generated grpc-js client interface as promise methods.
 * RPC names are capitalised (the generated lower-case aliases and grpc.Client's
 * own methods are not); of overloads, inference reads the last one,
 * `(argument, callback)`.
 */
export type PromiseMethods<C> = {
  [K in keyof C as K extends string ? (K extends Capitalize<K> ? K : never) : never]: C[K] extends (
    argument: infer Req,
    callback: grpc.requestCallback<infer Res>,
  ) => grpc.ClientUnaryCall
    ? Method<Req, Res>
    : never;
};

/** A typed client: promise methods, errors rebuilt as KmsError, and close(). */
export type Client<M> = M & { close(): void; readonly raw: grpc.Client };

export type KeyManagerMethods = PromiseMethods<KeyManagerClient>;
export type CryptoWorkerMethods = PromiseMethods<CryptoWorkerClient>;
export type AuthorizerMethods = PromiseMethods<AuthorizerClient>;
export type QuotaLimiterMethods = PromiseMethods<QuotaLimiterClient>;
export type AuditLogMethods = PromiseMethods<AuditLogClient>;
export type IdentityAdminMethods = PromiseMethods<IdentityAdminClient>;
export type KeyManagementServiceMethods = PromiseMethods<KeyManagementServiceClient>;

/**
 * Channel options shared by every internal client. Calls are spread
 * round-robin over every address the target resolves to, so a target naming
 * a Kubernetes headless Service (`crypto-worker-headless.keyhold:50053`; the
 * default resolver is DNS) balances requests over its pods rather than
 * pinning one connection. Pods added later are picked up when the resolver
 * runs again: on a connection loss, which servers force every
 * `grpc.max_connection_age_ms` (see SERVER_OPTIONS).
 */
export const CLIENT_OPTIONS: grpc.ChannelOptions = {
  // grpc-js backs off reconnects from 1 s up to 120 s: after a peer restart a
  // client could sit disconnected for seconds (a gateway then fails closed on
  // quota). Peers are inside the cluster, so retry fast and never wait long.
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1_000,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.max_receive_message_length': 1024 * 1024,
  'grpc.enable_retries': 1,
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
  // As on servers (SERVER_OPTIONS): per-call tracking for a channelz service nobody runs.
  'grpc.enable_channelz': 0,
};

type Ctor = (new (
  address: string,
  creds: grpc.ChannelCredentials,
  options?: grpc.ChannelOptions,
) => grpc.Client) & { service: grpc.ServiceDefinition };

/** Extra metadata for one call, e.g. a SigV4 signature over the serialized request. */
type MetadataFor = (
  def: grpc.MethodDefinition<unknown, unknown>,
  request: unknown,
) => Promise<Record<string, string>>;

function typedClient<M>(Constructor: Ctor, address: string, metadataFor?: MetadataFor): Client<M> {
  const raw = new Constructor(address, grpc.credentials.createInsecure(), CLIENT_OPTIONS);
  const out: Record<string, unknown> = { raw, close: () => raw.close() };
  for (const [name, def] of Object.entries(Constructor.service)) {
    if (def.requestStream || def.responseStream) continue;
    type UnaryFn = (
      request: unknown,
      metadata: grpc.Metadata,
      options: grpc.CallOptions,
      callback: (err: grpc.ServiceError | null, res: unknown) => void,
    ) => grpc.ClientUnaryCall;
    const fn = (raw as unknown as Record<string, UnaryFn>)[name]!.bind(raw);
    const send = (request: unknown, options: CallOptions, extra: Record<string, string>) =>
      new Promise((resolve, reject) => {
        const md = options.context ? contextToMetadata(options.context) : new grpc.Metadata();
        for (const [k, v] of Object.entries(extra)) md.set(k, v);
        const deadline = Date.now() + (options.timeoutMs ?? 10_000);
        fn(request, md, { deadline }, (err, res) => {
          if (err) reject(fromServiceError(err));
          else resolve(res);
        });
      });
    // Unsigned clients (the hot path) stay free of an extra await.
    out[name] = metadataFor
      ? async (request: unknown, options: CallOptions = {}) =>
          send(request, options, await metadataFor(def, request))
      : (request: unknown, options: CallOptions = {}) => send(request, options, {});
  }
  return out as Client<M>;
}

export function createKeyManagerClient(address: string): Client<KeyManagerMethods> {
  return typedClient(loadProto().keyhold.keymanager.v1.KeyManager, address);
}

export function createCryptoWorkerClient(address: string): Client<CryptoWorkerMethods> {
  return typedClient(loadProto().keyhold.crypto.v1.CryptoWorker, address);
}

export function createAuthorizerClient(address: string): Client<AuthorizerMethods> {
  return typedClient(loadProto().keyhold.authorizer.v1.Authorizer, address);
}

export function createQuotaLimiterClient(address: string): Client<QuotaLimiterMethods> {
  return typedClient(loadProto().keyhold.quota.v1.QuotaLimiter, address);
}

export function createAuditLogClient(address: string): Client<AuditLogMethods> {
  return typedClient(loadProto().keyhold.audit.v1.AuditLog, address);
}

export function createKmsClient(address: string): Client<KeyManagementServiceMethods> {
  return typedClient(loadProto().kms.v1.KeyManagementService, address);
}

/** Credentials an identity administrator signs admin calls with. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The credential scope's region. @default us-east-1 */
  readonly region?: string;
}

/**
 * The authorizer's IdentityAdmin API. Each call is signed with SigV4 in
 * metadata over `POST <method path>` and the serialized request, as the
 * gateway's native kms.v1 API is (see services/gateway/src/grpc-api/kms-service.ts).
 */
export function createIdentityAdminClient(
  address: string,
  credentials: SigningCredentials,
): Client<IdentityAdminMethods> {
  return typedClient(loadProto().keyhold.authorizer.v1.IdentityAdmin, address, (def, request) =>
    signNativeCall({
      host: address,
      path: def.path,
      body: def.requestSerialize(request),
      region: credentials.region ?? 'us-east-1',
      credentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
      },
    }),
  );
}

/** Service definitions to pass to startGrpcServer. */
export function serviceDefinitions() {
  const p = loadProto();
  return {
    keyManager: p.keyhold.keymanager.v1.KeyManager.service,
    cryptoWorker: p.keyhold.crypto.v1.CryptoWorker.service,
    authorizer: p.keyhold.authorizer.v1.Authorizer.service,
    identityAdmin: p.keyhold.authorizer.v1.IdentityAdmin.service,
    quotaLimiter: p.keyhold.quota.v1.QuotaLimiter.service,
    auditLog: p.keyhold.audit.v1.AuditLog.service,
    kms: p.kms.v1.KeyManagementService.service,
  };
}
