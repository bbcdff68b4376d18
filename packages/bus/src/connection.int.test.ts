import { createLogger } from '@keyhold/core';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';
import { connect, nanos } from 'nats';
import type { JetStreamManager, NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBus, ensureStreams } from './connection.js';
import { busNames } from './names.js';

const DAY_MS = 86_400_000;
let nc: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  const url = new URL(testNatsUrl());
  nc = await connect({ servers: `${url.hostname}:${url.port}` });
  jsm = await nc.jetstreamManager();
});

afterAll(async () => {
  await nc?.drain();
});

const config = async (stream: string) => (await jsm.streams.info(stream)).config;

describe('ensureStreams', () => {
  it('creates both streams with the settings, key events kept forever', async () => {
    const names = busNames(testBusPrefix());
    const changes = await ensureStreams(jsm, names, { replicas: 1, auditMaxAgeMs: 2 * DAY_MS });
    expect(changes.map((c) => [c.stream, c.action]).sort()).toEqual(
      [
        [names.auditStream, 'created'],
        [names.keyEventsStream, 'created'],
      ].sort(),
    );
    const audit = await config(names.auditStream);
    expect(audit.max_age).toBe(nanos(2 * DAY_MS));
    expect(audit.num_replicas).toBe(1);
    expect(audit.duplicate_window).toBe(nanos(120_000));
    expect((await config(names.keyEventsStream)).max_age).toBe(0);
  });

  it('updates an existing stream whose settings differ, and leaves it alone without settings', async () => {
    const names = busNames(testBusPrefix());
    // As an older release created them: no max age anywhere.
    await ensureStreams(jsm, names, { replicas: 1, auditMaxAgeMs: 0 });
    expect((await config(names.auditStream)).max_age).toBe(0);

    const changes = await ensureStreams(jsm, names, { replicas: 1, auditMaxAgeMs: 7 * DAY_MS });
    expect(changes).toEqual([
      { stream: names.auditStream, action: 'updated', replicas: 1, maxAgeMs: 7 * DAY_MS },
    ]);
    const audit = await config(names.auditStream);
    expect(audit.max_age).toBe(nanos(7 * DAY_MS));
    expect(audit.subjects).toEqual([names.auditSubjects]);
    expect(audit.duplicate_window).toBe(nanos(120_000));

    expect(await ensureStreams(jsm, names, { replicas: 1, auditMaxAgeMs: 7 * DAY_MS })).toEqual([]);
    // A service given no settings never undoes what a configured one set.
    expect(await ensureStreams(jsm, names)).toEqual([]);
    expect((await config(names.auditStream)).max_age).toBe(nanos(7 * DAY_MS));
  });

  it('fails plainly when JetStream cannot have the replicas (a single server)', async () => {
    const names = busNames(testBusPrefix());
    await expect(ensureStreams(jsm, names, { replicas: 3, auditMaxAgeMs: DAY_MS })).rejects.toThrow(
      /replicas/i,
    );
  });

  it('connectBus applies the settings it is given', async () => {
    const names = busNames(testBusPrefix());
    const bus = await connectBus({
      url: testNatsUrl(),
      name: 'bus-test',
      names,
      logger: createLogger({ service: 'bus-test', level: 'silent' }),
      streams: { replicas: 1, auditMaxAgeMs: 3 * DAY_MS },
    });
    try {
      expect((await config(names.auditStream)).max_age).toBe(nanos(3 * DAY_MS));
    } finally {
      await bus.close();
    }
  });
});
