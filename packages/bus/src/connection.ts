import { connect, RetentionPolicy, StorageType } from 'nats';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import type { Logger } from '@keyhold/core';
import type { BusNames } from './names.js';

export interface Bus {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: BusNames;
  /** Drains subscriptions and pending publishes, then closes. */
  close(): Promise<void>;
}

export interface BusOptions {
  /** e.g. `nats://127.0.0.1:4222` */
  readonly url: string;
  /** Connection name shown by the server, normally the service name. */
  readonly name: string;
  readonly names: BusNames;
  readonly logger: Logger;
}

/** Connects to NATS, reconnecting forever, and makes sure Keyhold's streams exist. */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const u = new URL(options.url);
  const nc = await connect({
    servers: `${u.hostname}:${u.port || '4222'}`,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
  });
  void (async () => {
    // Connection changes matter to operators; the client's heartbeat ticks
    // (pingTimer) and retry attempts do not.
    for await (const s of nc.status()) {
      if (s.type === 'pingTimer' || s.type === 'reconnecting') {
        options.logger.debug({ type: s.type }, 'nats status');
      } else if (s.type === 'disconnect' || s.type === 'error' || s.type === 'staleConnection') {
        options.logger.warn({ type: s.type }, 'nats status');
      } else {
        options.logger.info({ type: s.type }, 'nats status');
      }
    }
  })();
  const jsm = await nc.jetstreamManager();
  await ensureStreams(jsm, options.names);
  return {
    nc,
    js: nc.jetstream(),
    jsm,
    names: options.names,
    close: async () => {
      if (!nc.isClosed()) await nc.drain();
    },
  };
}

/**
 * Creates the key-event and audit streams when missing. Both dedupe on
 * `Nats-Msg-Id` (the event id, or the audit batch id) over a two-minute window.
 */
export async function ensureStreams(jsm: JetStreamManager, names: BusNames): Promise<void> {
  const want = [
    { name: names.keyEventsStream, subjects: [names.keyEventsSubjects] },
    { name: names.auditStream, subjects: [names.auditSubjects] },
  ];
  for (const s of want) {
    try {
      await jsm.streams.info(s.name);
    } catch {
      await jsm.streams.add({
        name: s.name,
        subjects: s.subjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        duplicate_window: 120_000_000_000,
        max_age: 0,
      });
    }
  }
}
