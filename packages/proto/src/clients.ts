import * as grpc from '@grpc/grpc-js';
import { contextToMetadata } from './context.js';
import type { RequestContext } from './context.js';
import { fromServiceError } from './errors.js';
import { loadProto } from './loader.js';
import type { AcquireRequest } from './generated/keyhold/quota/v1/AcquireRequest.js';
import type { AcquireResponse__Output } from './generated/keyhold/quota/v1/AcquireResponse.js';
import type { GetQuotasRequest } from './generated/keyhold/quota/v1/GetQuotasRequest.js';
import type { GetQuotasResponse__Output } from './generated/keyhold/quota/v1/GetQuotasResponse.js';
import type { AuthenticateRequest } from './generated/keyhold/authorizer/v1/AuthenticateRequest.js';
import type { AuthenticateResponse__Output } from './generated/keyhold/authorizer/v1/AuthenticateResponse.js';
import type { AuthorizeRequest } from './generated/keyhold/authorizer/v1/AuthorizeRequest.js';
import type { AuthorizeResponse__Output } from './generated/keyhold/authorizer/v1/AuthorizeResponse.js';
import type { GetDecisionBundleRequest } from './generated/keyhold/authorizer/v1/GetDecisionBundleRequest.js';
import type { DecisionBundle__Output } from './generated/keyhold/authorizer/v1/DecisionBundle.js';
import type { LookupEventsRequest } from './generated/keyhold/audit/v1/LookupEventsRequest.js';
import type { LookupEventsResponse__Output } from './generated/keyhold/audit/v1/LookupEventsResponse.js';
import type { GenerateKeyMaterialRequest } from './generated/keyhold/crypto/v1/GenerateKeyMaterialRequest.js';
import type { GenerateKeyMaterialResponse__Output } from './generated/keyhold/crypto/v1/GenerateKeyMaterialResponse.js';
import type { GetKeyForCryptoRequest } from './generated/keyhold/keymanager/v1/GetKeyForCryptoRequest.js';
import type { GetKeyForCryptoResponse__Output } from './generated/keyhold/keymanager/v1/GetKeyForCryptoResponse.js';
import type { CreateKeyRequest } from './generated/kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse__Output } from './generated/kms/v1/CreateKeyResponse.js';
import type { DecryptRequest } from './generated/kms/v1/DecryptRequest.js';
import type { DecryptResponse__Output } from './generated/kms/v1/DecryptResponse.js';
import type { DescribeKeyRequest } from './generated/kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse__Output } from './generated/kms/v1/DescribeKeyResponse.js';
import type { EncryptRequest } from './generated/kms/v1/EncryptRequest.js';
import type { EncryptResponse__Output } from './generated/kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest } from './generated/kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse__Output } from './generated/kms/v1/GenerateDataKeyResponse.js';
import type { ListKeysRequest } from './generated/kms/v1/ListKeysRequest.js';
import type { ListKeysResponse__Output } from './generated/kms/v1/ListKeysResponse.js';

/** Per-call options of every typed client method. */
export interface CallOptions {
  /** Carried in metadata; omit for calls that need no caller (health, lookups). */
  readonly context?: RequestContext;
  /** @default 10_000 */
  readonly timeoutMs?: number;
}

type Method<Req, Res> = (request: Req, options?: CallOptions) => Promise<Res>;

/** A typed client: promise methods, errors rebuilt as KmsError, and close(). */
export type Client<M> = M & { close(): void; readonly raw: grpc.Client };

export interface KeyManagerMethods {
  CreateKey: Method<CreateKeyRequest, CreateKeyResponse__Output>;
  DescribeKey: Method<DescribeKeyRequest, DescribeKeyResponse__Output>;
  ListKeys: Method<ListKeysRequest, ListKeysResponse__Output>;
  GetKeyForCrypto: Method<GetKeyForCryptoRequest, GetKeyForCryptoResponse__Output>;
}

export interface CryptoWorkerMethods {
  Encrypt: Method<EncryptRequest, EncryptResponse__Output>;
  Decrypt: Method<DecryptRequest, DecryptResponse__Output>;
  GenerateDataKey: Method<GenerateDataKeyRequest, GenerateDataKeyResponse__Output>;
  GenerateKeyMaterial: Method<GenerateKeyMaterialRequest, GenerateKeyMaterialResponse__Output>;
}

export interface AuthorizerMethods {
  Authenticate: Method<AuthenticateRequest, AuthenticateResponse__Output>;
  Authorize: Method<AuthorizeRequest, AuthorizeResponse__Output>;
  GetDecisionBundle: Method<GetDecisionBundleRequest, DecisionBundle__Output>;
}

export interface QuotaLimiterMethods {
  Acquire: Method<AcquireRequest, AcquireResponse__Output>;
  GetQuotas: Method<GetQuotasRequest, GetQuotasResponse__Output>;
}

export interface AuditLogMethods {
  LookupEvents: Method<LookupEventsRequest, LookupEventsResponse__Output>;
}

export interface KeyManagementServiceMethods {
  CreateKey: Method<CreateKeyRequest, CreateKeyResponse__Output>;
  DescribeKey: Method<DescribeKeyRequest, DescribeKeyResponse__Output>;
  ListKeys: Method<ListKeysRequest, ListKeysResponse__Output>;
  Encrypt: Method<EncryptRequest, EncryptResponse__Output>;
  Decrypt: Method<DecryptRequest, DecryptResponse__Output>;
  GenerateDataKey: Method<GenerateDataKeyRequest, GenerateDataKeyResponse__Output>;
}

/** Channel options shared by every internal client. */
export const CLIENT_OPTIONS: grpc.ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.max_receive_message_length': 1024 * 1024,
  'grpc.enable_retries': 1,
};

type Ctor = new (address: string, creds: grpc.ChannelCredentials, options?: grpc.ChannelOptions) => grpc.Client;

function typedClient<M>(Constructor: Ctor, address: string, methods: readonly (keyof M & string)[]): Client<M> {
  const raw = new Constructor(address, grpc.credentials.createInsecure(), CLIENT_OPTIONS);
  const out: Record<string, unknown> = { raw, close: () => raw.close() };
  for (const name of methods) {
    const fn = (raw as unknown as Record<string, Function>)[name]!.bind(raw);
    out[name] = (request: unknown, options: CallOptions = {}) =>
      new Promise((resolve, reject) => {
        const md = options.context ? contextToMetadata(options.context) : new grpc.Metadata();
        const deadline = Date.now() + (options.timeoutMs ?? 10_000);
        fn(request, md, { deadline }, (err: grpc.ServiceError | null, res: unknown) => {
          if (err) reject(fromServiceError(err));
          else resolve(res);
        });
      });
  }
  return out as Client<M>;
}

export function createKeyManagerClient(address: string): Client<KeyManagerMethods> {
  return typedClient<KeyManagerMethods>(loadProto().keyhold.keymanager.v1.KeyManager, address, [
    'CreateKey',
    'DescribeKey',
    'ListKeys',
    'GetKeyForCrypto',
  ]);
}

export function createCryptoWorkerClient(address: string): Client<CryptoWorkerMethods> {
  return typedClient<CryptoWorkerMethods>(loadProto().keyhold.crypto.v1.CryptoWorker, address, [
    'Encrypt',
    'Decrypt',
    'GenerateDataKey',
    'GenerateKeyMaterial',
  ]);
}

export function createAuthorizerClient(address: string): Client<AuthorizerMethods> {
  return typedClient<AuthorizerMethods>(loadProto().keyhold.authorizer.v1.Authorizer, address, [
    'Authenticate',
    'Authorize',
    'GetDecisionBundle',
  ]);
}

export function createQuotaLimiterClient(address: string): Client<QuotaLimiterMethods> {
  return typedClient<QuotaLimiterMethods>(loadProto().keyhold.quota.v1.QuotaLimiter, address, [
    'Acquire',
    'GetQuotas',
  ]);
}

export function createAuditLogClient(address: string): Client<AuditLogMethods> {
  return typedClient<AuditLogMethods>(loadProto().keyhold.audit.v1.AuditLog, address, ['LookupEvents']);
}

export function createKmsClient(address: string): Client<KeyManagementServiceMethods> {
  return typedClient<KeyManagementServiceMethods>(loadProto().kms.v1.KeyManagementService, address, [
    'CreateKey',
    'DescribeKey',
    'ListKeys',
    'Encrypt',
    'Decrypt',
    'GenerateDataKey',
  ]);
}

/** Service definitions to pass to startGrpcServer. */
export function serviceDefinitions() {
  const p = loadProto();
  return {
    keyManager: p.keyhold.keymanager.v1.KeyManager.service,
    cryptoWorker: p.keyhold.crypto.v1.CryptoWorker.service,
    authorizer: p.keyhold.authorizer.v1.Authorizer.service,
    quotaLimiter: p.keyhold.quota.v1.QuotaLimiter.service,
    auditLog: p.keyhold.audit.v1.AuditLog.service,
    kms: p.kms.v1.KeyManagementService.service,
  };
}
