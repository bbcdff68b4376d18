import { LOG_LEVELS, env, readEnv } from '@keyhold/core';

export const SERVICE_NAME = 'quota-limiter';

export interface Config {
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly grpcListen: string;
  readonly metricsPort: number;
  /** Path of the JSON overrides of the AWS default quotas; undefined for defaults only. */
  readonly quotaFile: string | undefined;
  /**
   * Where live overrides (SetQuota) are kept, same JSON format; undefined:
   * they live in memory only and a restart forgets them.
   */
  readonly stateFile: string | undefined;
  readonly leaseTtlMs: number;
  readonly idleBucketMs: number;
  /** One grant holds at most this many ms of a class's rate. */
  readonly maxGrantMs: number;
  /** Buckets fill from empty at start, so leases of a previous instance are not admitted twice. */
  readonly coldStart: boolean;
}

const schema = {
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50055'),
  METRICS_PORT: env.int({ min: 0, max: 65535, default: 9105 }),
  KEYHOLD_QUOTA_FILE: env.str(''),
  KEYHOLD_QUOTA_STATE_FILE: env.str(''),
  KEYHOLD_QUOTA_LEASE_TTL_MS: env.int({ min: 1, max: 60_000, default: 1000 }),
  KEYHOLD_QUOTA_IDLE_BUCKET_MS: env.int({ min: 1000, default: 60_000 }),
  KEYHOLD_QUOTA_MAX_GRANT_MS: env.int({ min: 1, max: 60_000, default: 100 }),
  KEYHOLD_QUOTA_COLD_START: env.bool(true),
};

/** Reads the service's environment; every problem is reported in one ConfigError. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const e = readEnv(SERVICE_NAME, schema, source);
  return Object.freeze({
    logLevel: e.LOG_LEVEL,
    grpcListen: e.GRPC_LISTEN,
    metricsPort: e.METRICS_PORT,
    quotaFile: e.KEYHOLD_QUOTA_FILE === '' ? undefined : e.KEYHOLD_QUOTA_FILE,
    stateFile: e.KEYHOLD_QUOTA_STATE_FILE === '' ? undefined : e.KEYHOLD_QUOTA_STATE_FILE,
    leaseTtlMs: e.KEYHOLD_QUOTA_LEASE_TTL_MS,
    idleBucketMs: e.KEYHOLD_QUOTA_IDLE_BUCKET_MS,
    maxGrantMs: e.KEYHOLD_QUOTA_MAX_GRANT_MS,
    coldStart: e.KEYHOLD_QUOTA_COLD_START,
  });
}
