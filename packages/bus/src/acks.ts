import { createInbox, headers } from 'nats';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { createSweeper } from '@keyhold/core';
import type { Sweeper } from '@keyhold/core';

/** JetStream's answer to a stored publish. */
export interface PubAck {
  readonly stream: string;
  readonly seq: number;
  /** The stream already held a message with this `Nats-Msg-Id` (within its window). */
  readonly duplicate: boolean;
}

/** A publish JetStream refused, did not answer in time, or that no stream takes. */
export class JetStreamPublishError extends Error {
  /** JetStream's or NATS's status code (503: no stream takes the subject); 408: no answer. */
  readonly code: number;
  constructor(message: string, code: number) {
    super(message);
    this.name = 'JetStreamPublishError';
    this.code = code;
  }
}

export interface JetStreamAcksOptions {
  /** How long a publish waits for its ack. @default 5000 */
  readonly timeoutMs?: number;
}

interface Pending {
  readonly resolve: (ack: PubAck) => void;
  readonly reject: (err: Error) => void;
  readonly deadline: number;
  readonly subject: string;
}

const decoder = new TextDecoder();

/**
 * JetStream publishes whose acks share one inbox subscription. Each publish
 * is a core NATS publish with a reply subject under that inbox, and its ack
 * is matched by the reply token; timeouts are swept by one timer, which runs
 * only while acks are awaited. The inbox is subscribed on the first publish,
 * so a service that never publishes this way (every one has a Bus) pays
 * nothing for it.
 *
 * Why not `js.publish`: nats.js 2.29 makes every request a `RequestOne`
 * with its own timer, and on success still builds a `NatsError` (a stack
 * capture) to reject its already-settled promise. Measured on the 2-vCPU
 * build machine, one publish after another with a 2 KB body: ~100-120 µs
 * of the client's CPU per publish with `js.publish`, ~63-67 with this; in
 * the gateway, where every audit batch is one publish, the error alone was
 * ~1% of its time at saturation, and below saturation a batch holds one or
 * two records. The wire protocol is the same: JetStream's reply to a
 * publish is a JSON PubAck or `{error}`, or a 503 status when no stream
 * listens on the subject.
 */
export class JetStreamAcks {
  private readonly nc: NatsConnection;
  private readonly timeoutMs: number;
  private readonly inbox: string;
  private sub: Subscription | undefined;
  /** By reply token, in publish order, so that deadlines are in order too. */
  private readonly pending = new Map<string, Pending>();
  private readonly sweeper: Sweeper;
  private next = 0;
  private closed = false;

  constructor(nc: NatsConnection, options: JetStreamAcksOptions = {}) {
    this.nc = nc;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.inbox = createInbox();
    const every = Math.max(10, Math.min(250, Math.floor(this.timeoutMs / 10)));
    this.sweeper = createSweeper(every, (now) => this.sweep(now));
    // nats.js closes the subscription with the connection; nothing would answer then.
    void nc.closed().then(() => this.close());
  }

  private subscribe(): Subscription {
    const prefix = this.inbox.length + 1;
    return this.nc.subscribe(`${this.inbox}.*`, {
      callback: (err, msg) => {
        if (err) {
          // The subscription itself failed (e.g. a permissions error): no ack will come.
          this.failAll(
            new JetStreamPublishError(`JetStream ack inbox failed: ${err.message}`, 500),
          );
          return;
        }
        const token = msg.subject.slice(prefix);
        const p = this.pending.get(token);
        if (p === undefined) return; // Already timed out.
        this.pending.delete(token);
        const result = parseAck(msg, p.subject);
        if (result instanceof Error) p.reject(result);
        else p.resolve(result);
      },
    });
  }

  /**
   * Publishes `data` to `subject` and resolves with JetStream's ack. With
   * `msgId` (sent as `Nats-Msg-Id`) the stream drops a repeat within its
   * duplicate window, so a publish retried after a lost ack is stored once.
   */
  publish(subject: string, data: Uint8Array, msgId?: string): Promise<PubAck> {
    if (this.closed) {
      return Promise.reject(new JetStreamPublishError('the NATS connection is closed', 503));
    }
    const token = (this.next++).toString(36);
    return new Promise<PubAck>((resolve, reject) => {
      const h = headers();
      if (msgId !== undefined) h.set('Nats-Msg-Id', msgId);
      try {
        this.sub ??= this.subscribe();
        this.nc.publish(subject, data, { reply: `${this.inbox}.${token}`, headers: h });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      this.pending.set(token, { resolve, reject, deadline: Date.now() + this.timeoutMs, subject });
      this.sweeper.arm();
    });
  }

  /** Publishes waiting for an ack now fail; later ones are refused. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sweeper.stop();
    this.failAll(new JetStreamPublishError('the NATS connection is closed', 503));
    if (this.sub && !this.sub.isClosed()) this.sub.unsubscribe();
  }

  /** Publishes still waiting for an ack. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Fails the publishes past their deadline; true while others still wait. */
  private sweep(now: number): boolean {
    for (const [token, p] of this.pending) {
      // All share one timeout, so the first one not yet due ends the sweep.
      if (p.deadline > now) break;
      this.pending.delete(token);
      p.reject(
        new JetStreamPublishError(
          `JetStream did not acknowledge a publish to ${p.subject} within ${this.timeoutMs} ms`,
          408,
        ),
      );
    }
    return this.pending.size > 0;
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }
}

function parseAck(msg: Msg, subject: string): PubAck | JetStreamPublishError {
  const h = msg.headers;
  if (h?.hasError) {
    return h.code === 503
      ? new JetStreamPublishError(`no JetStream stream takes subject ${subject}`, 503)
      : new JetStreamPublishError(
          `JetStream publish to ${subject} failed: ${h.description || h.status}`,
          h.code,
        );
  }
  const noAck = () =>
    new JetStreamPublishError(`JetStream answered a publish to ${subject} with no ack`, 500);
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(msg.data));
  } catch {
    return noAck();
  }
  if (typeof body !== 'object' || body === null) return noAck();
  const { stream, seq, duplicate, error } = body as Record<string, unknown>;
  if (typeof error === 'object' && error !== null) {
    const { code, description } = error as Record<string, unknown>;
    return new JetStreamPublishError(
      `JetStream refused a publish to ${subject}: ${typeof description === 'string' ? description : 'unknown error'}`,
      typeof code === 'number' ? code : 500,
    );
  }
  if (typeof stream !== 'string' || typeof seq !== 'number') return noAck();
  return { stream, seq, duplicate: duplicate === true };
}
