import type * as grpc from '@grpc/grpc-js';
import { Metadata } from '@grpc/grpc-js';
import { isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type {
  AdapterDeps,
  CallInfo,
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
 * The DataPlane bidi handler: many requests multiplexed on one long-lived
 * stream, each frame answered by id, in completion order, through the same
 * operation handlers as the unary RPCs and with the same error mapping (a
 * KmsError travels as its code and client-safe message; anything else is
 * logged and sent as KMSInternalException). The stream ends once the client
 * half-closes and every request it sent has been answered.
 */
export function dataPlaneHandler(
  handlers: DataPlaneHandlers,
  deps: AdapterDeps,
): grpc.handleBidiStreamingCall<DataPlaneRequest__Output, DataPlaneResponse> {
  const verbose = deps.logger.isLevelEnabled('debug');
  return (call) => {
    const abort = new AbortController();
    let inFlight = 0;
    let clientDone = false;
    const maybeEnd = (): void => {
      if (clientDone && inFlight === 0) call.end();
    };
    call.on('cancelled', () => abort.abort());
    call.on('error', () => abort.abort());
    call.on('end', () => {
      clientDone = true;
      maybeEnd();
    });
    call.on('data', (frame: DataPlaneRequest__Output) => {
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
      const info: CallInfo = { context, metadata: NO_METADATA, logger, signal: abort.signal };
      const finish = (response: DataPlaneResponse, code: string): void => {
        inFlight -= 1;
        if (!abort.signal.aborted) call.write(response);
        if (deps.metrics) {
          deps.metrics.requests.inc({ method, code });
          deps.metrics.latency.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
        }
        maybeEnd();
      };
      inFlight += 1;
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
    });
  };
}
