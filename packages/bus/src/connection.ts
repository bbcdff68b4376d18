import { connect, nanos, RetentionPolicy, StorageType } from 'nats';
import type { JetStreamClient, JetStreamManager, NatsConnection, StreamConfig } from 'nats';
import { env } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { JetStreamAcks } from './acks.js';
import type { BusNames } from './names.js';

export interface Bus {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  /** JetStream publishes for hot paths: acks on one shared inbox (see {@link JetStreamAcks}). */
  readonly acks: JetStreamAcks;
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
  /**
   * Settings the streams must have: missing streams are created with them,
   * existing ones updated to them. Without it, missing streams are created
   * with {@link DEFAULT_STREAM_SETTINGS} and existing ones left alone, so a
   * service not configured for production never undoes one that is.
   */
  readonly streams?: StreamSettings | undefined;
  /** How long a publish through `acks` waits for JetStream. @default 5000 */
  readonly ackTimeoutMs?: number;
}

/** JetStream settings of Keyhold's streams that deployments choose. */
export interface StreamSettings {
  /** Copies of each stream in the NATS cluster: 1 (single server), 3 or 5. */
  readonly replicas: number;
  /**
   * Audit batches older than this are dropped from the stream, stored or
   * not: how long audit-log may be down without losing records. 0 keeps them.
   */
  readonly auditMaxAgeMs: number;
}

/** What services create missing streams with when not configured. */
export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  replicas: 1,
  auditMaxAgeMs: 7 * 24 * 3_600_000,
};

/** Both streams drop duplicate `Nats-Msg-Id`s within this window. */
const DUPLICATE_WINDOW_MS = 120_000;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses `7d`, `12h`, `30m`, `90s`, `500ms` or `0` to milliseconds;
 * undefined when malformed.
 */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,9})(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n === 0) return 0;
  const unit = m[2];
  return unit === undefined ? undefined : n * (UNIT_MS[unit] ?? 0);
}

const validMaxAge = (text: string): boolean => {
  const ms = parseDuration(text);
  return ms !== undefined && (ms === 0 || ms >= DUPLICATE_WINDOW_MS);
};

/**
 * The variables a service's config schema adds (spread it into the
 * `readEnv` schema) to configure the streams; {@link streamSettings} turns
 * the parsed values into {@link BusOptions.streams}.
 */
export const STREAM_ENV = {
  KEYHOLD_NATS_REPLICAS: env.int({ min: 1, max: 5, default: DEFAULT_STREAM_SETTINGS.replicas }),
  KEYHOLD_AUDIT_STREAM_MAX_AGE: env
    .str('7d')
    .refine(validMaxAge, 'must be 0 (keep) or a duration of at least 2m, like 7d, 12h or 30m'),
};

/** {@link StreamSettings} from the values of {@link STREAM_ENV}. */
export function streamSettings(values: {
  readonly KEYHOLD_NATS_REPLICAS: number;
  readonly KEYHOLD_AUDIT_STREAM_MAX_AGE: string;
}): StreamSettings {
  return {
    replicas: values.KEYHOLD_NATS_REPLICAS,
    auditMaxAgeMs: parseDuration(values.KEYHOLD_AUDIT_STREAM_MAX_AGE) ?? 0,
  };
}

/** Connects to NATS, reconnecting forever, and makes sure Keyhold's streams exist. */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const u = new URL(options.url);
  const nc = await connect({
    servers: `${u.hostname}:${u.port || '4222'}`,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Otherwise every request (each JetStream publish among them) captures a
    // stack in an Error made up front for a timeout that rarely comes: a
    // measurable share of the gateway's time under load. Errors still carry
    // their code and message.
    noAsyncTraces: true,
    ...(u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : {}),
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
  for (const change of await ensureStreams(jsm, options.names, options.streams)) {
    options.logger.info(change, 'stream configured');
  }
  return {
    nc,
    js: nc.jetstream(),
    acks: new JetStreamAcks(
      nc,
      options.ackTimeoutMs === undefined ? {} : { timeoutMs: options.ackTimeoutMs },
    ),
    jsm,
    names: options.names,
    close: async () => {
      if (!nc.isClosed()) await nc.drain();
    },
  };
}

/** A stream {@link ensureStreams} created or changed. */
export interface StreamChange {
  readonly stream: string;
  readonly action: 'created' | 'updated';
  readonly replicas: number;
  /** 0 = kept forever. */
  readonly maxAgeMs: number;
}

/**
 * Creates the key-event and audit streams when missing, and with `settings`
 * updates existing ones whose replicas or max age differ. Both dedupe on
 * `Nats-Msg-Id` (the event id, or the audit batch id) over a two-minute
 * window. Key events are kept forever whatever the settings:
 * policy-authorizer rebuilds its read model by replaying the whole stream.
 * Rejects when JetStream refuses (e.g. 3 replicas on a single server).
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  names: BusNames,
  settings?: StreamSettings,
): Promise<StreamChange[]> {
  const wanted = settings ?? DEFAULT_STREAM_SETTINGS;
  const want = [
    { name: names.keyEventsStream, subjects: [names.keyEventsSubjects], maxAgeMs: 0 },
    { name: names.auditStream, subjects: [names.auditSubjects], maxAgeMs: wanted.auditMaxAgeMs },
  ];
  const changes: StreamChange[] = [];
  for (const s of want) {
    const target = { num_replicas: wanted.replicas, max_age: nanos(s.maxAgeMs) };
    let current: StreamConfig | undefined;
    try {
      current = (await jsm.streams.info(s.name)).config;
    } catch (err) {
      if (!isStreamNotFound(err)) throw err;
    }
    if (current === undefined) {
      try {
        await jsm.streams.add({
          name: s.name,
          subjects: s.subjects,
          retention: RetentionPolicy.Limits,
          storage: StorageType.File,
          duplicate_window: nanos(DUPLICATE_WINDOW_MS),
          ...target,
        });
      } catch (err) {
        // Another process created it in the meantime: settle it on the next start.
        if (!/already in use/i.test(String(err))) throw err;
        continue;
      }
      changes.push({
        stream: s.name,
        action: 'created',
        replicas: wanted.replicas,
        maxAgeMs: s.maxAgeMs,
      });
      continue;
    }
    if (
      settings === undefined ||
      (current.num_replicas === target.num_replicas && current.max_age === target.max_age)
    ) {
      continue;
    }
    await jsm.streams.update(s.name, { ...current, ...target });
    changes.push({
      stream: s.name,
      action: 'updated',
      replicas: wanted.replicas,
      maxAgeMs: s.maxAgeMs,
    });
  }
  return changes;
}

function isStreamNotFound(err: unknown): boolean {
  return /stream not found/i.test(err instanceof Error ? err.message : String(err));
}
