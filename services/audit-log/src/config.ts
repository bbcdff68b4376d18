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
  });
}
