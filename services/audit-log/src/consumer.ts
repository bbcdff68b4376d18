import { setTimeout as sleep } from 'node:timers/promises';
import { AckPolicy, DeliverPolicy, nanos } from 'nats';
import type { ConsumerMessages, JsMsg } from 'nats';
import type { Bus } from '@keyhold/bus';
import type { Counter, Logger } from '@keyhold/core';
import type { Sql } from 'postgres';
import { PoisonMessageError, decodeBatch } from './records.js';
import { insertRecords } from './store.js';

export interface AuditConsumerDeps {
  readonly bus: Pick<Bus, 'js' | 'jsm' | 'names'>;
  readonly sql: Sql;
  readonly logger: Logger;
  readonly metrics: AuditConsumerMetrics;
}

export interface AuditConsumerMetrics {
  /** Messages by result: stored, poison, retry. */
  readonly batches: Counter<'result'>;
  /** Records by result: inserted, duplicate, rejected. */
  readonly records: Counter<'result'>;
}

export interface AuditConsumerOptions {
  /** @default 'audit-log' */
  readonly durableName?: string;
  /** Delay before a batch that failed on the database comes back. @default 5000 */
  readonly nakDelayMs?: number;
  /** How long a delivered batch may stay unacked before redelivery. @default 30_000 */
  readonly ackWaitMs?: number;
}

export interface AuditConsumer {
  /** Stops pulling, lets the batch in hand finish, and resolves. */
  stop(): Promise<void>;
}

// SQLSTATE classes 22 (data exception) and 23 (integrity) fail the same way on
// every retry, so such a batch is poison rather than a reason to wait.
const isDataError = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
};

/**
 * A durable pull consumer of AuditBatch messages: each batch is stored in one
 * INSERT and then acked. Poison messages are acked and logged without their
 * payload; database failures are nakked with a delay and come back.
 */
export async function startAuditConsumer(
  deps: AuditConsumerDeps,
  options: AuditConsumerOptions = {},
): Promise<AuditConsumer> {
  const { bus, sql, metrics } = deps;
  const durable = options.durableName ?? 'audit-log';
  const nakDelayMs = options.nakDelayMs ?? 5_000;
  const stream = bus.names.auditStream;
  const log = deps.logger.child({ consumer: durable });

  const config = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: bus.names.auditSubjects,
    ack_wait: nanos(options.ackWaitMs ?? 30_000),
    max_ack_pending: 256,
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

  const handle = async (m: JsMsg): Promise<void> => {
    const where = { streamSeq: m.seq, deliveries: m.info.redeliveryCount };
    let batch;
    try {
      batch = decodeBatch(m.data);
    } catch (err) {
      const reason = err instanceof PoisonMessageError ? err.message : 'undecodable';
      log.warn({ ...where, reason }, 'poison audit message dropped');
      metrics.batches.inc({ result: 'poison' });
      m.ack();
      return;
    }
    if (batch.rejected > 0) {
      log.warn(
        { ...where, batchId: batch.batchId, rejected: batch.rejected },
        'invalid audit records dropped',
      );
      metrics.records.inc({ result: 'rejected' }, batch.rejected);
    }
    try {
      const inserted = await insertRecords(sql, batch.records);
      metrics.records.inc({ result: 'inserted' }, inserted);
      metrics.records.inc({ result: 'duplicate' }, batch.records.length - inserted);
      metrics.batches.inc({ result: 'stored' });
      m.ack();
    } catch (err) {
      if (isDataError(err)) {
        const code = (err as { code: string }).code;
        log.error(
          { ...where, batchId: batch.batchId, sqlState: code },
          'audit batch refused by database, dropped',
        );
        metrics.batches.inc({ result: 'poison' });
        m.ack();
        return;
      }
      log.error({ ...where, batchId: batch.batchId, err }, 'audit batch not stored, will retry');
      metrics.batches.inc({ result: 'retry' });
      m.nak(nakDelayMs);
    }
  };

  let stopping = false;
  let messages: ConsumerMessages | undefined;
  const run = async (): Promise<void> => {
    while (!stopping) {
      try {
        messages = await consumer.consume({ max_messages: 64 });
        if (stopping) {
          messages.stop();
          break;
        }
        for await (const m of messages) {
          if (stopping) {
            // Unprocessed: hand it straight back rather than wait for ack_wait.
            m.nak();
            continue;
          }
          await handle(m);
        }
      } catch (err) {
        if (!stopping) log.error({ err }, 'audit consumer failed, restarting');
      }
      if (!stopping) await sleep(1_000);
    }
  };
  const running = run();
  log.info({ stream }, 'audit consumer started');

  return {
    stop: async () => {
      if (stopping) return running;
      stopping = true;
      messages?.stop();
      await running;
      log.info('audit consumer stopped');
    },
  };
}
