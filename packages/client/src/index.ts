export { createKeyholdClient, USER_AGENT } from './kms-client.js';
export type { CallOptions, KeyholdClient, KmsOperations } from './kms-client.js';
export {
  DEFAULT_ENDPOINT,
  DEFAULT_REGION,
  DEFAULT_TIMEOUT_MS,
  resolveClientOptions,
} from './options.js';
export type { ClientOptions, Credentials, ResolvedOptions } from './options.js';
export { DEFAULT_RETRY, backoffDelay, isRetryable } from './retry.js';
export type { RetryOptions } from './retry.js';
export { createEnvelope } from './envelope/envelope.js';
export type {
  ByteSource,
  DataKeyService,
  DecryptParams,
  EncryptParams,
  Envelope,
  EnvelopeOptions,
} from './envelope/envelope.js';
export { EnvelopeError, isEnvelopeError } from './envelope/envelope-error.js';
export type { EnvelopeErrorReason } from './envelope/envelope-error.js';
export { DEFAULT_FRAME_SIZE, FORMAT_VERSION, MAX_FRAME_SIZE } from './envelope/format.js';
export type { MessageHeader } from './envelope/format.js';
export { DataKeyCache } from './cache/data-key-cache.js';
export type { DataKeyCacheOptions, EncryptionMaterials } from './cache/data-key-cache.js';
export { KmsError, isKmsError } from '@keyhold/core';
export type { KmsErrorCode } from '@keyhold/core';
export type { EncryptionContext } from '@keyhold/envelope';
