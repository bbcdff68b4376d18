import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '@keyhold/bus';
import type { Logger } from '@keyhold/core';

/** Publishes one packed batch and resolves on the JetStream ack. */
export type PublishFn = (subject: string, data: Uint8Array, msgId: string) => Promise<void>;

export interface AuditPublisherOptions {
  readonly publish: PublishFn;
  /** The subject for a record's region. */
  readonly subjectFor: (region: string) => string;
  readonly logger: Logger;
  /** Called once per batch given up on after every retry. */
  readonly onPublishFailure?: (records: number) => void;
  /** A batch leaves this long after its first record at most. @default 2 */
  readonly flushIntervalMs?: number;
  /** @default 100 */
  readonly maxRecords?: number;
  /** Stays well under NATS's default 1 MiB max_payload. @default 524_288 */
  readonly maxBytes?: number;
  /** Waits between attempts; one attempt more than entries. @default [25, 100, 400] */
  readonly retryDelaysMs?: readonly number[];
}

interface Batch {
  readonly subject: string;
  readonly batchId: string;
  readonly records: string[];
  bytes: number;
  readonly done: Array<() => void>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Packs audit records into AuditBatch messages, one open batch per subject,
 * sent when full or `flushIntervalMs` after its first record. `record()`
 * resolves once the record's batch is acknowledged, so that a request is
 * answered only after its audit record is durable in JetStream.
 *
 * When a batch still fails after every retry, `record()` resolves anyway: the
 * key operation has already happened (a key created, data encrypted), so
 * failing the request would tell the caller something false and invite a
 * retry that repeats it. The loss is logged as an error and counted
 * (keyhold_audit_publish_failures_total) for alerting instead.
 */
export class AuditPublisher {
  private readonly options: AuditPublisherOptions;
  private readonly flushIntervalMs: number;
  private readonly maxRecords: number;
  private readonly maxBytes: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly open = new Map<string, Batch>();
  private readonly sending = new Set<Promise<void>>();

  constructor(options: AuditPublisherOptions) {
    this.options = options;
    this.flushIntervalMs = options.flushIntervalMs ?? 2;
    this.maxRecords = options.maxRecords ?? 100;
    this.maxBytes = options.maxBytes ?? 512 * 1024;
    this.retryDelaysMs = options.retryDelaysMs ?? [25, 100, 400];
  }

  /** Queues `record`; resolves when its batch is acknowledged or given up on. */
  record(record: AuditRecord): Promise<void> {
    const subject = this.options.subjectFor(record.region);
    const json = JSON.stringify(record);
    let batch = this.open.get(subject);
    if (batch && batch.records.length > 0 && batch.bytes + json.length + 1 > this.maxBytes) {
      this.send(batch);
      batch = undefined;
    }
    if (!batch) {
      batch = {
        subject,
        batchId: randomUUID(),
        records: [],
        bytes: 64,
        done: [],
        timer: undefined,
      };
      this.open.set(subject, batch);
      const b = batch;
      b.timer = setTimeout(() => this.send(b), this.flushIntervalMs);
    }
    batch.records.push(json);
    batch.bytes += json.length + 1;
    const acked = new Promise<void>((resolve) => batch.done.push(resolve));
    if (batch.records.length >= this.maxRecords) this.send(batch);
    return acked;
  }

  /** Sends every open batch and waits for all batches in flight. */
  async flush(): Promise<void> {
    for (const batch of [...this.open.values()]) this.send(batch);
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  private send(batch: Batch): void {
    if (this.open.get(batch.subject) !== batch) return;
    this.open.delete(batch.subject);
    if (batch.timer) clearTimeout(batch.timer);
    // Records are serialised once, on arrival; the batch is assembled around them.
    const body = `{"batchId":${JSON.stringify(batch.batchId)},"records":[${batch.records.join(',')}]}`;
    const p = this.publishWithRetry(batch, Buffer.from(body, 'utf8')).finally(() => {
      this.sending.delete(p);
      for (const resolve of batch.done) resolve();
    });
    this.sending.add(p);
  }

  private async publishWithRetry(batch: Batch, data: Uint8Array): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        // The same msgId on every attempt: JetStream drops a duplicate if an earlier ack was lost.
        await this.options.publish(batch.subject, data, batch.batchId);
        return;
      } catch (err) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) {
          this.options.logger.error(
            { err, batchId: batch.batchId, subject: batch.subject, records: batch.records.length },
            'audit batch publish failed',
          );
          this.options.onPublishFailure?.(batch.records.length);
          return;
        }
        this.options.logger.warn(
          { err, batchId: batch.batchId, attempt },
          'audit batch publish retry',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
