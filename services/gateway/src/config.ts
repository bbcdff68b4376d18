import { AUDIT_WIRE_FORMATS, STREAM_ENV, streamSettings } from '@keyhold/bus';
import type { AuditWireFormat, StreamSettings } from '@keyhold/bus';
import { LOG_LEVELS, env, isRegion, readEnv } from '@keyhold/core';
import { AUDIT_FAIL_MODES } from './audit/publisher.js';
import type { AuditFailMode } from './audit/publisher.js';
import { UNREACHABLE_MODES } from './quota/quota-gate.js';
import type { UnreachableMode } from './quota/quota-gate.js';

/** Everything the gateway reads from its environment, fully defaulted. */
export interface Config {
  /** `host:port` of the AWS JSON 1.1 HTTP endpoint. */
  readonly httpListen: string;
  /** `host:port` of the gRPC server: the native kms.v1 API and health. */
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly keyManagerAddr: string;
  readonly cryptoWorkerAddr: string;
  readonly authorizerAddr: string;
  readonly quotaLimiterAddr: string;
  readonly natsUrl: string;
  readonly natsPrefix: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Requests with a larger body get 413; AWS KMS payloads are a few KiB at most. */
  readonly maxBodyBytes: number;
  /** A body not fully received within this time gets 408 and the connection is closed. */
  readonly bodyTimeoutMs: number;
  /**
   * `closed`: a request whose audit record JetStream does not acknowledge fails
   * with DependencyTimeoutException (retryable); `open`: it is answered anyway.
   */
  readonly auditFailMode: AuditFailMode;
  /**
   * The audit batches' wire format: 2 (records as deltas, a quarter of the
   * bytes or less) once every audit-log reads it; 1 until then, since an
   * older audit-log drops version-2 records.
   */
  readonly auditWireFormat: AuditWireFormat;
  /**
   * How long a new audit batch, with none in flight, waits at most for the
   * records of requests already on their way (AuditPublisher's `lingerMs`).
   * 0: it leaves at the end of the loop turn whatever else is coming.
   */
  readonly auditLingerMs: number;
  /**
   * Once quota-limiter cannot be reached and leased tokens are spent:
   * `closed` fails requests with DependencyTimeoutException, `open` admits
   * them unmetered (counted).
   */
  readonly quotaUnreachable: UnreachableMode;
  /** false turns request quotas off (benchmarks of their cost). */
  readonly quotaEnforce: boolean;
  /**
   * Regions this gateway serves (a regional cell's); a request signed for
   * another is rejected as AWS rejects a credential scoped to the wrong
   * region. Empty: any region.
   */
  readonly regions: readonly string[];
  /** JetStream replicas and audit max age the streams are kept at. */
  readonly streams: StreamSettings;
}

const WIRE_FORMATS = AUDIT_WIRE_FORMATS.map(String) as ['1', '2'];

const regionList = (text: string): string[] =>
  text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');

/** Reads the gateway's configuration; every bad variable is reported at once. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const e = readEnv(
    'gateway',
    {
      HTTP_LISTEN: env.hostPort('127.0.0.1:4599'),
      GRPC_LISTEN: env.hostPort('127.0.0.1:50051'),
      METRICS_PORT: env.int({ min: 0, max: 65535, default: 9101 }),
      KEY_MANAGER_ADDR: env.hostPort('127.0.0.1:50052'),
      CRYPTO_WORKER_ADDR: env.hostPort('127.0.0.1:50053'),
      AUTHORIZER_ADDR: env.hostPort('127.0.0.1:50054'),
      QUOTA_LIMITER_ADDR: env.hostPort('127.0.0.1:50055'),
      NATS_URL: env.url(['nats'], 'nats://127.0.0.1:4222'),
      KEYHOLD_NATS_PREFIX: env.str('keyhold'),
      LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
      KEYHOLD_MAX_BODY_BYTES: env.int({ min: 1024, max: 16 * 1024 * 1024, default: 64 * 1024 }),
      KEYHOLD_BODY_TIMEOUT_MS: env.int({ min: 100, max: 300_000, default: 10_000 }),
      KEYHOLD_AUDIT_FAIL_MODE: env.oneOf(AUDIT_FAIL_MODES, 'closed'),
      KEYHOLD_AUDIT_WIRE_FORMAT: env.oneOf(WIRE_FORMATS, '2'),
      KEYHOLD_AUDIT_LINGER_MS: env.int({ min: 0, max: 50, default: 1 }),
      KEYHOLD_QUOTA_UNREACHABLE: env.oneOf(UNREACHABLE_MODES, 'closed'),
      KEYHOLD_QUOTA_ENFORCE: env.bool(true),
      KEYHOLD_REGIONS: env
        .str('')
        .refine(
          (text) => regionList(text).every(isRegion),
          'must be region names separated by commas, e.g. us-east-1,eu-west-1',
        ),
      ...STREAM_ENV,
    },
    source,
  );
  return Object.freeze({
    httpListen: e.HTTP_LISTEN,
    grpcListen: e.GRPC_LISTEN,
    metricsPort: e.METRICS_PORT,
    keyManagerAddr: e.KEY_MANAGER_ADDR,
    cryptoWorkerAddr: e.CRYPTO_WORKER_ADDR,
    authorizerAddr: e.AUTHORIZER_ADDR,
    quotaLimiterAddr: e.QUOTA_LIMITER_ADDR,
    natsUrl: e.NATS_URL,
    natsPrefix: e.KEYHOLD_NATS_PREFIX,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.KEYHOLD_MAX_BODY_BYTES,
    bodyTimeoutMs: e.KEYHOLD_BODY_TIMEOUT_MS,
    auditFailMode: e.KEYHOLD_AUDIT_FAIL_MODE,
    auditWireFormat: Number(e.KEYHOLD_AUDIT_WIRE_FORMAT) as AuditWireFormat,
    auditLingerMs: e.KEYHOLD_AUDIT_LINGER_MS,
    quotaUnreachable: e.KEYHOLD_QUOTA_UNREACHABLE,
    quotaEnforce: e.KEYHOLD_QUOTA_ENFORCE,
    regions: Object.freeze(regionList(e.KEYHOLD_REGIONS)),
    streams: streamSettings(e),
  });
}
