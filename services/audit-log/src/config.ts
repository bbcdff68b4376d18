import { STREAM_ENV, streamSettings } from '@keyhold/bus';
import type { StreamSettings } from '@keyhold/bus';
import { LOG_LEVELS, env, readEnv } from '@keyhold/core';

export const SERVICE_NAME = 'audit-log';

export interface Config {
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly natsPrefix: string;
  /** Durable consumer name on the audit stream. */
  readonly consumerName: string;
  /** Delay before a batch that failed on the database is redelivered. */
  readonly nakDelayMs: number;
  /** A batch delivered and not acked within this time (e.g. its process died) is redelivered. */
  readonly ackWaitMs: number;
  /** A small write waits this long for more records first (one transaction for many messages). */
  readonly writeDelayMs: number;
  /** Inline Ed25519 signing key (PKCS#8 PEM or base64 seed); a secret. */
  readonly signingKey: string | undefined;
  /** Path of a file holding the signing key; read by main. */
  readonly signingKeyFile: string | undefined;
  /** A digest is signed every this many records per region... */
  readonly digestEveryRecords: number;
  /** ...or this long after the last one, when records came in since. */
  readonly digestIntervalMs: number;
  /** Records older than this are deleted (a digest interval at a time); 0 keeps them forever. */
  readonly retentionDays: number;
  /** How often the retention job runs. */
  readonly retentionIntervalMs: number;
  /** JetStream replicas and audit max age the streams are kept at. */
  readonly streams: StreamSettings;
}

// Both become parts of NATS subjects, stream or consumer names.
const isToken = (s: string): boolean => /^[A-Za-z0-9_-]+$/.test(s);
const TOKEN_MESSAGE = 'must be letters, digits, _ or -';

const schema = {
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50056'),
  METRICS_PORT: env.int({ min: 0, max: 65535, default: 9106 }),
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  NATS_URL: env.url(['nats'], 'nats://127.0.0.1:4222'),
  KEYHOLD_NATS_PREFIX: env.str('keyhold').refine(isToken, TOKEN_MESSAGE),
  KEYHOLD_AUDIT_CONSUMER: env.str('audit-log').refine(isToken, TOKEN_MESSAGE),
  KEYHOLD_AUDIT_RETRY_DELAY_MS: env.int({ min: 100, max: 600_000, default: 5_000 }),
  KEYHOLD_AUDIT_ACK_WAIT_MS: env.int({ min: 1_000, max: 600_000, default: 30_000 }),
  KEYHOLD_AUDIT_WRITE_DELAY_MS: env.int({ min: 0, max: 10_000, default: 20 }),
  KEYHOLD_AUDIT_SIGNING_KEY: env.str(''),
  KEYHOLD_AUDIT_SIGNING_KEY_FILE: env.str(''),
  KEYHOLD_AUDIT_DIGEST_RECORDS: env.int({ min: 1, max: 10_000_000, default: 10_000 }),
  KEYHOLD_AUDIT_DIGEST_INTERVAL_MS: env.int({ min: 100, max: 86_400_000, default: 60_000 }),
  KEYHOLD_AUDIT_RETENTION_DAYS: env.int({ min: 0, max: 36_500, default: 0 }),
  KEYHOLD_AUDIT_RETENTION_INTERVAL_MS: env.int({
    min: 1_000,
    max: 86_400_000,
    default: 3_600_000,
  }),
  ...STREAM_ENV,
};

/** Reads the service's environment; every problem is reported in one ConfigError. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const e = readEnv(SERVICE_NAME, schema, source);
  return Object.freeze({
    logLevel: e.LOG_LEVEL,
    grpcListen: e.GRPC_LISTEN,
    metricsPort: e.METRICS_PORT,
    databaseUrl: e.DATABASE_URL,
    natsUrl: e.NATS_URL,
    natsPrefix: e.KEYHOLD_NATS_PREFIX,
    consumerName: e.KEYHOLD_AUDIT_CONSUMER,
    nakDelayMs: e.KEYHOLD_AUDIT_RETRY_DELAY_MS,
    ackWaitMs: e.KEYHOLD_AUDIT_ACK_WAIT_MS,
    writeDelayMs: e.KEYHOLD_AUDIT_WRITE_DELAY_MS,
    signingKey: e.KEYHOLD_AUDIT_SIGNING_KEY || undefined,
    signingKeyFile: e.KEYHOLD_AUDIT_SIGNING_KEY_FILE || undefined,
    digestEveryRecords: e.KEYHOLD_AUDIT_DIGEST_RECORDS,
    digestIntervalMs: e.KEYHOLD_AUDIT_DIGEST_INTERVAL_MS,
    retentionDays: e.KEYHOLD_AUDIT_RETENTION_DAYS,
    retentionIntervalMs: e.KEYHOLD_AUDIT_RETENTION_INTERVAL_MS,
    streams: streamSettings(e),
  });
}
