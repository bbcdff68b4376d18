import * as grpc from '@grpc/grpc-js';
import { KmsError, createSweeper, isKmsErrorCode } from '@keyhold/core';
import { CLIENT_OPTIONS, loadProto } from '@keyhold/proto';
import type {
  CallOptions,
  CryptoDataPlaneClient,
  CryptoWorkerMethods,
  DataPlaneRequest,
  DataPlaneRequests,
  DataPlaneResponse__Output,
  DataPlaneResponses__Output,
} from '@keyhold/proto';

/** The data-plane operations the streams carry; the rest of CryptoWorkerMethods stays unary. */
export type StreamedMethods = Pick<
  CryptoWorkerMethods,
  | 'Encrypt'
  | 'Decrypt'
  | 'ReEncrypt'
  | 'GenerateDataKey'
  | 'GenerateDataKeyWithoutPlaintext'
  | 'GenerateRandom'
>;

type Op = NonNullable<DataPlaneResponse__Output['result']>;

const OPS: ReadonlyArray<readonly [keyof StreamedMethods, Exclude<Op, 'error'>]> = [
  ['Encrypt', 'encrypt'],
  ['Decrypt', 'decrypt'],
  ['ReEncrypt', 'reEncrypt'],
  ['GenerateDataKey', 'generateDataKey'],
  ['GenerateDataKeyWithoutPlaintext', 'generateDataKeyWithoutPlaintext'],
  ['GenerateRandom', 'generateRandom'],
];

/** Options of {@link createCryptoStreams}. */
export interface CryptoStreamsOptions {
  /**
   * TCP connections (HTTP/2 channels) to the worker. Several, so that a
   * worker run as several processes (node:cluster) gets connections on each,
   * and so that one connection's head-of-line queue stays short.
   * @default 4
   */
  readonly connections?: number;
  /** Bidi streams per connection. @default 2 */
  readonly streamsPerConnection?: number;
  /** Deadline of a request without `timeoutMs`. @default 10_000 */
  readonly defaultTimeoutMs?: number;
  /** Called when a stream breaks (metrics, logs). */
  readonly onStreamError?: (err: unknown) => void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
  readonly op: Exclude<Op, 'error'>;
  readonly request: unknown;
  readonly context: CallOptions['context'];
  readonly deadline: number;
  /** Estimated encoded size of its frame ({@link approxBytes}). */
  readonly bytes: number;
  /** How many streams the request was sent on. */
  attempts: number;
}

/**
 * Sends a broken stream's request again on another open stream; false when
 * it should fail instead (out of attempts or time, or no other open stream).
 */
type Retry = (p: Pending, from: Lane) => boolean;

/** How often deadlines are swept: one timer for all requests instead of one each. */
const SWEEP_MS = 25;
/**
 * A stream is replaced after this long, well within the servers' connection
 * age grace (SERVER_OPTIONS): new streams follow the channel to new
 * connections, so streams rebalance over crypto-worker replicas too.
 */
const STREAM_MAX_AGE_MS = 60_000;
/** Request ids are uint32 on the wire. */
const MAX_ID = 0xffffffff;
/**
 * Streams a request may be sent on. The data-plane operations change nothing
 * in the worker (the gateway audits each request once), so a request whose
 * stream broke before its answer came is safe to send again.
 */
const MAX_ATTEMPTS = 3;
/**
 * A lane's queued frames go out at once when they reach this many. Within
 * one loop turn everything ready shares a message anyway; the cap bounds how
 * long the first frame of a message waits for the worker to decode the rest.
 */
const MAX_BATCH_FRAMES = 128;
/**
 * ... or this many estimated bytes: half of the 1 MiB a Keyhold server
 * accepts in one message (SERVER_OPTIONS), which leaves room for the
 * estimate's slack and for the frame that crosses the cap (the gateway's
 * body limit bounds one frame).
 */
const MAX_BATCH_BYTES = 512 * 1024;

type Stream = grpc.ClientDuplexStream<DataPlaneRequests, DataPlaneResponses__Output>;

/**
 * A rough size of a value's protobuf encoding, without encoding it: the
 * bytes of its strings and buffers plus a few per field for tag and length.
 * Field names count too though they are not on the wire, which about makes
 * up for the extra tags of map entries (whose keys are on the wire).
 */
function approxBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + Buffer.byteLength(value);
  if (value instanceof Uint8Array) return 4 + value.length;
  if (typeof value !== 'object' || value === null) return 10;
  let n = 4;
  for (const [k, v] of Object.entries(value)) n += Buffer.byteLength(k) + approxBytes(v);
  return n;
}

/**
 * One bidi DataPlaneBatch stream and the requests waiting on it. Frames are
 * queued and written together once per loop turn, so the requests of many
 * callers that arrive in one poll phase share one message. A broken
 * stream's requests, those still queued included, go again on another open
 * stream (the worker process behind this one may have died while others
 * live); when there is none, or a request is out of attempts or time, it
 * fails with DependencyTimeoutException (retryable, like AWS's answer to a
 * dependency that did not respond). The stream is replaced on next use.
 */
class Lane {
  /** Requests sent or queued, by id: answers may come on a replaced stream too. */
  readonly pending = new Map<number, Pending>();
  #stream: Stream | undefined;
  #queue: DataPlaneRequest[] = [];
  #queuedBytes = 0;
  #flushing: NodeJS.Immediate | undefined;
  #nextId = 1;
  #openedAt = 0;
  readonly #client: CryptoDataPlaneClient;
  readonly #onError: ((err: unknown) => void) | undefined;
  readonly #retry: Retry;

  constructor(
    client: CryptoDataPlaneClient,
    onError: ((err: unknown) => void) | undefined,
    retry: Retry,
  ) {
    this.#client = client;
    this.#onError = onError;
    this.#retry = retry;
  }

  /** True while this lane has a stream that has not broken. */
  get open(): boolean {
    return this.#stream !== undefined;
  }

  /** Frames waiting for this loop turn's write. */
  get queued(): number {
    return this.#queue.length;
  }

  send(op: Exclude<Op, 'error'>, request: unknown, options: CallOptions, timeoutMs: number) {
    return new Promise<unknown>((resolve, reject) => {
      this.resend({
        resolve,
        reject,
        op,
        request,
        context: options.context,
        deadline: Date.now() + timeoutMs,
        bytes: approxBytes(request) + approxBytes(options.context),
        attempts: 0,
      });
    });
  }

  /** Queues `p` for this lane's stream, with the time it has left. */
  resend(p: Pending): void {
    this.#open();
    const id = this.#nextId;
    this.#nextId = id >= MAX_ID ? 1 : id + 1;
    p.attempts += 1;
    this.pending.set(id, p);
    const frame: DataPlaneRequest = {
      id,
      timeoutMs: Math.max(1, p.deadline - Date.now()),
      [p.op]: p.request,
    };
    if (p.context) frame.context = p.context;
    this.#queue.push(frame);
    this.#queuedBytes += p.bytes;
    if (this.#queue.length >= MAX_BATCH_FRAMES || this.#queuedBytes >= MAX_BATCH_BYTES) {
      this.#flush();
    } else {
      this.#flushing ??= setImmediate(() => this.#flush());
    }
  }

  sweep(now: number): void {
    for (const [id, p] of this.pending) {
      if (p.deadline <= now) {
        this.pending.delete(id);
        p.reject(KmsError.dependencyTimeout(new Error('crypto-worker request deadline passed')));
      }
    }
  }

  close(): void {
    this.#flush();
    this.#stream?.end();
  }

  /** Writes the queued frames as one message on the current stream. */
  #flush(): void {
    clearImmediate(this.#flushing);
    this.#flushing = undefined;
    if (this.#queue.length === 0) return;
    this.#stream?.write({ requests: this.#queue });
    this.#queue = [];
    this.#queuedBytes = 0;
  }

  #open(): Stream {
    if (this.#stream && Date.now() - this.#openedAt < STREAM_MAX_AGE_MS) return this.#stream;
    // Half-closed, the old stream still delivers the answers it owes, then
    // ends; frames still queued go on the new one.
    this.#stream?.end();
    // No stream-wide deadline; each request has its own.
    const stream = this.#client.DataPlaneBatch();
    this.#stream = stream;
    this.#openedAt = Date.now();
    stream.on('data', (message: DataPlaneResponses__Output) => {
      for (const res of message.responses) this.#answer(res);
    });
    const broken = (err: unknown): void => {
      if (this.#stream !== stream) return;
      this.#stream = undefined;
      // Queued frames are in `pending` and go again with the rest.
      clearImmediate(this.#flushing);
      this.#flushing = undefined;
      this.#queue = [];
      this.#queuedBytes = 0;
      if (err !== undefined) this.#onError?.(err);
      const failure = KmsError.dependencyTimeout(err);
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const p of waiting) if (!this.#retry(p, this)) p.reject(failure);
    };
    stream.on('error', (err: unknown) => broken(err));
    stream.on('end', () => broken(undefined));
    return stream;
  }

  #answer(res: DataPlaneResponse__Output): void {
    const p = this.pending.get(res.id);
    if (!p) return; // already timed out
    this.pending.delete(res.id);
    if (res.result === 'error' && res.error) {
      const code = res.error.code;
      p.reject(
        isKmsErrorCode(code)
          ? new KmsError(
              code,
              res.error.message,
              res.error.denyReason ? { audit: { denyReason: res.error.denyReason } } : undefined,
            )
          : KmsError.internal(new Error(`crypto-worker sent unknown error code ${code}`)),
      );
    } else if (res.result === p.op && res[p.op]) {
      p.resolve(res[p.op]);
    } else {
      p.reject(KmsError.internal(new Error('crypto-worker answered with another operation')));
    }
  }
}

/** A handle on the streams: the data-plane methods plus close(). */
export type CryptoStreams = StreamedMethods & {
  /** Requests waiting for an answer, over all streams. */
  readonly inFlight: number;
  close(): void;
};

/**
 * The gateway's hot-path transport to crypto-worker: data-plane calls
 * multiplexed on long-lived bidi streams over a few connections, each call
 * sent on the stream with the fewest requests waiting. Same method shapes
 * as the unary client, so operations do not care which one they get.
 */
export function createCryptoStreams(
  address: string,
  options: CryptoStreamsOptions = {},
): CryptoStreams {
  const Ctor = loadProto().keyhold.crypto.v1.CryptoDataPlane;
  const connections = Math.max(1, options.connections ?? 4);
  const perConnection = Math.max(1, options.streamsPerConnection ?? 2);
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
  const clients: CryptoDataPlaneClient[] = [];
  const lanes: Lane[] = [];
  const retry: Retry = (p, from) => {
    if (p.attempts >= MAX_ATTEMPTS || p.deadline <= Date.now()) return false;
    let best: Lane | undefined;
    for (const lane of lanes) {
      if (lane !== from && lane.open && (!best || lane.pending.size < best.pending.size)) {
        best = lane;
      }
    }
    if (!best) return false;
    best.resend(p);
    return true;
  };
  for (let c = 0; c < connections; c++) {
    const client = new Ctor(address, grpc.credentials.createInsecure(), {
      ...CLIENT_OPTIONS,
      // A private subchannel per client: otherwise channels with equal options share one TCP connection.
      'grpc.use_local_subchannel_pool': 1,
      'grpc.max_receive_message_length': 4 * 1024 * 1024,
    });
    clients.push(client);
    for (let s = 0; s < perConnection; s++) {
      lanes.push(new Lane(client, options.onStreamError, retry));
    }
  }
  // Armed only while requests are pending: an idle gateway is not woken 40
  // times a second for nothing.
  const sweeper = createSweeper(SWEEP_MS, (now) => {
    let pending = false;
    for (const lane of lanes) {
      lane.sweep(now);
      if (lane.pending.size > 0) pending = true;
    }
    return pending;
  });

  let next = 0;
  let filling: Lane | undefined;
  const pick = (): Lane => {
    // The lane already gathering this loop turn's frames takes the rest of the
    // turn's requests too, so that a turn costs one message, not one per lane
    // (with 4 × 2 lanes, spreading each turn over all of them cost a quarter
    // of the throughput). Once it has written (end of turn, or a full batch),
    // the next request picks again: round-robin start, then the least loaded,
    // which spreads turns evenly and avoids a slow lane.
    if (filling && filling.queued > 0 && filling.open) return filling;
    let best = lanes[next]!;
    next = (next + 1) % lanes.length;
    for (const lane of lanes) if (lane.pending.size < best.pending.size) best = lane;
    filling = best;
    return best;
  };

  const out: Record<string, unknown> = {
    close: () => {
      sweeper.stop();
      for (const lane of lanes) lane.close();
      for (const client of clients) client.close();
    },
  };
  Object.defineProperty(out, 'inFlight', {
    get: () => lanes.reduce((n, lane) => n + lane.pending.size, 0),
  });
  for (const [method, op] of OPS) {
    out[method] = (request: unknown, callOptions: CallOptions = {}) => {
      sweeper.arm();
      return pick().send(op, request, callOptions, callOptions.timeoutMs ?? defaultTimeoutMs);
    };
  }
  return out as unknown as CryptoStreams;
}
