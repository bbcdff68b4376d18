export { KMS_ERRORS, KmsError, isKmsError, isKmsErrorCode, toKmsError } from './errors.js';
export type { KmsErrorAudit, KmsErrorCode, KmsErrorOptions } from './errors.js';
export {
  accountRootArn,
  isAccountId,
  isKeyId,
  isRegion,
  keyArn,
  keyStreamId,
  newKeyId,
  PRINCIPAL_ARN,
  parseAliasArn,
  parseKeyArn,
  parsePrincipalArn,
  parseKeyReference,
} from './ids.js';
export type { KeyArnParts, KeyReference } from './ids.js';
export { ConfigError, LOG_LEVELS, env, readEnv } from './config.js';
export { REDACT_PATHS, createLogger } from './logger.js';
export type { Logger, LoggerOptions } from './logger.js';
export {
  Counter,
  Gauge,
  Histogram,
  Registry,
  createMetricsRegistry,
  createRpcMetrics,
  startClusterMetricsServer,
  startMetricsServer,
} from './metrics.js';
export type { MetricsServer } from './metrics.js';
export { handleShutdown } from './lifecycle.js';
export type { ShutdownStep } from './lifecycle.js';
export { constantTimeEqual } from './secrets.js';
export { memoize } from './memo.js';
export { createSweeper } from './sweeper.js';
export type { Sweeper } from './sweeper.js';
export { KEY_STATES, KEY_USAGES, KEY_SPECS, ORIGINS } from './key-model.js';
export type { KeyStateName, KeyUsage, KeySpecName, Origin } from './key-model.js';
export { deriveSigningKey } from './sigv4/derive.js';
export { AWS_REGIONS, regionLabel } from './regions.js';
export { runProcesses } from './processes.js';
export type { ProcessesOptions } from './processes.js';
export { CRYPTO_SYMMETRIC_CLASS, SYMMETRIC_OPERATIONS } from './quota-classes.js';
