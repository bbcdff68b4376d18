import type * as grpc from '@grpc/grpc-js';
import { Metadata } from '@grpc/grpc-js';
import { isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type {
  AdapterDeps,
  CallInfo,
  CryptoDataPlaneHandlers,
  DataPlaneRequest__Output,
  DataPlaneResponse,
  RequestContext,
  UnaryHandler,
} from '@keyhold/proto';

/** The oneof member names of DataPlaneRequest (and DataPlaneResponse). */
export type DataPlaneOp = NonNullable<DataPlaneRequest__Output['op']>;

/** One handler per op, the same functions the unary RPCs use. */
export type DataPlaneHandlers = {
  readonly [K in DataPlaneOp]: UnaryHandler<never, unknown>;
};

/** The AWS operation name of each oneof member, for logs and metrics. */
export const OP_NAMES: Readonly<Record<DataPlaneOp, string>> = {
  encrypt: 'Encrypt',
  decrypt: 'Decrypt',
  reEncrypt: 'ReEncrypt',
  generateDataKey: 'GenerateDataKey',
  generateDataKeyWithoutPlaintext: 'GenerateDataKeyWithoutPlaintext',
  generateRandom: 'GenerateRandom',
};

const INTERNAL_MESSAGE =
  'The request was rejected because an internal exception occurred. The request can be retried.';

const NO_METADATA = new Metadata();

function contextOf(frame: DataPlaneRequest__Output): RequestContext {
  const c = frame.context;
  return {
    requestId: c?.requestId ?? '',
    region: c?.region ?? '',
    accountId: c?.accountId ?? '',
    principalArn: c?.principalArn ?? '',
    sourceIp: c?.sourceIp ?? '',
    userAgent: c?.userAgent ?? '',
    viaService: c?.viaService ?? '',
    operation: c?.operation ?? '',
  };
}

/**
 * Serves one frame through the op handlers and calls `answer` once with its
 * response (a KmsError travels as its code and client-safe message; anything
 * else is logged and sent as KMSInternalException).
 */
type ServeFrame = (
  frame: DataPlaneRequest__Output,
  signal: AbortSignal,
  answer: (response: DataPlaneResponse) => void,
) => void;

function frameServer(handlers: DataPlaneHandlers, deps: AdapterDeps): ServeFrame {
  const verbose = deps.logger.isLevelEnabled('debug');
  return (frame, signal, answer) => {
    const op = frame.op;
    const id = frame.id;
    const started = process.hrtime.bigint();
    const context = contextOf(frame);
    const method = op === undefined ? 'unknown' : OP_NAMES[op];
    // A child logger per request costs more than the AES work; below debug
    // level the ops only call debug (a no-op), so the base logger serves.
    const logger: Logger = verbose
      ? deps.logger.child({ requestId: context.requestId, op: method })
      : deps.logger;
    const info: CallInfo = { context, metadata: NO_METADATA, logger, signal };
    const finish = (response: DataPlaneResponse, code: string): void => {
      answer(response);
      if (deps.metrics) {
        deps.metrics.requests.inc({ method, code });
        deps.metrics.latency.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
      }
    };
    const request = op === undefined ? undefined : frame[op];
    if (op === undefined || request === undefined || request === null) {
      finish(
        { id, error: { code: 'ValidationException', message: 'The frame names no operation.' } },
        'ValidationException',
      );
      return;
    }
    const handler = handlers[op] as UnaryHandler<unknown, unknown>;
    handler(request, info).then(
      (result) => finish({ id, [op]: result }, 'OK'),
      (err: unknown) => {
        if (isKmsError(err)) {
          logger.debug({ code: err.code }, 'request rejected');
          const denyReason = err.audit?.denyReason;
          finish(
            {
              id,
              error: {
                code: err.code,
                message: err.message,
                ...(denyReason === undefined ? {} : { denyReason }),
              },
            },
            err.code,
          );
        } else {
          deps.logger.error({ err, requestId: context.requestId, op: method }, 'internal error');
          finish(
            { id, error: { code: 'KMSInternalException', message: INTERNAL_MESSAGE } },
            'KMSInternalException',
          );
        }
      },
    );
  };
}

/** Where a stream's answers go: straight to the call, or through a batch queue. */
interface Outbox {
  write(response: DataPlaneResponse): void;
  /** Sends whatever is queued, then ends the call. */
  end(): void;
  /** The call was cancelled or failed: nothing more can be sent. */
  drop(): void;
}

/**
 * The life of a stream, the same for both RPCs: every frame of every message
 * served as it arrives, answered in completion order; the operations aborted
 * when the call is cancelled or fails; the call ended once the client has
 * half-closed and every frame it sent has been answered.
 */
function serveStream<Req>(
  call: grpc.ServerDuplexStream<Req, unknown>,
  framesOf: (message: Req) => readonly DataPlaneRequest__Output[],
  serve: ServeFrame,
  outbox: Outbox,
): void {
  const abort = new AbortController();
  let inFlight = 0;
  let clientDone = false;
  const maybeEnd = (): void => {
    if (clientDone && inFlight === 0) outbox.end();
  };
  const answer = (response: DataPlaneResponse): void => {
    inFlight -= 1;
    if (!abort.signal.aborted) outbox.write(response);
    maybeEnd();
  };
  const stop = (): void => {
    abort.abort();
    outbox.drop();
  };
  call.on('cancelled', stop);
  call.on('error', stop);
  call.on('end', () => {
    clientDone = true;
    maybeEnd();
  });
  call.on('data', (message: Req) => {
    for (const frame of framesOf(message)) {
      inFlight += 1;
      serve(frame, abort.signal, answer);
    }
  });
}

/**
 * Answers queued on a DataPlaneBatch stream are sent at this many at the
 * latest, even within one loop turn. The ops cap plaintexts and blobs at a
 * few KiB (error messages are short), so 128 answers stay well under
 * 1 MiB, a quarter of what the gateway accepts in one message: counting
 * bytes as well would cost more than it protects.
 */
const MAX_BATCH_RESPONSES = 128;

/**
 * The CryptoDataPlane service. DataPlaneBatch is what the gateway uses: one
 * message carries the frames the gateway had ready in one loop turn, and the
 * answers finished in one turn here go back together (flushed by
 * setImmediate), which saves gRPC's per-message cost on both sides.
 * DataPlane, one frame per message, stays for gateways of the previous
 * version during a rolling upgrade. Both serve frames the same way.
 */
export function dataPlaneService(
  handlers: DataPlaneHandlers,
  deps: AdapterDeps,
): CryptoDataPlaneHandlers {
  const serve = frameServer(handlers, deps);
  return {
    DataPlane: (call) => {
      serveStream(call, (frame) => [frame], serve, {
        write: (response) => call.write(response),
        end: () => call.end(),
        drop: () => {},
      });
    },
    DataPlaneBatch: (call) => {
      let queue: DataPlaneResponse[] = [];
      let scheduled: NodeJS.Immediate | undefined;
      const flush = (): void => {
        clearImmediate(scheduled);
        scheduled = undefined;
        if (queue.length === 0) return;
        call.write({ responses: queue });
        queue = [];
      };
      serveStream(call, (message) => message.requests, serve, {
        write: (response) => {
          queue.push(response);
          if (queue.length >= MAX_BATCH_RESPONSES) flush();
          else scheduled ??= setImmediate(flush);
        },
        end: () => {
          flush();
          call.end();
        },
        drop: () => {
          clearImmediate(scheduled);
          scheduled = undefined;
          queue = [];
        },
      });
    },
  };
}
