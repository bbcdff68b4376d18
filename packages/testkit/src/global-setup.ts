import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dockerAvailable } from './docker.js';
import {
  findFreePort,
  findNatsServer,
  findPostgresBinaries,
  startLocalNats,
  startLocalPostgres,
} from './local.js';
import './provided-context.js';

interface Started {
  readonly url: string;
  readonly how: string;
  stop(): Promise<void>;
}

async function postgresFromDocker(): Promise<Started> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_PASSWORD: 'postgres', POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=300'])
    .withExposedPorts(5432)
    .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
    // The entrypoint restarts the server once after init; the second line is the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const url = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { url, how: 'docker postgres:15', stop: async () => void (await container.stop()) };
}

async function natsFromDocker(): Promise<Started> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('nats:2.10')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  const url = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
  return { url, how: 'docker nats:2.10', stop: async () => void (await container.stop()) };
}

async function postgresFromBinaries(): Promise<Started> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keyhold-test-pg-'));
  try {
    const pg = await startLocalPostgres({ dataDir, port: await findFreePort() });
    return { url: pg.url, how: `local postgres in ${dataDir}`, stop: pg.stop };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function natsFromBinaries(): Promise<Started> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keyhold-test-nats-'));
  const removeDir = (): Promise<void> => rm(dataDir, { recursive: true, force: true });
  try {
    const nats = await startLocalNats({ dataDir, port: await findFreePort() });
    return {
      url: nats.url,
      how: `local nats-server in ${dataDir}`,
      stop: async () => {
        await nats.stop();
        await removeDir();
      },
    };
  } catch (err) {
    await removeDir();
    throw err;
  }
}

/**
 * Vitest globalSetup of the int and e2e projects: one Postgres and one NATS
 * (JetStream) for the whole run, from `TEST_DATABASE_URL` / `TEST_NATS_URL`,
 * else Docker via testcontainers when an engine answers, else local binaries
 * on free loopback ports in temp folders. Provides `databaseUrl` and `natsUrl`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = (url: string, name: string): Started => ({
    url,
    how: `$${name}`,
    stop: async () => {},
  });
  const envDb = process.env['TEST_DATABASE_URL'];
  const envNats = process.env['TEST_NATS_URL'];
  const needStart = !envDb || !envNats;
  const docker = needStart && (await dockerAvailable());

  const started: Started[] = [];
  const teardown = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const s of started.reverse()) {
      try {
        await s.stop();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'testkit teardown failed');
  };

  // Docker can answer and still fail to run (no registry access, no pull
  // rights): fall back to local binaries when they are installed.
  const orLocal = async (
    fromDocker: () => Promise<Started>,
    fromBinaries: () => Promise<Started>,
    binariesInstalled: boolean,
  ): Promise<Started> => {
    if (!docker) return fromBinaries();
    try {
      return await fromDocker();
    } catch (err) {
      if (!binariesInstalled) throw err;
      process.stderr.write(`[testkit] docker failed (${String(err)}); using local binaries\n`);
      return fromBinaries();
    }
  };

  try {
    const db = envDb
      ? fromEnv(envDb, 'TEST_DATABASE_URL')
      : await orLocal(
          postgresFromDocker,
          postgresFromBinaries,
          findPostgresBinaries() !== undefined,
        );
    started.push(db);
    const nats = envNats
      ? fromEnv(envNats, 'TEST_NATS_URL')
      : await orLocal(natsFromDocker, natsFromBinaries, findNatsServer() !== undefined);
    started.push(nats);

    process.stderr.write(`[testkit] postgres: ${db.how}; nats: ${nats.how}\n`);
    project.provide('databaseUrl', db.url);
    project.provide('natsUrl', nats.url);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
