import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

/** Repository root (this file is deploy/local/{src,dist}/manifests.*). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** One Kubernetes object as read from YAML (only what the checks touch is typed). */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
  readonly data?: Record<string, string>;
}

interface Kustomization {
  readonly namespace?: string;
  readonly resources?: readonly string[];
  readonly patches?: readonly { readonly path: string }[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

/**
 * The objects `kubectl kustomize <dir>` would emit, for the subset of
 * kustomize these manifests use: `resources` (files and directories),
 * `patches` (strategic-merge files; maps merge, anything else is replaced,
 * which is what kustomize does for the ConfigMap data patched here) and
 * `namespace`. Labels and image rewrites are left out: no check needs them.
 */
export function loadKustomization(dir: string): K8sObject[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      objects.push(...loadKustomization(path));
      continue;
    }
    objects.push(...readObjects(path));
  }
  for (const { path } of k.patches ?? []) {
    for (const patch of readObjects(join(dir, path))) {
      const i = objects.findIndex(
        (o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name,
      );
      if (i < 0) throw new Error(`${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      objects[i] = mergePatch(objects[i], patch) as K8sObject;
    }
  }
  if (k.namespace !== undefined) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }
  return objects;
}

function readObjects(path: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message ?? ''}`);
    const o = doc.toJS() as K8sObject | null;
    if (o !== null) objects.push(o);
  }
  return objects;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(target) || !isMap(patch)) return patch;
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(patch)) out[k] = mergePatch(target[k], v);
  return out;
}

/** `kind/namespace/name` of every object `kubectl kustomize` renders; undefined without kubectl. */
export function kubectlKustomizeIds(dir: string): string[] | undefined {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8sObject)
    .map(objectId)
    .sort();
}

/** `kind/namespace/name`, namespace `-` for cluster-scoped objects. */
export function objectId(o: K8sObject): string {
  return `${o.kind}/${o.metadata.namespace ?? '-'}/${o.metadata.name}`;
}

/** A config loader of a built service: takes an environment, throws ConfigError when wrong. */
export type ConfigLoader = (source: Readonly<Record<string, string | undefined>>) => unknown;

// Loaders outside config.ts that a service's main also feeds process.env.
const EXTRA_LOADERS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  gateway: [['backends/config.js', 'loadTransportConfig']],
};

/**
 * Every configuration loader a service's main.ts runs on its environment,
 * imported from the built `services/<name>/dist` (services are not libraries).
 */
export async function serviceConfigLoaders(service: string): Promise<ConfigLoader[]> {
  const dist = join(REPO_ROOT, 'services', service, 'dist');
  const wanted: (readonly [string, string])[] = [
    ['config.js', 'loadConfig'],
    ...(EXTRA_LOADERS[service] ?? []),
  ];
  const loaders: ConfigLoader[] = [];
  for (const [file, name] of wanted) {
    const path = join(dist, file);
    if (!existsSync(path)) {
      if (file === 'config.js') throw new Error(`${path} missing: build with npx tsc -b`);
      continue;
    }
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const fn = mod[name];
    if (typeof fn !== 'function') throw new Error(`${path} does not export ${name}`);
    loaders.push(fn as ConfigLoader);
  }
  return loaders;
}

/**
 * Runs a service's loaders on `env` and returns the variable names they read.
 * Throws what a loader throws (a ConfigError lists every problem).
 */
export async function variablesRead(
  service: string,
  env: Readonly<Record<string, string>>,
): Promise<Set<string>> {
  const read = new Set<string>();
  const source = new Proxy(
    { ...env },
    {
      get(target, property, receiver) {
        if (typeof property === 'string') read.add(property);
        return Reflect.get(target, property, receiver) as unknown;
      },
    },
  );
  for (const load of await serviceConfigLoaders(service)) load(source);
  return read;
}
