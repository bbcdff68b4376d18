import { ConfigError, LOG_LEVELS, env, readEnv } from '@keyhold/core';

export const SERVICE_NAME = 'policy-authorizer';

/** Where the identities document comes from: inline JSON or a file path. */
export type IdentitiesSource =
  | { readonly kind: 'inline'; readonly json: string }
  | { readonly kind: 'file'; readonly path: string };

/** Where the 32-byte identity key (base64) comes from: inline or a file path. */
export type IdentityKeySource =
  | { readonly kind: 'inline'; readonly key: Buffer }
  | { readonly kind: 'file'; readonly path: string };

export interface Config {
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly grpcListen: string;
  readonly metricsPort: number;
  readonly natsUrl: string;
  readonly natsPrefix: string;
  readonly databaseUrl: string;
  /** The seed document; absent: nothing is seeded. */
  readonly identities: IdentitiesSource | undefined;
  /** Seals secret access keys at rest (AES-256-GCM). */
  readonly identityKey: IdentityKeySource;
}

const schema = {
  DATABASE_URL: env.url(['postgres', 'postgresql']),
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
  }
  const keyInline = source['KEYHOLD_IDENTITY_KEY']?.trim() ?? '';
  const keyFile = source['KEYHOLD_IDENTITY_KEY_FILE']?.trim() ?? '';
  let key: Buffer | undefined;
  if (keyInline && keyFile) {
    problems.push('KEYHOLD_IDENTITY_KEY, KEYHOLD_IDENTITY_KEY_FILE: set only one of them');
  } else if (!keyInline && !keyFile) {
    problems.push('KEYHOLD_IDENTITY_KEY, KEYHOLD_IDENTITY_KEY_FILE: one of them is required');
  } else if (keyInline) {
    key = decodeIdentityKey(keyInline);
    // The value is a secret: the message never repeats it.
    if (!key) problems.push('KEYHOLD_IDENTITY_KEY: must be 32 bytes in base64');
  }
  if (problems.length > 0 || !parsed) throw new ConfigError(SERVICE_NAME, problems);
  return Object.freeze({
    logLevel: parsed.LOG_LEVEL,
    grpcListen: parsed.GRPC_LISTEN,
    metricsPort: parsed.METRICS_PORT,
    natsUrl: parsed.NATS_URL,
    natsPrefix: parsed.KEYHOLD_NATS_PREFIX,
    databaseUrl: parsed.DATABASE_URL,
    identities: inline
      ? { kind: 'inline', json: inline }
      : file
        ? { kind: 'file', path: file }
        : undefined,
    identityKey: key ? { kind: 'inline', key } : { kind: 'file', path: keyFile },
  } satisfies Config);
}

/** The identity key from its base64 text, or undefined unless that is exactly 32 bytes. */
export function decodeIdentityKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}
