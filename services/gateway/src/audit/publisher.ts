import { randomUUID } from 'node:crypto';
import { AuditBatchEncoder, DEFAULT_AUDIT_WIRE_FORMAT } from '@keyhold/bus';
import type { AuditRecord, AuditWireFormat } from '@keyhold/bus';
import { KmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';

/**
 * What the gateway does with a request whose audit record JetStream would not
 * acknowledge: `closed` refuses it (DependencyTimeoutException, retryable),
 * `open` answers it anyway and counts the lost record.
 */
export const AUDIT_FAIL_MODES = ['closed', 'open'] as const;
export type AuditFailMode = (typeof AUDIT_FAIL_MODES)[number];

/** The retryable error of a request whose record could not be made durable. */
export function auditUnavailable(cause?: unknown): KmsError {
  return new KmsError(
    'DependencyTimeoutException',
    'The request was not completed because the audit log could not record it. The request can be retried.',
    cause === undefined ? undefined : { cause },
  );
}

/** Publishes one packed batch and resolves on the JetStream ack. */
export type PublishFn = (subject: string, data: Uint8Array, msgId: string) => Promise<void>;

export interface AuditPublisherOptions {
  readonly publish: PublishFn;
  /** The subject for a record's region. */
  readonly subjectFor: (region: string) => string;
  readonly logger: Logger;
  /** Called once per batch given up on after every retry. */
  readonly onPublishFailure?: (records: number) => void;
  /**
   * While a batch of its subject is in flight, a new batch leaves when that
   * one is settled, or this long after its first record at the latest. With
   * none in flight it leaves at the end of the loop turn. @default 2
   */
  readonly flushIntervalMs?: number;
  /**
   * With no batch of its subject in flight, a new batch still waits up to
   * this long while requests that will hand over a record are on their way
   * (between {@link AuditPublisher.begin} and {@link AuditPublisher.end}),
   * and leaves at the end of the turn in which the last of them arrives.
   * With none on their way (one client calling after another) it leaves at
   * the end of the loop turn. 0 turns the wait off. @default 1
   */
  readonly lingerMs?: number;
  /** @default 100 */
  readonly maxRecords?: number;
  /**
   * UTF-8 bytes of a batch as sent; stays well under NATS's default 1 MiB
   * max_payload. A single larger record still goes, alone. @default 524_288
   */
  readonly maxBytes?: number;
  /**
   * 2 sends each record as a delta of the one before it in its batch; 1 sends
   * every record in full, for audit-logs older than version 2, which drop
   * version-2 records. @default 2
   */
  readonly wireFormat?: AuditWireFormat;
  /** Waits between attempts; one attempt more than entries. @default [25, 100, 400] */
  readonly retryDelaysMs?: readonly number[];
  /** @default 'closed' */
  readonly failMode?: AuditFailMode;
  /**
   * In `closed` mode, after a batch is given up on, new requests are refused
   * up front (see `admit`) for this long, rather than each running and then
   * waiting through every retry. @default 1000
   */
  readonly refuseForMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Batch {
  readonly subject: string;
  readonly encoder: AuditBatchEncoder;
  readonly done: Array<(err?: KmsError) => void>;
  /** What sends the batch if it does not fill up first: a timer, or the end of the loop turn. */
  timer: NodeJS.Timeout | undefined;
  immediate: NodeJS.Immediate | undefined;
  /** The timer is the linger for records on their way (not the wait for a batch in flight). */
  lingering: boolean;
}

/**
 * Packs audit records into batch messages (in `wireFormat`), one open batch per subject,
 * by group commit: with no batch of the subject in flight, the open batch
 * leaves at the end of the loop turn, so a request under light traffic waits
 * for no timer (unless other requests are on their way to a record: then it
 * waits for them, `lingerMs` at most); while one is in flight, records gather until it is settled
 * (or `flushIntervalMs` has passed, or the batch is full) and then leave
 * together. Batches so grow with the load, and under load the messages per
 * second stay about one per JetStream round trip. `record()` resolves once
 * the record's batch is acknowledged, so that a request is answered only
 * after its audit record is in JetStream.
 *
 * When a batch still fails after every retry:
 * - `closed` (the default, Vault's rule): `record()` rejects with a retryable
 *   DependencyTimeoutException, so the caller gets an error instead of an
 *   answer nobody can audit; and `admit()` refuses new requests for
 *   `refuseForMs`, so they fail fast instead of running first.
 * - `open`: `record()` resolves anyway; the loss is logged and counted
 *   (keyhold_audit_publish_failures_total) for alerting.
 */
export class AuditPublisher {
  private readonly options: AuditPublisherOptions;
  private readonly flushIntervalMs: number;
  private readonly lingerMs: number;
  private readonly maxRecords: number;
  private readonly maxBytes: number;
  private readonly wireFormat: AuditWireFormat;
  private readonly retryDelaysMs: readonly number[];
  private readonly failMode: AuditFailMode;
  private readonly refuseForMs: number;
  private readonly now: () => number;
  private refuseUntil = 0;
  private readonly open = new Map<string, Batch>();
  private readonly sending = new Set<Promise<void>>();
  /** Batches sent and not yet settled, by subject. */
  private readonly inFlight = new Map<string, number>();
  /** Requests begun whose record has not been handed over yet. */
  private coming = 0;

  constructor(options: AuditPublisherOptions) {
    this.options = options;
    this.flushIntervalMs = options.flushIntervalMs ?? 2;
    this.lingerMs = options.lingerMs ?? 1;
    this.maxRecords = options.maxRecords ?? 100;
    this.maxBytes = options.maxBytes ?? 512 * 1024;
    this.wireFormat = options.wireFormat ?? DEFAULT_AUDIT_WIRE_FORMAT;
    this.retryDelaysMs = options.retryDelaysMs ?? [25, 100, 400];
    this.failMode = options.failMode ?? 'closed';
    this.refuseForMs = options.refuseForMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Throws the retryable audit error while, in `closed` mode, records are
   * known not to get through; called before a request does anything.
   */
  admit(): void {
    if (this.refuseUntil !== 0 && this.now() < this.refuseUntil) throw auditUnavailable();
  }

  /**
   * A request has begun that will hand `record()` a record: while any are on
   * their way, a new batch lingers for them (`lingerMs`). Pair with `end()`.
   */
  begin(): void {
    this.coming += 1;
  }

  /**
   * The request of a `begin()` is about to hand over its record (or will not
   * after all). When none are left on their way, lingering batches leave at
   * the end of this turn, with the record handed over in it.
   */
  end(): void {
    if (this.coming === 0) return;
    this.coming -= 1;
    if (this.coming > 0) return;
    for (const batch of this.open.values()) {
      if (!batch.lingering) continue;
      batch.lingering = false;
      clearTimeout(batch.timer);
      batch.timer = undefined;
      batch.immediate = setImmediate(() => this.send(batch));
    }
  }

  /**
   * Queues `record`; resolves when its batch is acknowledged. When the batch
   * is given up on, rejects (`closed`) or resolves (`open`).
   */
  record(record: AuditRecord): Promise<void> {
    const subject = this.options.subjectFor(record.awsRegion);
    let batch = this.open.get(subject);
    // Serialised once, on arrival, against the batch's last record; if it does not fit, it
    // starts the next batch instead.
    if (batch && !batch.encoder.add(record, this.maxBytes)) {
      this.send(batch);
      batch = undefined;
    }
    if (!batch) {
      batch = {
        subject,
        encoder: new AuditBatchEncoder(randomUUID(), this.wireFormat),
        done: [],
        timer: undefined,
        immediate: undefined,
        lingering: false,
      };
      batch.encoder.add(record);
      this.open.set(subject, batch);
      const b = batch;
      if (this.inFlight.has(subject)) {
        b.timer = setTimeout(() => this.send(b), this.flushIntervalMs);
      } else if (this.coming > 0 && this.lingerMs > 0) {
        // Others are on their way: one message for them all is cheaper for every
        // process on the path (gateway, NATS, audit-log) than one each.
        b.lingering = true;
        b.timer = setTimeout(() => this.send(b), this.lingerMs);
      } else {
        b.immediate = setImmediate(() => this.send(b));
      }
    }
    const acked = new Promise<void>((resolve, reject) =>
      batch.done.push((err) => (err === undefined ? resolve() : reject(err))),
    );
    if (batch.encoder.count >= this.maxRecords) this.send(batch);
    return acked;
  }

  /** Sends every open batch and waits for all batches in flight. */
  async flush(): Promise<void> {
    for (const batch of [...this.open.values()]) this.send(batch);
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  private send(batch: Batch): void {
    const subject = batch.subject;
    if (this.open.get(subject) !== batch) return;
    this.open.delete(subject);
    clearTimeout(batch.timer);
    clearImmediate(batch.immediate);
    this.inFlight.set(subject, (this.inFlight.get(subject) ?? 0) + 1);
    const p = this.publishWithRetry(batch, batch.encoder.finish()).then((err) => {
      this.sending.delete(p);
      const left = this.inFlight.get(subject)! - 1;
      if (left > 0) this.inFlight.set(subject, left);
      else this.inFlight.delete(subject);
      for (const settle of batch.done) settle(err);
      // What gathered meanwhile is the next group: it goes now.
      const next = this.open.get(subject);
      if (left === 0 && next) this.send(next);
    });
    this.sending.add(p);
  }

  /** Resolves with the error to hand the batch's requests, or undefined. Never rejects. */
  private async publishWithRetry(batch: Batch, data: Uint8Array): Promise<KmsError | undefined> {
    for (let attempt = 0; ; attempt++) {
      try {
        // The same msgId on every attempt: JetStream drops a duplicate if an earlier ack was lost.
        await this.options.publish(batch.subject, data, batch.encoder.batchId);
        this.refuseUntil = 0;
        return undefined;
      } catch (err) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) {
          this.options.logger.error(
            {
              err,
              batchId: batch.encoder.batchId,
              subject: batch.subject,
              records: batch.encoder.count,
            },
            'audit batch publish failed',
          );
          this.options.onPublishFailure?.(batch.encoder.count);
          if (this.failMode === 'open') return undefined;
          this.refuseUntil = this.now() + this.refuseForMs;
          return auditUnavailable(err);
        }
        this.options.logger.warn(
          { err, batchId: batch.encoder.batchId, attempt },
          'audit batch publish retry',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
