import { STREAM_ENV, streamSettings } from '@keyhold/bus';
import type { StreamSettings } from '@keyhold/bus';
import { ConfigError, LOG_LEVELS, env, readEnv } from '@keyhold/core';

const SERVICE = 'key-manager';
const NATS_TOKEN = /^[A-Za-z0-9_-]+$/;

/** key-manager's settings, fully defaulted. */
export interface Config {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  /** `host:port` of the gRPC server; port 0 picks a free one (tests). */
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly cryptoWorkerAddr: string;
  readonly authorizerAddr: string;
  readonly natsPrefix: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Customer keys per account and region (AWS: 100,000). */
  readonly maxKeysPerRegion: number;
  /** Grants per key (AWS: 50,000). */
  readonly maxGrantsPerKey: number;
  /** Aliases per key (AWS: 50). */
  readonly maxAliasesPerKey: number;
  /** How often the deletion job and the rotation scheduler look for due keys. */
  readonly jobIntervalMs: number;
  /** Keys whose folded state stays in memory between commands. */
  readonly stateCacheSize: number;
  /** JetStream replicas and audit max age the streams are kept at. */
  readonly streams: StreamSettings;
}

const schema = {
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  NATS_URL: env.url(['nats'], 'nats://127.0.0.1:4222'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50052'),
  METRICS_PORT: env.int({ min: 0, max: 65535, default: 9102 }),
  CRYPTO_WORKER_ADDR: env.hostPort('127.0.0.1:50053'),
  AUTHORIZER_ADDR: env.hostPort('127.0.0.1:50054'),
  KEYHOLD_NATS_PREFIX: env.str('keyhold'),
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  KEYHOLD_MAX_KEYS_PER_REGION: env.int({ min: 1, default: 100_000 }),
  KEYHOLD_MAX_GRANTS_PER_KEY: env.int({ min: 1, default: 50_000 }),
  KEYHOLD_MAX_ALIASES_PER_KEY: env.int({ min: 1, default: 50 }),
  KEYHOLD_JOB_INTERVAL_MS: env.int({ min: 100, default: 60_000 }),
  KEYHOLD_STATE_CACHE_SIZE: env.int({ min: 0, default: 10_000 }),
  ...STREAM_ENV,
};

/** Reads the environment (normally process.env); every problem is reported in one ConfigError. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const extra: string[] = [];
  const prefix = source['KEYHOLD_NATS_PREFIX']?.trim();
  if (prefix && !NATS_TOKEN.test(prefix)) {
    extra.push('KEYHOLD_NATS_PREFIX: must be letters, digits, _ or - (one NATS subject token)');
  }
  let raw;
  try {
    raw = readEnv(SERVICE, schema, source);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(SERVICE, [...err.problems, ...extra]);
    throw err;
  }
  if (extra.length > 0) throw new ConfigError(SERVICE, extra);
  return Object.freeze({
    databaseUrl: raw.DATABASE_URL,
    natsUrl: raw.NATS_URL,
    grpcListen: raw.GRPC_LISTEN,
    metricsPort: raw.METRICS_PORT,
    cryptoWorkerAddr: raw.CRYPTO_WORKER_ADDR,
    authorizerAddr: raw.AUTHORIZER_ADDR,
    natsPrefix: raw.KEYHOLD_NATS_PREFIX,
    logLevel: raw.LOG_LEVEL,
    maxKeysPerRegion: raw.KEYHOLD_MAX_KEYS_PER_REGION,
    maxGrantsPerKey: raw.KEYHOLD_MAX_GRANTS_PER_KEY,
    maxAliasesPerKey: raw.KEYHOLD_MAX_ALIASES_PER_KEY,
    jobIntervalMs: raw.KEYHOLD_JOB_INTERVAL_MS,
    stateCacheSize: raw.KEYHOLD_STATE_CACHE_SIZE,
    streams: streamSettings(raw),
  });
}
