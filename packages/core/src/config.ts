import { z } from 'zod';

/** Raised at start when the environment is wrong; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(service: string, problems: readonly string[]) {
    super(`invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const blankToUndefined = (v: unknown): unknown =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;

/**
 * Readers for environment variables, as zod schemas keyed by the variable
 * name. Each takes an optional default; without one the variable is required.
 */
export const env = {
  str: (defaultValue?: string) =>
    defaultValue === undefined
      ? z.preprocess(blankToUndefined, z.string())
      : z.preprocess(blankToUndefined, z.string().default(defaultValue)),
  int: (opts: { min?: number; max?: number; default?: number } = {}) => {
    let n = z.coerce.number().int();
    if (opts.min !== undefined) n = n.min(opts.min);
    if (opts.max !== undefined) n = n.max(opts.max);
    return opts.default === undefined
      ? z.preprocess(blankToUndefined, n)
      : z.preprocess(blankToUndefined, n.default(opts.default));
  },
  bool: (defaultValue: boolean) =>
    z.preprocess(
      blankToUndefined,
      z
        .enum(['true', 'false', '1', '0', 'yes', 'no'])
        .transform((v) => v === 'true' || v === '1' || v === 'yes')
        .default(defaultValue),
    ),
  url: (protocols: readonly string[], defaultValue?: string) => {
    const u = z.url().refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must be a ${protocols.join(' or ')} URL`,
    });
    return defaultValue === undefined
      ? z.preprocess(blankToUndefined, u)
      : z.preprocess(blankToUndefined, u.default(defaultValue));
  },
  /** `host:port`, e.g. a gRPC listen address or a peer's address. */
  hostPort: (defaultValue?: string) => {
    const hp = z
      .string()
      .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port');
    return defaultValue === undefined
      ? z.preprocess(blankToUndefined, hp)
      : z.preprocess(blankToUndefined, hp.default(defaultValue));
  },
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, defaultValue?: T[number]) =>
    defaultValue === undefined
      ? z.preprocess(blankToUndefined, z.enum(values))
      : z.preprocess(blankToUndefined, z.enum(values).default(defaultValue as never)),
};

/** Log levels accepted by LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Validates `source` (normally process.env) against `schema`, whose keys are
 * variable names, and returns a frozen result. Every problem is reported in
 * one {@link ConfigError}.
 */
export function readEnv<S extends z.ZodRawShape>(
  service: string,
  schema: S,
  source: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<z.ZodObject<S>>> {
  const parsed = z.object(schema).safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = i.path.join('.') || '(root)';
      const missing = i.code === 'invalid_type' && source[name] === undefined;
      return missing ? `${name}: is required` : `${name}: ${i.message}`;
    });
    throw new ConfigError(service, problems);
  }
  return Object.freeze(parsed.data);
}
