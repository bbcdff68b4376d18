import { ConfigError, LOG_LEVELS, env, readEnv } from '@keyhold/core';

export const SERVICE_NAME = 'policy-authorizer';

/** Where the identities document comes from: inline JSON or a file path. */
export type IdentitiesSource =
  | { readonly kind: 'inline'; readonly json: string }
  | { readonly kind: 'file'; readonly path: string };

export interface Config {
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly natsUrl: string;
  readonly natsPrefix: string;
  readonly identities: IdentitiesSource;
}

const schema = {
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50054'),
  METRICS_PORT: env.int({ min: 0, max: 65535, default: 9104 }),
  NATS_URL: env.url(['nats'], 'nats://127.0.0.1:4222'),
  KEYHOLD_NATS_PREFIX: env.str('keyhold'),
};

/** Reads the service's environment; every problem is reported in one ConfigError. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  let parsed: ReturnType<typeof readEnv<typeof schema>> | undefined;
  try {
    parsed = readEnv(SERVICE_NAME, schema, source);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  if (parsed && !/^[A-Za-z0-9_-]+$/.test(parsed.KEYHOLD_NATS_PREFIX)) {
    problems.push('KEYHOLD_NATS_PREFIX: must be letters, digits, _ or -');
  }
  const inline = source['KEYHOLD_IDENTITIES']?.trim() ?? '';
  const file = source['KEYHOLD_IDENTITIES_FILE']?.trim() ?? '';
  if (inline && file) {
    problems.push('KEYHOLD_IDENTITIES, KEYHOLD_IDENTITIES_FILE: set only one of them');
  } else if (!inline && !file) {
    problems.push('KEYHOLD_IDENTITIES, KEYHOLD_IDENTITIES_FILE: one of them is required');
  }
  if (problems.length > 0 || !parsed) throw new ConfigError(SERVICE_NAME, problems);
  return Object.freeze({
    logLevel: parsed.LOG_LEVEL,
    grpcListen: parsed.GRPC_LISTEN,
    metricsPort: parsed.METRICS_PORT,
    natsUrl: parsed.NATS_URL,
    natsPrefix: parsed.KEYHOLD_NATS_PREFIX,
    identities: inline ? { kind: 'inline', json: inline } : { kind: 'file', path: file },
  } satisfies Config);
}
