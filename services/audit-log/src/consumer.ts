import { setTimeout as sleep } from 'node:timers/promises';
import { AckPolicy, DeliverPolicy, nanos } from 'nats';
import type { ConsumerMessages, JsMsg } from 'nats';
import type { Bus } from '@keyhold/bus';
import type { Counter, Gauge, Logger } from '@keyhold/core';
import type { Sql } from 'postgres';
import { PoisonMessageError, decodeBatch } from './records.js';
import { appendRecords, prepareRecord } from './store.js';
import type { ChainOptions, PreparedRecord } from './store.js';

export interface AuditConsumerDeps {
  readonly bus: Pick<Bus, 'js' | 'jsm' | 'names'>;
  readonly sql: Sql;
  readonly logger: Logger;
  readonly metrics: AuditConsumerMetrics;
  readonly chain: ChainOptions;
}

export interface AuditConsumerMetrics {
  /** Messages by result: stored, poison, retry. */
  readonly batches: Counter<'result'>;
  /** Records by result: inserted, duplicate, rejected. */
  readonly records: Counter<'result'>;
  /** Transactions that stored records. */
  readonly writes: Counter;
  /** Messages on the stream not yet delivered to this consumer (its lag). */
  readonly pending: Gauge;
  /** Messages delivered and not yet acknowledged. */
  readonly ackPending: Gauge;
}

export interface AuditConsumerOptions {
  /** @default 'audit-log' */
  readonly durableName?: string;
  /** Delay before a batch that failed on the database comes back. @default 5000 */
  readonly nakDelayMs?: number;
  /** How long a delivered batch may stay unacked before redelivery. @default 30_000 */
  readonly ackWaitMs?: number;
  /** Messages stored per database transaction at most. @default 256 */
  readonly maxMessagesPerWrite?: number;
  /**
   * Records per database transaction, about (whole messages are taken): past
   * a few thousand rows a bigger COPY no longer pays. @default 8192
   */
  readonly maxRecordsPerWrite?: number;
  /** How often the lag gauges are refreshed from the consumer info. @default 5000 */
  readonly lagPollMs?: number;
  /**
   * A write of fewer records than `minRecordsPerWrite` waits this long for
   * more first: each transaction costs Postgres about as much as a few
   * hundred rows, and under moderate load messages of a few records each
   * would otherwise be a transaction each (at half the data plane's
   * saturating rate that made Postgres the second-busiest process). Nobody
   * waits on it: requests are answered on the JetStream ack. @default 20
   */
  readonly writeDelayMs?: number;
  /** @default 512 */
  readonly minRecordsPerWrite?: number;
}

export interface AuditConsumer {
  /** Stops pulling, stores and acks the messages in hand, and resolves. */
  stop(): Promise<void>;
}

// SQLSTATE classes 22 (data exception) and 23 (integrity) fail the same way on
// every retry, so such a batch is poison rather than a reason to wait.
const isDataError = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
};

/**
 * A durable pull consumer of AuditBatch messages. Messages that arrive while
 * a write is running, or within `writeDelayMs` of the first one waiting, are
 * stored together in the next write (one transaction, one COPY), then acked: a record is acked only once it is in
 * Postgres with its place in the chain, so a crash at any point redelivers it
 * and the event-id check makes the redelivery a no-op. Poison messages are
 * acked and logged without their payload; database failures are nakked with a
 * delay and come back.
 */
export async function startAuditConsumer(
  deps: AuditConsumerDeps,
  options: AuditConsumerOptions = {},
): Promise<AuditConsumer> {
  const { bus, sql, metrics } = deps;
  const durable = options.durableName ?? 'audit-log';
  const nakDelayMs = options.nakDelayMs ?? 5_000;
  const maxPerWrite = options.maxMessagesPerWrite ?? 256;
  const maxRecordsPerWrite = options.maxRecordsPerWrite ?? 8_192;
  const writeDelayMs = options.writeDelayMs ?? 20;
  const minRecordsPerWrite = Math.min(options.minRecordsPerWrite ?? 512, maxRecordsPerWrite);
  // Decoded records held ahead of the writer: enough for the next write to
  // start at once, bounded because a decoded record weighs more than its bytes.
  const maxQueuedRecords = 2 * maxRecordsPerWrite;
  const stream = bus.names.auditStream;
  const log = deps.logger.child({ consumer: durable });

  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: bus.names.auditSubjects,
    ack_wait: nanos(options.ackWaitMs ?? 30_000),
    max_ack_pending: 1024,
  };
  try {
    await bus.jsm.consumers.info(stream, durable);
    await bus.jsm.consumers.update(stream, durable, {
      ack_wait: config.ack_wait,
      max_ack_pending: config.max_ack_pending,
    });
  } catch {
    await bus.jsm.consumers.add(stream, config);
  }
  const consumer = await bus.js.consumers.get(stream, durable);

  /** A message as it arrived: decoded and prepared then, while the previous write runs. */
  interface Arrived {
    readonly m: JsMsg;
    /** Undefined for a poison message, acked without storing. */
    readonly records: readonly PreparedRecord[] | undefined;
  }
  interface Decoded {
    readonly m: JsMsg;
    readonly records: readonly PreparedRecord[];
  }

  const decode = (m: JsMsg): Arrived => {
    const where = { streamSeq: m.seq, deliveries: m.info.redeliveryCount };
    try {
      const batch = decodeBatch(m.data);
      if (batch.rejected > 0) {
        log.warn(
          { ...where, batchId: batch.batchId, rejected: batch.rejected },
          'invalid audit records dropped',
        );
        metrics.records.inc({ result: 'rejected' }, batch.rejected);
      }
      return { m, records: batch.records.map(prepareRecord) };
    } catch (err) {
      const reason = err instanceof PoisonMessageError ? err.message : 'undecodable';
      log.warn({ ...where, reason }, 'poison audit message dropped');
      return { m, records: undefined };
    }
  };

  /** Stores the records of `msgs` in one transaction. */
  const store = async (msgs: readonly Decoded[]): Promise<'stored' | 'retry' | 'data-error'> => {
    const records = msgs.flatMap((d) => d.records);
    try {
      const res = await appendRecords(sql, records, deps.chain);
      metrics.writes.inc();
      metrics.records.inc({ result: 'inserted' }, res.inserted);
      metrics.records.inc({ result: 'duplicate' }, res.duplicates);
      return 'stored';
    } catch (err) {
      if (isDataError(err)) return 'data-error';
      log.error({ err, messages: msgs.length }, 'audit batch not stored, will retry');
      return 'retry';
    }
  };

  const write = async (msgs: readonly Arrived[]): Promise<void> => {
    const good: Decoded[] = [];
    for (const { m, records } of msgs) {
      if (records) {
        good.push({ m, records });
      } else {
        metrics.batches.inc({ result: 'poison' });
        m.ack();
      }
    }
    if (good.length === 0) return;
    const result = await store(good);
    if (result === 'stored') {
      for (const { m } of good) m.ack();
      metrics.batches.inc({ result: 'stored' }, good.length);
      return;
    }
    if (result === 'retry') {
      for (const { m } of good) m.nak(nakDelayMs);
      metrics.batches.inc({ result: 'retry' }, good.length);
      return;
    }
    // One message the database refuses must not hold the others back: retry them one by one.
    for (const d of good) {
      const { m } = d;
      const alone = good.length === 1 ? 'data-error' : await store([d]);
      if (alone === 'stored') {
        m.ack();
        metrics.batches.inc({ result: 'stored' });
      } else if (alone === 'retry') {
        m.nak(nakDelayMs);
        metrics.batches.inc({ result: 'retry' });
      } else {
        log.error({ streamSeq: m.seq }, 'audit batch refused by database, dropped');
        metrics.batches.inc({ result: 'poison' });
        m.ack();
      }
    }
  };

  let stopping = false;
  let messages: ConsumerMessages | undefined;
  const queue: Arrived[] = [];
  let queuedRecords = 0;
  let wake: (() => void) | undefined;
  let drained: (() => void) | undefined;
  /** Ends the writer's wait for more records early (enough queued, or stopping). */
  let enough: (() => void) | undefined;
  let pulled = true;

  // Writes whatever has queued up since the last write, in stream order, at
  // most maxPerWrite messages and about maxRecordsPerWrite records at a time.
  const writer = async (): Promise<void> => {
    while (!(stopping && queue.length === 0 && !pulled)) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      if (queuedRecords < minRecordsPerWrite && !stopping && writeDelayMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, writeDelayMs);
          enough = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        enough = undefined;
      }
      let take = 0;
      let records = 0;
      while (take < queue.length && take < maxPerWrite && records < maxRecordsPerWrite) {
        records += queue[take]!.records?.length ?? 0;
        take += 1;
      }
      queuedRecords -= records;
      drained?.();
      await write(queue.splice(0, take));
    }
  };

  const run = async (): Promise<void> => {
    while (!stopping) {
      try {
        messages = await consumer.consume({ max_messages: 256 });
        if (stopping) {
          messages.stop();
          break;
        }
        for await (const m of messages) {
          if (stopping) {
            // Unqueued: hand it straight back rather than wait for ack_wait.
            m.nak();
            continue;
          }
          const arrived = decode(m);
          queue.push(arrived);
          queuedRecords += arrived.records?.length ?? 0;
          wake?.();
          if (queuedRecords >= minRecordsPerWrite) enough?.();
          // Buffered messages come through microtasks only: let the database
          // client's I/O in between, or the write in progress waits on decoding.
          await new Promise<void>((resolve) => setImmediate(resolve));
          while (queuedRecords >= maxQueuedRecords && !stopping) {
            await new Promise<void>((resolve) => {
              drained = resolve;
            });
            drained = undefined;
          }
        }
      } catch (err) {
        if (!stopping) log.error({ err }, 'audit consumer failed, restarting');
      }
      if (!stopping) await sleep(1_000);
    }
  };
  const writing = writer();
  const running = run().finally(() => {
    pulled = false;
    wake?.();
  });

  const pollLag = async (): Promise<void> => {
    try {
      const info = await bus.jsm.consumers.info(stream, durable);
      metrics.pending.set(info.num_pending);
      metrics.ackPending.set(info.num_ack_pending);
    } catch {
      // NATS unreachable: the gauges keep their last value until it is back.
    }
  };
  void pollLag();
  const lagTimer = setInterval(() => void pollLag(), options.lagPollMs ?? 5_000);
  lagTimer.unref();
  log.info({ stream }, 'audit consumer started');

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        clearInterval(lagTimer);
        messages?.stop();
        drained?.();
        enough?.();
        await running;
        await writing;
        log.info('audit consumer stopped');
      })()),
  };
}
