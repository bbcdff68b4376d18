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
  readonly identities: IdentitiesSource;
}

const schema = {
  LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  GRPC_LISTEN: env.hostPort('127.0.0.1:50054'),
  METRICS_PORT: env.int({ min: 0, max: 65535, default: 9104 }),
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
    identities: inline ? { kind: 'inline', json: inline } : { kind: 'file', path: file },
  } satisfies Config);
}
