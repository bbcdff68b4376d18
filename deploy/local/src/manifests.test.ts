import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { createMetricsRegistry } from '@keyhold/core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from './cluster.js';
import type { ServiceName } from './cluster.js';
import {
  SECRETS_DIR,
  readCompose,
  serviceEnvironment,
  serviceSecrets,
  startOrder,
} from './compose.js';
import type { ComposeFile } from './compose.js';
import {
  REPO_ROOT,
  kubectlKustomizeIds,
  loadKustomization,
  objectId,
  variablesRead,
} from './manifests.js';
import type { K8sObject } from './manifests.js';

// Deployment files against the code: every variable they set is one a
// service's config loader reads, every required one is set (the loaders
// accept the environment), and ports, peers, probes and secrets line up.

let secretsDir: string;
let compose: ComposeFile;
let k8s: K8sObject[];

beforeAll(() => {
  secretsDir = mkdtempSync(join(tmpdir(), 'keyhold-manifests-'));
  execFileSync(process.execPath, ['deploy/compose/init.mjs', '--dir', secretsDir, '--quiet'], {
    cwd: REPO_ROOT,
  });
  compose = readCompose();
  k8s = loadKustomization(join(REPO_ROOT, 'deploy/k8s'));
});

afterAll(() => {
  rmSync(secretsDir, { recursive: true, force: true });
});

const portOf = (hostPort: string | undefined): number => {
  const m = /:(\d{1,5})$/.exec(hostPort ?? '');
  if (!m?.[1]) throw new Error(`not host:port: ${String(hostPort)}`);
  return Number(m[1]);
};

const PEER_VARIABLES = [
  'KEY_MANAGER_ADDR',
  'CRYPTO_WORKER_ADDR',
  'AUTHORIZER_ADDR',
  'QUOTA_LIMITER_ADDR',
  'AUDIT_LOG_ADDR',
] as const;

describe('compose secrets init (npm run compose:init)', () => {
  it('writes a random root keyring and the development identities, keeping the keyring', () => {
    const keyring = JSON.parse(readFileSync(join(secretsDir, 'root-keyring.json'), 'utf8')) as {
      current: number;
      keys: Record<string, string>;
    };
    expect(keyring.current).toBe(1);
    expect(Buffer.from(keyring.keys['1'] ?? '', 'base64')).toHaveLength(32);
    const identities = JSON.parse(readFileSync(join(secretsDir, 'identities.json'), 'utf8')) as {
      accounts: { accountId: string }[];
    };
    expect(identities.accounts.map((a) => a.accountId)).toEqual(['111122223333', '444455556666']);

    execFileSync(process.execPath, ['deploy/compose/init.mjs', '--dir', secretsDir, '--quiet'], {
      cwd: REPO_ROOT,
    });
    const again = JSON.parse(readFileSync(join(secretsDir, 'root-keyring.json'), 'utf8')) as {
      keys: Record<string, string>;
    };
    expect(again.keys['1']).toBe(keyring.keys['1']);
  });

  it('writes an Ed25519 audit signing key once, and keeps it', () => {
    const path = join(secretsDir, 'audit-signing-key.pem');
    const pem = readFileSync(path, 'utf8');
    expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    execFileSync(process.execPath, ['deploy/compose/init.mjs', '--dir', secretsDir, '--quiet'], {
      cwd: REPO_ROOT,
    });
    expect(readFileSync(path, 'utf8')).toBe(pem);
  });
});

/** The stream settings each service that configures the streams is given. */
function streamSettingsOf(envs: readonly Record<string, string>[]): Set<string> {
  return new Set(
    envs
      .filter((e) => e['KEYHOLD_NATS_REPLICAS'] !== undefined)
      .map((e) => `${e['KEYHOLD_NATS_REPLICAS']} ${e['KEYHOLD_AUDIT_STREAM_MAX_AGE'] ?? ''}`),
  );
}

describe('docker-compose.yml', () => {
  const keyholdServices = (): string[] =>
    Object.keys(compose.services).filter((s) => !['postgres', 'nats'].includes(s));

  it('runs the six services, a one-shot migration, Postgres and NATS', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...SERVICES, 'migrate', 'nats', 'postgres'].sort(),
    );
    for (const s of keyholdServices()) {
      expect(compose.services[s]?.image, s).toMatch(/^keyhold:/);
      expect(compose.services[s]?.command, s).toEqual([s]);
    }
    for (const s of SERVICES) {
      expect(compose.services[s]?.healthcheck?.test, s).toEqual([
        'CMD',
        'node',
        'deploy/docker/entrypoint.js',
        'health',
      ]);
    }
    expect(compose.services['migrate']?.healthcheck?.disable).toBe(true);
    const nats = compose.services['nats'] as { command?: string[]; volumes?: string[] };
    expect(nats.command).toContain('-js');
    expect(nats.command?.[nats.command.indexOf('-sd') + 1]).toBe('/data');
    expect(nats.volumes).toContain('nats-data:/data');
  });

  it('starts the services in the order npm start does, each after what it needs', () => {
    const order = startOrder(compose);
    expect(order.filter((s) => (SERVICES as readonly string[]).includes(s))).toEqual([...SERVICES]);
    for (const s of keyholdServices()) {
      const env = serviceEnvironment(compose, s);
      const deps = compose.services[s]?.depends_on ?? {};
      if (env['DATABASE_URL'] !== undefined && s !== 'migrate') {
        expect(deps['migrate']?.condition, s).toBe('service_completed_successfully');
      }
      if (env['NATS_URL'] !== undefined) expect(deps['nats']?.condition, s).toBe('service_healthy');
      for (const [dep, { condition }] of Object.entries(deps)) {
        if (dep !== 'migrate') expect(condition, `${s} -> ${dep}`).toBe('service_healthy');
      }
    }
    expect(compose.services['migrate']?.depends_on?.['postgres']?.condition).toBe(
      'service_healthy',
    );
  });

  it("sets only variables each service reads, and everything it requires (by the service's own loader)", async () => {
    for (const s of SERVICES) {
      const env = serviceEnvironment(compose, s);
      const mounted = serviceSecrets(compose, s);
      const local: Record<string, string> = {};
      for (const [name, value] of Object.entries(env)) {
        if (value.startsWith(`${SECRETS_DIR}/`)) {
          const secret = posix.basename(value);
          expect(mounted, `${s} ${name}`).toContain(secret);
          const file = compose.secrets?.[secret]?.file ?? '';
          expect(dirname(file), secret).toBe('./deploy/compose/secrets');
          local[name] = join(secretsDir, basename(file));
          expect(existsSync(local[name]), `compose:init writes ${basename(file)}`).toBe(true);
        } else {
          local[name] = value;
        }
      }
      const read = await variablesRead(s, { ...local, KEYHOLD_NOT_A_VARIABLE: 'x' });
      expect(read.has('KEYHOLD_NOT_A_VARIABLE'), 'the probe sees only what is read').toBe(false);
      for (const name of Object.keys(env)) expect(read, `${s} reads ${name}`).toContain(name);
    }
    const migrate = serviceEnvironment(compose, 'migrate');
    expect(Object.keys(migrate)).toEqual(['DATABASE_URL']);
  });

  it('gives the services that configure the streams one setting, and audit-log its signing key', () => {
    for (const s of ['gateway', 'crypto-worker']) {
      expect(serviceEnvironment(compose, s)['KEYHOLD_NATS_REPLICAS'], s).toBe('1');
    }
    expect(streamSettingsOf(SERVICES.map((s) => serviceEnvironment(compose, s)))).toEqual(
      new Set(['1 7d']),
    );
    expect(serviceEnvironment(compose, 'audit-log')['KEYHOLD_AUDIT_SIGNING_KEY_FILE']).toBe(
      `${SECRETS_DIR}/audit_signing_key`,
    );
    expect(serviceEnvironment(compose, 'quota-limiter')['KEYHOLD_QUOTA_STATE_FILE']).toMatch(
      /^\/var\/lib\/keyhold\//,
    );
  });

  it('points every peer address at the service listening there', () => {
    const listenPort = (s: string): number => portOf(serviceEnvironment(compose, s)['GRPC_LISTEN']);
    for (const s of SERVICES) {
      const env = serviceEnvironment(compose, s);
      expect(env['GRPC_LISTEN'], s).toMatch(/^0\.0\.0\.0:\d+$/);
      for (const name of PEER_VARIABLES) {
        const addr = env[name];
        if (addr === undefined) continue;
        const host = addr.split(':')[0] ?? '';
        expect(SERVICES as readonly string[], `${s} ${name}`).toContain(host);
        expect(portOf(addr), `${s} ${name}`).toBe(listenPort(host));
      }
      if (env['NATS_URL'] !== undefined) expect(env['NATS_URL']).toBe('nats://nats:4222');
    }
    const pg = compose.services['postgres']?.environment ?? {};
    const url = `postgres://${String(pg['POSTGRES_USER'])}:${String(pg['POSTGRES_PASSWORD'])}@postgres:5432/${String(pg['POSTGRES_DB'])}`;
    for (const s of ['migrate', 'key-manager', 'audit-log']) {
      expect(serviceEnvironment(compose, s)['DATABASE_URL'], s).toBe(url);
    }
  });

  it("publishes the gateway's HTTP port and nothing else but audit-log on loopback", () => {
    const gw = serviceEnvironment(compose, 'gateway');
    expect(compose.services['gateway']?.ports).toEqual([
      `\${KEYHOLD_HTTP_PORT:-4599}:${portOf(gw['HTTP_LISTEN'])}`,
    ]);
    expect(compose.services['audit-log']?.ports).toEqual([
      `127.0.0.1:${portOf(serviceEnvironment(compose, 'audit-log')['GRPC_LISTEN'])}:50056`,
    ]);
    for (const s of ['key-manager', 'crypto-worker', 'policy-authorizer', 'quota-limiter']) {
      expect(compose.services[s]?.ports, s).toBeUndefined();
    }
  });
});

describe('deploy/docker', () => {
  it('copies every workspace manifest before npm ci, and runs as node through the entrypoint', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'deploy/docker/Dockerfile'), 'utf8');
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const workspaces = root.workspaces.flatMap((w) =>
      w.endsWith('/*')
        ? readdirSync(join(REPO_ROOT, w.slice(0, -2)))
            .map((d) => `${w.slice(0, -2)}/${d}`)
            .filter((d) => existsSync(join(REPO_ROOT, d, 'package.json')))
        : [w],
    );
    for (const w of workspaces) {
      expect(dockerfile, w).toContain(`COPY ${w}/package.json ${w}/`);
    }
    for (const s of SERVICES) expect(dockerfile, s).toContain(`-w services/${s}`);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('ENTRYPOINT ["node", "deploy/docker/entrypoint.js"]');
    expect(runtime).toContain('COPY --from=build /app/proto/ proto/');
    const ignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['**/node_modules', '**/dist', 'deploy/compose/secrets', '.keyhold']) {
      expect(ignore).toContain(p);
    }
  });

  it('the entrypoint names every service and rejects anything else', () => {
    const help = spawnSync(process.execPath, ['deploy/docker/entrypoint.js', 'help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    for (const s of [...SERVICES, 'migrate', 'health']) expect(help.stdout).toContain(s);
    const bad = spawnSync(process.execPath, ['deploy/docker/entrypoint.js', 'nope'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command: nope');
    const noDb = spawnSync(process.execPath, ['deploy/docker/entrypoint.js', 'migrate'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
    });
    expect(noDb.status).toBe(1);
    expect(noDb.stderr).toContain('DATABASE_URL: is required');
  });
});

describe('deploy/k8s', () => {
  const find = (kind: string, namespace: string, name: string): K8sObject | undefined =>
    k8s.find(
      (o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name,
    );
  const deployments = (): K8sObject[] => k8s.filter((o) => o.kind === 'Deployment');

  interface Container {
    name: string;
    image: string;
    args?: string[];
    envFrom?: { configMapRef: { name: string } }[];
    env?: {
      name: string;
      value?: string;
      valueFrom?: { secretKeyRef: { name: string; key: string } };
    }[];
    ports?: { name: string; containerPort: number }[];
    readinessProbe?: { grpc?: { port: number } };
    livenessProbe?: { grpc?: { port: number } };
    startupProbe?: { grpc?: { port: number } };
    volumeMounts?: { name: string; mountPath: string }[];
  }
  interface PodSpec {
    containers: Container[];
    volumes?: { name: string; secret?: { secretName: string }; persistentVolumeClaim?: unknown }[];
  }
  const podOf = (
    o: K8sObject,
  ): { labels: Record<string, string>; annotations: Record<string, string>; spec: PodSpec } => {
    const t = o.spec?.['template'] as {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: PodSpec;
    };
    return { labels: t.metadata.labels, annotations: t.metadata.annotations ?? {}, spec: t.spec };
  };
  const DATABASE_URL = 'postgresql://keyhold:secret@keyhold-pg-rw.keyhold:5432/keyhold';

  /** The container's environment as the kubelet builds it (secret values stood in). */
  const containerEnv = (namespace: string, c: Container): Record<string, string> => {
    const env: Record<string, string> = {};
    for (const from of c.envFrom ?? []) {
      const cm = find('ConfigMap', namespace, from.configMapRef.name);
      expect(cm, `ConfigMap ${from.configMapRef.name}`).toBeDefined();
      Object.assign(env, cm?.data ?? {});
    }
    for (const e of c.env ?? []) {
      if (e.value !== undefined) env[e.name] = e.value;
      else if (e.valueFrom?.secretKeyRef.name === 'keyhold-pg-app') {
        expect(e.valueFrom.secretKeyRef.key).toBe('uri');
        env[e.name] = DATABASE_URL;
      } else throw new Error(`${c.name} ${e.name}: unexpected value source`);
    }
    return env;
  };

  it('renders as kubectl kustomize does (when kubectl is installed)', () => {
    const ids = kubectlKustomizeIds(join(REPO_ROOT, 'deploy/k8s'));
    if (ids === undefined) return;
    expect(k8s.map(objectId).sort()).toEqual(ids);
  });

  it('runs the shared services in keyhold and a gateway + quota-limiter cell per region', () => {
    const regional = [...new Set(deployments().map((d) => d.metadata.namespace ?? ''))].filter(
      (ns) => ns !== 'keyhold',
    );
    expect(regional.length).toBeGreaterThanOrEqual(2);
    for (const ns of regional) {
      expect(ns).toMatch(/^keyhold-[a-z]{2}-[a-z]+-\d$/);
      expect(
        deployments()
          .filter((d) => d.metadata.namespace === ns)
          .map((d) => d.metadata.name)
          .sort(),
      ).toEqual(['gateway', 'quota-limiter']);
      expect(k8s.find((o) => o.kind === 'Namespace' && o.metadata.name === ns)).toBeDefined();
      const ql = find('Deployment', ns, 'quota-limiter');
      expect(ql?.spec?.['replicas'], 'one token bucket per region').toBe(1);
      expect(ql?.spec?.['strategy']).toEqual({ type: 'Recreate' });
      const gw = podOf(find('Deployment', ns, 'gateway') as K8sObject).spec.containers[0];
      expect(containerEnv(ns, gw as Container)['QUOTA_LIMITER_ADDR']).toBe('quota-limiter:50055');
    }
    expect(
      deployments()
        .filter((d) => d.metadata.namespace === 'keyhold')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['audit-log', 'crypto-worker', 'key-manager', 'policy-authorizer']);
  });

  it('autoscales gateway and crypto-worker and protects them with disruption budgets', () => {
    for (const d of deployments()) {
      const ns = d.metadata.namespace ?? '';
      const name = d.metadata.name;
      const hpa = find('HorizontalPodAutoscaler', ns, name);
      if (name === 'gateway' || name === 'crypto-worker') {
        expect(hpa, `${ns}/${name}`).toBeDefined();
        expect(hpa?.spec?.['scaleTargetRef']).toEqual({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name,
        });
        expect(hpa?.spec?.['minReplicas']).toBeGreaterThanOrEqual(2);
        expect(d.spec?.['replicas'], 'the autoscaler owns replicas').toBeUndefined();
      }
      const pdb = find('PodDisruptionBudget', ns, name);
      if (name === 'quota-limiter') expect(pdb).toBeUndefined();
      else {
        expect(pdb, `${ns}/${name}`).toBeDefined();
        expect(pdb?.spec?.['selector']).toEqual(d.spec?.['selector']);
      }
    }
  });

  it('gives each container only variables its service reads, and all it requires', async () => {
    for (const d of deployments()) {
      const ns = d.metadata.namespace ?? '';
      const pod = podOf(d);
      const [c] = pod.spec.containers;
      if (c === undefined) throw new Error('no container');
      const service = d.metadata.name as ServiceName;
      expect(SERVICES).toContain(service);
      expect(c.image).toBe('keyhold');
      expect(c.args).toEqual([service]);
      const env = containerEnv(ns, c);
      const local = { ...env };
      for (const [name, value] of Object.entries(env)) {
        if (!name.endsWith('_FILE')) continue;
        const mount = c.volumeMounts?.find((m) => m.mountPath === posix.dirname(value));
        expect(mount, `${service} ${name} is on a mounted volume`).toBeDefined();
        const volume = pod.spec.volumes?.find((v) => v.name === mount?.name);
        if (volume?.secret !== undefined) {
          expect(existsSync(join(secretsDir, posix.basename(value))), name).toBe(true);
          local[name] = join(secretsDir, posix.basename(value));
        } else {
          expect(volume?.persistentVolumeClaim, `${service} ${name}`).toBeDefined();
        }
      }
      const read = await variablesRead(service, local);
      for (const name of Object.keys(env)) expect(read, `${service} reads ${name}`).toContain(name);
    }
  });

  it('lines up probes, ports, metrics annotations, Services and peer addresses', () => {
    for (const d of deployments()) {
      const ns = d.metadata.namespace ?? '';
      const pod = podOf(d);
      const c = pod.spec.containers[0] as Container;
      const env = containerEnv(ns, c);
      const port = (name: string): number | undefined =>
        c.ports?.find((p) => p.name === name)?.containerPort;
      const grpc = portOf(env['GRPC_LISTEN']);
      expect(env['GRPC_LISTEN']).toBe(`0.0.0.0:${grpc}`);
      expect(port('grpc')).toBe(grpc);
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        expect(probe?.grpc?.port, `${d.metadata.name} probes gRPC health`).toBe(grpc);
      }
      expect(port('metrics')).toBe(Number(env['METRICS_PORT']));
      expect(pod.annotations['prometheus.io/port']).toBe(env['METRICS_PORT']);
      if (env['HTTP_LISTEN'] !== undefined) expect(port('http')).toBe(portOf(env['HTTP_LISTEN']));

      const svc = find('Service', ns, d.metadata.name);
      expect(svc, `Service ${ns}/${d.metadata.name}`).toBeDefined();
      const selector = svc?.spec?.['selector'] as Record<string, string>;
      for (const [k, v] of Object.entries(selector)) expect(pod.labels[k]).toBe(v);
      for (const p of svc?.spec?.['ports'] as { port: number; targetPort: string }[]) {
        expect(port(p.targetPort), `${d.metadata.name} ${p.targetPort}`).toBe(p.port);
      }

      for (const name of PEER_VARIABLES) {
        const addr = env[name];
        if (addr === undefined) continue;
        const [host = '', peerPort] = addr.split(':');
        const [peer = '', peerNs = ns] = host.split('.');
        const peerSvc = find('Service', peerNs, peer);
        expect(peerSvc, `${d.metadata.name} ${name}=${addr}`).toBeDefined();
        const ports = (peerSvc?.spec?.['ports'] as { name: string; port: number }[]) ?? [];
        expect(ports.find((p) => p.name === 'grpc')?.port).toBe(Number(peerPort));
      }
      if (env['NATS_URL'] !== undefined) expect(env['NATS_URL']).toBe('nats://nats.keyhold:4222');
      if (env['KEYHOLD_NATS_PREFIX'] !== undefined)
        expect(env['KEYHOLD_NATS_PREFIX']).toBe('keyhold');
    }
  });

  it('runs the migration once as a Job; the services keep the streams replicated (no streams Job)', () => {
    const migrate = find('Job', 'keyhold', 'keyhold-migrate');
    const mc = podOf(migrate as K8sObject).spec.containers[0] as Container;
    expect(mc.args).toEqual(['migrate']);
    expect(containerEnv('keyhold', mc)['DATABASE_URL']).toBe(DATABASE_URL);
    expect(k8s.filter((o) => o.kind === 'Job').map((o) => o.metadata.name)).toEqual([
      'keyhold-migrate',
    ]);

    const envs = deployments().map((d) => ({
      name: d.metadata.name,
      env: containerEnv(d.metadata.namespace ?? '', podOf(d).spec.containers[0] as Container),
    }));
    for (const { name, env } of envs) {
      if (name === 'gateway' || name === 'crypto-worker') {
        expect(env['KEYHOLD_NATS_REPLICAS'], name).toBeDefined();
      }
    }
    const natsServers = (
      readYaml('deploy/k8s/nats/values.yaml') as { config: { cluster: { replicas: number } } }
    ).config.cluster.replicas;
    // One setting everywhere, or services would undo each other's updates.
    expect(streamSettingsOf(envs.map((e) => e.env))).toEqual(new Set([`${natsServers} 7d`]));
  });

  it('addresses scaled-out peers through headless Services, the single quota shard by its ClusterIP', () => {
    for (const d of deployments()) {
      const ns = d.metadata.namespace ?? '';
      const env = containerEnv(ns, podOf(d).spec.containers[0] as Container);
      for (const name of PEER_VARIABLES) {
        const addr = env[name];
        if (addr === undefined) continue;
        const [peer = '', peerNs = ns] = (addr.split(':')[0] ?? '').split('.');
        const svc = find('Service', peerNs, peer);
        if (name === 'QUOTA_LIMITER_ADDR') {
          expect(svc?.spec?.['clusterIP'], `${ns}/${d.metadata.name} ${name}`).toBeUndefined();
          continue;
        }
        expect(peer, `${ns}/${d.metadata.name} ${name}`).toMatch(/-headless$/);
        expect(svc?.spec?.['clusterIP']).toBe('None');
        const target = find('Deployment', peerNs, peer.replace(/-headless$/, ''));
        expect(svc?.spec?.['selector']).toEqual(
          (target?.spec?.['selector'] as { matchLabels: unknown }).matchLabels,
        );
      }
    }
  });

  it("limits each regional gateway to its cell's region", () => {
    for (const d of deployments().filter((o) => o.metadata.name === 'gateway')) {
      const ns = d.metadata.namespace ?? '';
      const env = containerEnv(ns, podOf(d).spec.containers[0] as Container);
      expect(env['KEYHOLD_REGIONS'], ns).toBe(ns.replace(/^keyhold-/, ''));
    }
  });

  it('mounts the audit signing key and the quota state where the services read them', () => {
    const audit = podOf(find('Deployment', 'keyhold', 'audit-log') as K8sObject).spec;
    expect(audit.volumes?.find((v) => v.name === 'audit-signing-key')?.secret?.secretName).toBe(
      'keyhold-audit-signing-key',
    );
    expect(containerEnv('keyhold', audit.containers[0] as Container)).toHaveProperty(
      'KEYHOLD_AUDIT_SIGNING_KEY_FILE',
    );
    for (const d of deployments().filter((o) => o.metadata.name === 'quota-limiter')) {
      const pod = podOf(d).spec;
      const env = containerEnv(d.metadata.namespace ?? '', pod.containers[0] as Container);
      expect(env['KEYHOLD_QUOTA_STATE_FILE']).toBeDefined();
      expect(pod.volumes?.some((v) => v.persistentVolumeClaim !== undefined)).toBe(true);
    }
  });

  it('ships NATS Helm values for a 3-node JetStream cluster and a 3-instance CloudNativePG Postgres', () => {
    expect(readYaml('deploy/k8s/nats/values.yaml')).toMatchObject({
      config: { cluster: { enabled: true, replicas: 3 }, jetstream: { enabled: true } },
    });
    const pg = readYaml('deploy/k8s/postgres/cluster.yaml');
    expect(pg).toMatchObject({
      kind: 'Cluster',
      metadata: { name: 'keyhold-pg', namespace: 'keyhold' },
      spec: { instances: 3, bootstrap: { initdb: { database: 'keyhold', owner: 'keyhold' } } },
    });
  });
});

describe('deploy/grafana/keyhold.json', () => {
  /** Every non-test source file of the services and packages/core. */
  const sources = (): string => {
    const dirs = [
      ...SERVICES.map((s) => join(REPO_ROOT, 'services', s, 'src')),
      join(REPO_ROOT, 'packages/core/src'),
    ];
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
          texts.push(readFileSync(p, 'utf8'));
        }
      }
    };
    for (const d of dirs) walk(d);
    return texts.join('\n');
  };

  it('queries only metrics the services export', async () => {
    const dashboard = JSON.parse(
      readFileSync(join(REPO_ROOT, 'deploy/grafana/keyhold.json'), 'utf8'),
    ) as { panels: { targets?: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    const used = new Set(
      exprs.flatMap((e) =>
        [...e.matchAll(/\b((?:keyhold|process|nodejs)_[a-z0-9_]+)/g)].map((m) =>
          (m[1] ?? '').replace(/_(bucket|sum|count)$/, ''),
        ),
      ),
    );
    const code = sources();
    const defaults = new Set(
      (await createMetricsRegistry('probe').getMetricsAsJSON()).map((m) => m.name),
    );
    for (const name of used) {
      if (name.startsWith('keyhold_')) expect(code, name).toContain(`'${name}'`);
      else expect(defaults, name).toContain(name);
    }
    for (const name of ['keyhold_gateway_requests_total', 'keyhold_rpc_requests_total']) {
      expect(used).toContain(name);
    }
  });
});

function readYaml(path: string): unknown {
  return parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
}
