import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KmsError, isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type { RequestContext } from '@keyhold/proto';
import { auditDenyReason, buildAuditRecord } from './audit/record.js';
import type { AuditPublisher } from './audit/publisher.js';
import { parseAuthorization } from '@keyhold/core/sigv4';
import type { ParsedAuthorization } from '@keyhold/core/sigv4';
import { ON_BEHALF_OF_HEADER, actingIdentity, directIdentity } from './auth/on-behalf-of.js';
import type { ActingIdentity } from './auth/on-behalf-of.js';
import type { SigV4Verifier } from './auth/verifier.js';
import { EdgeError, JSON_CONTENT_TYPE, toAwsErrorResponse } from './errors.js';
import type { GatewayMetrics } from './metrics.js';
import { parseJsonBody } from './protocol/members.js';
import type { JsonObject } from './protocol/members.js';
import { operationForTarget } from './protocol/operations.js';
import type { Backends, Operation } from './protocol/operations.js';
import type { QuotaGate } from './quota/quota-gate.js';

export interface HandlerDeps {
  readonly backends: Backends;
  readonly verifier: SigV4Verifier;
  readonly quota: QuotaGate;
  readonly audit: Pick<AuditPublisher, 'record' | 'admit'>;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  /** Deadline of calls to key-manager and crypto-worker. @default 10_000 */
  readonly backendTimeoutMs?: number;
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
  const backendTimeoutMs = deps.backendTimeoutMs ?? 10_000;

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

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const eventTime = new Date();
    const target = header(req, 'x-amz-target');
    const sourceIp = req.socket.remoteAddress ?? '';
    const userAgent = header(req, 'user-agent') ?? '';
    let op: Operation | undefined;
    let auth: ParsedAuthorization | undefined;
    let identity: ActingIdentity | undefined;
    let input: JsonObject | undefined;
    let request: unknown;
    let response: unknown;
    let status = 200;
    let headers: Record<string, string> = {
      'content-type': JSON_CONTENT_TYPE,
      'x-amzn-requestid': requestId,
    };
    let body: string;
    let errorCode: string | undefined;
    let errorMessage: string | undefined;
    let denyReason: string | undefined;
    try {
      const path = (req.url ?? '/').split('?', 1)[0];
      if (req.method !== 'POST' || path !== '/') throw unknownOperation();
      // Parsed before the body so that even a rejected body is audited with its region and key.
      let authError: unknown;
      try {
        auth = parseAuthorization(header(req, 'authorization'));
      } catch (err) {
        authError = err;
      }
      const raw = await readBody(req, deps.maxBodyBytes, deps.bodyTimeoutMs);
      if (authError !== undefined || auth === undefined) throw authError;
      const url = new URL(req.url ?? '/', 'http://gateway');
      const query: Record<string, string | string[]> = {};
      for (const [k, v] of url.searchParams) {
        const prev = query[k];
        query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      const caller = await deps.verifier.verify(auth, {
        method: 'POST',
        path: url.pathname,
        query,
        headers: req.headersDistinct,
        body: raw,
      });
      // Audited as the caller itself should the on-behalf-of rules refuse the request.
      identity = directIdentity(caller);
      identity = actingIdentity(
        caller,
        req.headersDistinct[ON_BEHALF_OF_HEADER],
        auth.signedHeaders,
        auth.region,
      );
      op = operationForTarget(target);
      if (!op) throw unknownOperation();
      input = parseJsonBody(raw);
      request = op.parse(input);
      await deps.quota.spend({
        region: auth.region,
        accountId: identity.accountId,
        operation: op.name,
        quotaClass: op.quotaClass,
        hot: op.hot,
        keyId: typeof input['KeyId'] === 'string' ? input['KeyId'] : undefined,
      });
      const context: RequestContext = {
        requestId,
        region: auth.region,
        accountId: identity.accountId,
        principalArn: identity.principalArn,
        sourceIp,
        userAgent,
        viaService: identity.viaService,
        operation: op.name,
      };
      // Fail-closed audit: nothing runs while records cannot be made durable.
      deps.audit.admit();
      response = await op.call(deps.backends, request, { context, timeoutMs: backendTimeoutMs });
      body = JSON.stringify(op.serialize(response));
    } catch (err) {
      const e = toAwsErrorResponse(err, requestId, deps.logger);
      ({ status, headers, body } = e);
      errorCode = e.code;
      errorMessage = e.message;
      denyReason = auditDenyReason(err);
      response = undefined;
    }
    try {
      await deps.audit.record(
        buildAuditRecord({
          requestId,
          eventTime,
          eventName: op?.name ?? eventNameOf(target),
          region: auth?.region ?? '',
          accountId: identity?.accountId,
          principalArn: identity?.principalArn,
          accessKeyId: identity?.accessKeyId ?? auth?.accessKeyId,
          invokedBy: identity?.invokedBy,
          sourceIp,
          userAgent,
          requestBody: input,
          responseKeyArn: response === undefined ? undefined : op?.responseKeyArn(response),
          responseElements: response === undefined ? undefined : op?.responseElements(response),
          errorCode,
          errorMessage,
          denyReason,
        }),
      );
    } catch (err) {
      deps.logger.error({ err, requestId }, 'audit record failed');
      // The publisher rejects only when the deployment audits fail-closed:
      // the caller then gets a retryable error instead of an unaudited answer.
      if (isKmsError(err)) {
        ({ status, headers, body, code: errorCode } = toAwsErrorResponse(err, requestId));
      }
    }
    write(req, res, status, headers, body);
    if (request !== undefined && op) op.wipe(request, response);
    // Only names we serve become label values, so a client cannot mint new series.
    const operation = op?.name ?? operationForTarget(target)?.name ?? 'unknown';
    deps.metrics.requests.inc({ operation, code: errorCode ?? 'OK' });
    deps.metrics.latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
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
