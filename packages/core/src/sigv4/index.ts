// AWS Signature Version 4: deriving signing keys (policy-authorizer), verifying
// signatures (gateway, policy-authorizer's admin API) and signing native gRPC
// calls (clients, CLI, tests, benchmarks). Imported as '@keyhold/core/sigv4'.
export { deriveSigningKey } from './derive.js';
export * from './verify.js';
export { signNativeCall } from './sign.js';
export type { NativeSignInput } from './sign.js';
