import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KmsError } from '@keyhold/core';
import { parseAuthorization } from '@keyhold/core/sigv4';
import { ON_BEHALF_OF_HEADER } from './auth/on-behalf-of.js';
import { EdgeError, JSON_CONTENT_TYPE, toAwsErrorResponse } from './errors.js';
import { runPipeline } from './pipeline.js';
import type { IncomingCall, PipelineDeps } from './pipeline.js';
import { parseJsonBody } from './protocol/members.js';
import { operationForTarget } from './protocol/operations.js';

export interface HandlerDeps extends PipelineDeps {
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  /** True once shutdown began: responses then close their connection. */
  readonly closing: () => boolean;
}

/** Waits for unread request bytes before closing, so the client sees the response rather than a reset. */
const LINGER_MS = 2_000;

const unknownOperation = (): KmsError =>
  new KmsError('UnknownOperationException', 'Unknown operation');

/**
 * Reads the whole body, bounded in size and time. Rejects with
 * RequestEntityTooLargeException (413), RequestTimeoutException (408), or an
 * abort when the client goes away.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<Buffer> {
  const tooLarge = (): KmsError =>
    new KmsError(
      'RequestEntityTooLargeException',
      `Request body must be at most ${maxBytes} bytes.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (err) reject(err);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined);
    const onError = (): void =>
      finish(new EdgeError('RequestAbortedException', 400, 'The request was aborted.'));
    const onClose = (): void => {
      if (!req.complete) onError();
    };
    const timer = setTimeout(
      () =>
        finish(
          new EdgeError('RequestTimeoutException', 408, 'Timed out reading the request body.'),
        ),
      timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function eventNameOf(target: string | undefined): string {
  const m = target === undefined ? null : /^TrentService\.([A-Za-z]{1,64})$/.exec(target);
  return m ? m[1]! : '';
}

/** The node:http request listener for the AWS JSON 1.1 endpoint. */
export function createRequestHandler(
  deps: HandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const write = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: string,
  ): void => {
    if (res.headersSent || res.destroyed) return;
    const close = deps.closing() || !req.complete;
    res.writeHead(status, {
      ...headers,
      'content-length': String(Buffer.byteLength(body)),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(body);
    if (!req.complete) {
      // Discard what the client is still sending, then drop it if it keeps going.
      req.resume();
      const t = setTimeout(() => req.socket.destroy(), LINGER_MS);
      t.unref();
      req.socket.once('close', () => clearTimeout(t));
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = header(req, 'x-amz-target');
    let raw: Buffer | undefined;
    const call: IncomingCall = {
      op: operationForTarget(target),
      eventName: eventNameOf(target),
      sourceIp: req.socket.remoteAddress ?? '',
      userAgent: header(req, 'user-agent') ?? '',
      unknownOperation,
      async authenticate() {
        const target = req.url ?? '/';
        const mark = target.indexOf('?');
        const path = mark < 0 ? target : target.slice(0, mark);
        if (req.method !== 'POST' || path !== '/') throw unknownOperation();
        // Parsed before the body so that even a rejected body is audited with its region and key.
        let authError: unknown;
        try {
          call.auth = parseAuthorization(header(req, 'authorization'));
        } catch (err) {
          authError = err;
        }
        raw = await readBody(req, deps.maxBodyBytes, deps.bodyTimeoutMs);
        if (authError !== undefined) throw authError;
        // The path is '/'; only a query string (rare: the SDKs send none) needs parsing.
        const query: Record<string, string | string[]> = {};
        if (mark >= 0) {
          for (const [k, v] of new URLSearchParams(target.slice(mark + 1))) {
            const prev = query[k];
            query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
          }
        }
        return {
          signed: {
            method: 'POST',
            path,
            query,
            headers: req.headersDistinct,
            body: raw,
          },
          onBehalfOf: req.headersDistinct[ON_BEHALF_OF_HEADER],
        };
      },
      parse(op) {
        const input = parseJsonBody(raw!);
        call.auditBody = input;
        return {
          request: op.parse(input),
          keyId: typeof input['KeyId'] === 'string' ? input['KeyId'] : undefined,
        };
      },
    };
    return runPipeline(deps, call, ({ requestId, op, response, failure }) => {
      if (failure) {
        write(req, res, failure.status, { ...failure.headers }, failure.body);
      } else {
        const headers = { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId };
        write(req, res, 200, headers, JSON.stringify(op!.serialize(response)));
      }
    });
  };

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Only a bug gets here; answer rather than leave the client hanging.
      deps.logger.error({ err }, 'request handler failed');
      const requestId = randomUUID();
      const e = toAwsErrorResponse(KmsError.internal(err), requestId);
      write(req, res, e.status, { ...e.headers }, e.body);
    });
  };
}
