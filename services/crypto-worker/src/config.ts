import { STREAM_ENV, streamSettings } from '@keyhold/bus';
import type { StreamSettings } from '@keyhold/bus';
import { ConfigError, LOG_LEVELS, env, readEnv } from '@keyhold/core';
import { loadKeyring } from '@keyhold/envelope';
import type { RootKeyring } from '@keyhold/envelope';

const SERVICE = 'crypto-worker';

const schema = {
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50053'),
  METRICS_PORT: env.int({ min: 0, max: 65_535, default: 9103 }),
  NATS_URL: env.url(['nats'], 'nats://127.0.0.1:4222'),
  KEYHOLD_NATS_PREFIX: env.str('keyhold'),
  KEY_MANAGER_ADDR: env.hostPort('127.0.0.1:50052'),
  AUTHORIZER_ADDR: env.hostPort('127.0.0.1:50054'),
  KEYHOLD_KEY_CACHE_TTL_MS: env.int({ min: 1, max: 86_400_000, default: 300_000 }),
  KEYHOLD_CRYPTO_WORKER_PROCESSES: env.int({ min: 1, max: 64, default: 1 }),
  ...STREAM_ENV,
};

export interface Config {
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly natsUrl: string;
  readonly natsPrefix: string;
  readonly keyManagerAddr: string;
  readonly authorizerAddr: string;
  /** Safety TTL of cached keys, resolutions and decision bundles; events evict sooner. */
  readonly keyCacheTtlMs: number;
  /** Serving processes (node:cluster), sharing the gRPC port; one per core is the useful most. */
  readonly processes: number;
  /** JetStream replicas and audit max age the streams are kept at. */
  readonly streams: StreamSettings;
  /**
   * From exactly one of KEYHOLD_ROOT_KEYRING (inline JSON) or
   * KEYHOLD_ROOT_KEYRING_FILE (a path, read here once). Held as a keyring,
   * never as the raw JSON, so logging the config cannot leak root keys.
   */
  readonly rootKeyring: RootKeyring;
}

/** Reads and validates the environment; every problem is reported in one ConfigError. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  let base: ReturnType<typeof readEnv<typeof schema>> | undefined;
  try {
    base = readEnv(SERVICE, schema, source);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  if (base && !/^[A-Za-z0-9_-]+$/.test(base.KEYHOLD_NATS_PREFIX)) {
    problems.push('KEYHOLD_NATS_PREFIX: must be letters, digits, _ or -');
  }
  let rootKeyring: RootKeyring | undefined;
  try {
    rootKeyring = loadKeyring({
      inline: source['KEYHOLD_ROOT_KEYRING'],
      file: source['KEYHOLD_ROOT_KEYRING_FILE'],
    });
  } catch (err) {
    problems.push(`KEYHOLD_ROOT_KEYRING / KEYHOLD_ROOT_KEYRING_FILE: ${(err as Error).message}`);
  }
  if (problems.length > 0 || !base || !rootKeyring) throw new ConfigError(SERVICE, problems);
  return Object.freeze({
    logLevel: base.LOG_LEVEL,
    grpcListen: base.GRPC_LISTEN,
    metricsPort: base.METRICS_PORT,
    natsUrl: base.NATS_URL,
    natsPrefix: base.KEYHOLD_NATS_PREFIX,
    keyManagerAddr: base.KEY_MANAGER_ADDR,
    authorizerAddr: base.AUTHORIZER_ADDR,
    keyCacheTtlMs: base.KEYHOLD_KEY_CACHE_TTL_MS,
    processes: base.KEYHOLD_CRYPTO_WORKER_PROCESSES,
    streams: streamSettings(base),
    rootKeyring,
  });
}
