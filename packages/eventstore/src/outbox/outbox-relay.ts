import type postgres from 'postgres';
import type { Logger } from '@keyhold/core';
import { toRecordedEvent } from '../postgres/postgres-event-store.js';
import { LOCK_CLASS, assertSchemaName, outboxChannel } from '../postgres/schema.js';
import type { RecordedEvent } from '../types.js';

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  readonly sql: postgres.Sql;
  /** The schema whose outbox to relay, as given to the event store. */
  readonly schema: string;
  /**
   * Delivers one event and resolves once the broker has it (a JetStream ack).
   * Called in commit order; a record may come again after a crash or a
   * failover, so the broker must dedupe on `eventId` (JetStream `msgID`).
   */
  readonly publish: (record: RecordedEvent) => Promise<void>;
  readonly logger?: Logger;
  /** How often to look for rows when no NOTIFY arrives. @default 1000 */
  readonly pollIntervalMs?: number;
  /** Rows per transaction. @default 100 */
  readonly batchSize?: number;
}

/** A running (or stoppable) outbox relay for one schema. */
export interface OutboxRelay {
  /** Starts listening and relaying in the background. */
  start(): Promise<void>;
  /** Runs passes until nothing is pending (or another replica is the relay); resolves with how many it published. */
  flush(): Promise<number>;
  /** Stops, after publishing what is pending for at most `timeoutMs`. @default 5000 */
  stop(timeoutMs?: number): Promise<void>;
}

interface OutboxRow {
  position: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown> | null;
  recorded_at: Date;
}

interface PassResult {
  readonly published: number;
  /** False when another replica holds the relay lock. */
  readonly leader: boolean;
  readonly more: boolean;
  readonly failed: boolean;
}

/**
 * Publishes committed events from the outbox in position order (which is
 * commit order, see the event store), at least once, marking rows published
 * after the broker acked them.
 *
 * Each batch is one transaction holding a transaction-scoped advisory lock,
 * so across replicas one relay publishes at a time and always resumes from
 * the oldest unpublished row: order survives failovers without a standing
 * leader. A failed publish ends the batch (rows before it stay marked) and
 * is retried on the next pass, so a later event never overtakes it.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { sql, publish, logger } = options;
  const schema = assertSchemaName(options.schema);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 100;
  const events = sql(`${schema}.events`);
  const outbox = sql(`${schema}.outbox`);

  let stopping = false;
  let dirty = true;
  let wakeUp: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let listener: postgres.ListenMeta | undefined;

  const wake = (): void => {
    dirty = true;
    wakeUp?.();
  };

  const sleepUntilWoken = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const batch = (): Promise<PassResult> =>
    sql.begin(async (tx) => {
      const [lock] = await tx<{ ok: boolean }[]>`
        select pg_try_advisory_xact_lock(${LOCK_CLASS.relay}, hashtext(${schema})) as ok`;
      if (!lock?.ok) return { published: 0, leader: false, more: false, failed: false };
      const rows = await tx<OutboxRow[]>`
        select e.position, e.stream_id, e.version, e.event_id, e.type, e.data, e.metadata, e.recorded_at
        from ${outbox} o join ${events} e on e.position = o.position
        where o.published_at is null
        order by o.position
        limit ${batchSize}`;
      const done: string[] = [];
      let failed = false;
      for (const row of rows) {
        try {
          await publish(toRecordedEvent(row));
        } catch (err) {
          logger?.warn(
            { err, eventId: row.event_id, position: row.position },
            'outbox publish failed',
          );
          failed = true;
          break;
        }
        done.push(row.position);
      }
      if (done.length > 0) {
        await tx`update ${outbox} set published_at = now() where position = any(${done}::bigint[])`;
      }
      return {
        published: done.length,
        leader: true,
        more: !failed && rows.length === batchSize,
        failed,
      };
    });

  const pass = async (): Promise<PassResult> => {
    let published = 0;
    for (;;) {
      const r = await batch();
      published += r.published;
      if (!r.more) return { ...r, published };
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      dirty = false;
      let idle = false;
      try {
        const r = await pass();
        if (r.published > 0) logger?.debug({ published: r.published }, 'outbox relayed');
        // After a failure wait a poll interval even if NOTIFYs keep coming.
        idle = r.failed;
      } catch (err) {
        logger?.warn({ err }, 'outbox pass failed');
        idle = true;
      }
      if (stopping) break;
      if (idle || !dirty) await sleepUntilWoken(pollIntervalMs);
    }
  };

  return {
    async start() {
      if (loop) return;
      try {
        // onlisten fires again after a reconnect: NOTIFYs sent meanwhile were lost.
        listener = await sql.listen(outboxChannel(schema), wake, wake);
      } catch (err) {
        logger?.warn({ err }, 'outbox listen failed, polling only');
      }
      loop = run();
    },

    async flush() {
      const r = await pass();
      return r.published;
    },

    async stop(timeoutMs = 5000) {
      stopping = true;
      wake();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const drain = (async () => {
        await loop;
        await pass();
      })();
      try {
        const result = await Promise.race([drain.then(() => 'done' as const), deadline]);
        if (result === 'timeout') logger?.warn({ timeoutMs }, 'outbox flush timed out');
      } catch (err) {
        logger?.warn({ err }, 'outbox flush failed');
      } finally {
        clearTimeout(timer);
        drain.catch(() => undefined);
        await listener?.unlisten().catch(() => undefined);
      }
    },
  };
}
