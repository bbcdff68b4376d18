export { PROTO_LOADER_OPTIONS, loadProto, protoRoot } from './loader.js';
export type { KeyholdProto } from './loader.js';
export { contextFromMetadata, contextToMetadata, systemContext } from './context.js';
export type { RequestContext } from './context.js';
export {
  DENY_REASON_KEY,
  ERROR_CODE_KEY,
  REQUEST_ID_KEY,
  fromServiceError,
  toServiceError,
} from './errors.js';
export type { ServiceErrorOptions } from './errors.js';
export { SERVER_OPTIONS, implement, startGrpcServer, unary } from './server.js';
export type { AdapterDeps, CallInfo, GrpcServerHandle, UnaryHandler } from './server.js';
export {
  CLIENT_OPTIONS,
  createAuditLogClient,
  createAuthorizerClient,
  createCryptoWorkerClient,
  createIdentityAdminClient,
  createKeyManagerClient,
  createKmsClient,
  createQuotaLimiterClient,
  serviceDefinitions,
} from './clients.js';
export type {
  AuditLogMethods,
  AuthorizerMethods,
  CallOptions,
  Client,
  CryptoWorkerMethods,
  IdentityAdminMethods,
  KeyManagementServiceMethods,
  KeyManagerMethods,
  PromiseMethods,
  QuotaLimiterMethods,
  SigningCredentials,
} from './clients.js';
export { checkHealth } from './health.js';
export type * from './types.js';
