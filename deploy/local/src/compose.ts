import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The part of a docker-compose service that Keyhold's tests read. */
export interface ComposeService {
  readonly image?: string;
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string | number | boolean | null>>;
  readonly depends_on?: Readonly<Record<string, { readonly condition?: string }>>;
  readonly secrets?: readonly (string | { readonly source: string })[];
  readonly ports?: readonly string[];
  readonly healthcheck?: { readonly test?: readonly string[]; readonly disable?: boolean };
}

/** The part of docker-compose.yml that Keyhold's tests read. */
export interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly secrets?: Readonly<Record<string, { readonly file: string }>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

/** The repository's docker-compose.yml. */
export const COMPOSE_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../docker-compose.yml',
);

/** Where a compose file secret is mounted in its containers. */
export const SECRETS_DIR = '/run/secrets';

/** Parses a compose file (YAML merge keys `<<:` resolved, as compose does). */
export function parseCompose(text: string): ComposeFile {
  const doc = parse(text, { merge: true }) as unknown;
  if (typeof doc !== 'object' || doc === null || !('services' in doc)) {
    throw new Error('not a compose file: no services');
  }
  return doc as ComposeFile;
}

/** Reads and parses {@link COMPOSE_FILE} (or `path`). */
export function readCompose(path: string = COMPOSE_FILE): ComposeFile {
  return parseCompose(readFileSync(path, 'utf8'));
}

/**
 * Compose's variable interpolation: `${X}`, `${X:-default}` (default when
 * unset or empty), `${X-default}` (default when unset) and `$$` for `$`.
 */
export function interpolate(
  value: string,
  vars: Readonly<Record<string, string | undefined>> = {},
): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (match, name: string | undefined, op: string | undefined, fallback: string | undefined) => {
      if (match === '$$') return '$';
      const v = vars[name ?? ''];
      if (op === ':-') return v === undefined || v === '' ? (fallback ?? '') : v;
      if (op === '-') return v ?? fallback ?? '';
      return v ?? '';
    },
  );
}

/** A service's environment as its container gets it (interpolated with `vars`). */
export function serviceEnvironment(
  compose: ComposeFile,
  service: string,
  vars: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
  const s = compose.services[service];
  if (s === undefined) throw new Error(`no service ${service} in the compose file`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(s.environment ?? {})) {
    env[name] = value === null ? '' : interpolate(String(value), vars);
  }
  return env;
}

/** Names of the secrets a service mounts. */
export function serviceSecrets(compose: ComposeFile, service: string): string[] {
  return (compose.services[service]?.secrets ?? []).map((s) =>
    typeof s === 'string' ? s : s.source,
  );
}

/**
 * Compose's start order: every service after the ones it `depends_on`
 * (stable otherwise, in file order). Throws on a cycle.
 */
export function startOrder(compose: ComposeFile): string[] {
  const names = Object.keys(compose.services);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: readonly string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`depends_on cycle: ${[...path, name].join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const dep of Object.keys(compose.services[name]?.depends_on ?? {})) {
      if (compose.services[dep] === undefined) throw new Error(`${name} depends on unknown ${dep}`);
      visit(dep, [...path, name]);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of names) visit(name, []);
  return order;
}

/**
 * Rewrites every `host:port` in the values of `env` through `addresses`
 * (e.g. `key-manager:50052` -> `127.0.0.1:41234`, `0.0.0.0:50052` -> the
 * same loopback port), and replaces whole values found in `values` (e.g. a
 * secret's path). Anything else is kept as written.
 */
export function rewriteEnvironment(
  env: Readonly<Record<string, string>>,
  addresses: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    out[name] =
      values[value] ??
      value.replace(/(?<=^|[/@])([A-Za-z0-9.-]+:\d{1,5})(?=$|[/?])/g, (hp) => addresses[hp] ?? hp);
  }
  return out;
}

/** Path of a file named in the compose file, relative to the repository root. */
export function composePath(path: string): string {
  return join(dirname(COMPOSE_FILE), path);
}
