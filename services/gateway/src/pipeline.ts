import { randomUUID } from 'node:crypto';
import { KmsError, isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type { ParsedAuthorization, SignableRequest } from '@keyhold/core/sigv4';
import type { RequestContext } from '@keyhold/proto';
import { auditDenyReason, buildAuditRecord } from './audit/record.js';
import type { AuditPublisher } from './audit/publisher.js';
import { actingIdentity, directIdentity } from './auth/on-behalf-of.js';
import type { ActingIdentity } from './auth/on-behalf-of.js';
import type { SigV4Verifier } from './auth/verifier.js';
import { toAwsErrorResponse } from './errors.js';
import type { AwsErrorResponse } from './errors.js';
import type { GatewayMetrics } from './metrics.js';
import type { Backends, Operation } from './protocol/operations.js';
import type { QuotaGate } from './quota/quota-gate.js';

/** What the pipeline needs; both endpoints (AWS JSON, native gRPC) share one set. */
export interface PipelineDeps {
  readonly backends: Backends;
  readonly verifier: SigV4Verifier;
  readonly quota: QuotaGate;
  readonly audit: Pick<AuditPublisher, 'record' | 'admit' | 'begin' | 'end'>;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  /** Deadline of calls to key-manager and crypto-worker. @default 10_000 */
  readonly backendTimeoutMs?: number;
}

/**
 * One call as an endpoint presents it to the pipeline. `auth` and
 * `auditBody` are set as soon as they are known, so that a call failing
 * later (a body too large, a request that does not validate) is still
 * audited with its region, access key and parameters.
 */
export interface IncomingCall {
  /** The operation the call names, known before authentication; undefined when unknown. */
  readonly op: Operation | undefined;
  /** The audited event name when `op` is undefined. */
  readonly eventName: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The error for a call naming no operation this endpoint serves. */
  unknownOperation(): KmsError;
  auth?: ParsedAuthorization;
  auditBody?: Record<string, unknown>;
  /** Parses the credentials (setting `auth`) and assembles what was signed. */
  authenticate(): Promise<{
    readonly signed: SignableRequest;
    /** Values of the x-keyhold-on-behalf-of header or metadata, as received. */
    readonly onBehalfOf: readonly string[] | undefined;
  }>;
  /** Decodes the request for `op` (setting `auditBody`) and names the key it is about. */
  parse(op: Operation): { readonly request: unknown; readonly keyId: string | undefined };
}

/** How a call ended, for the endpoint to answer in its own protocol. */
export interface CallOutcome {
  readonly requestId: string;
  readonly op: Operation | undefined;
  /** The operation's response; undefined when the call failed. */
  readonly response: unknown;
  /** The error answered, as the AWS JSON error it is; undefined on success. */
  readonly failure: AwsErrorResponse | undefined;
  /** The error itself (a KmsError, an edge error or a fault), for protocols that map it. */
  readonly error: unknown;
}

/**
 * The request pipeline of both endpoints: SigV4 verification, the
 * on-behalf-of rules, the quota gate, the call to key-manager or
 * crypto-worker, then one audit record per call, answered only once the
 * record is acknowledged (in a fail-closed deployment an unauditable answer
 * becomes the publisher's retryable error). Request and response are wiped
 * after the answer; metrics count every call.
 */
export async function runPipeline(
  deps: PipelineDeps,
  call: IncomingCall,
  answer: (outcome: CallOutcome) => void,
): Promise<void> {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  const eventTime = new Date();
  const op = call.op;
  let identity: ActingIdentity | undefined;
  let request: unknown;
  let result: unknown;
  let error: unknown;
  // Until its record is handed over, the call is one the audit batch being gathered may wait for.
  deps.audit.begin();
  try {
    const { signed, onBehalfOf } = await call.authenticate();
    const auth = call.auth!;
    const caller = await deps.verifier.verify(auth, signed);
    // Audited as the caller itself should the on-behalf-of rules refuse the request.
    identity = directIdentity(caller);
    if (onBehalfOf !== undefined && onBehalfOf.length > 0) {
      identity = actingIdentity(caller, onBehalfOf, auth.signedHeaders, auth.region);
    }
    if (!op) throw call.unknownOperation();
    const parsed = call.parse(op);
    request = parsed.request;
    await deps.quota.spend({
      region: auth.region,
      accountId: identity.accountId,
      operation: op.name,
      quotaClass: op.quotaClass,
      hot: op.hot,
      keyId: parsed.keyId,
    });
    const context: RequestContext = {
      requestId,
      region: auth.region,
      accountId: identity.accountId,
      principalArn: identity.principalArn,
      sourceIp: call.sourceIp,
      userAgent: call.userAgent,
      viaService: identity.viaService,
      operation: op.name,
    };
    // Fail-closed audit: nothing runs while records cannot be made durable.
    deps.audit.admit();
    result = await op.call(deps.backends, request, {
      context,
      timeoutMs: deps.backendTimeoutMs ?? 10_000,
    });
  } catch (err) {
    error = err;
  } finally {
    deps.audit.end();
  }
  let failure = error === undefined ? undefined : toAwsErrorResponse(error, requestId, deps.logger);
  try {
    await deps.audit.record(
      buildAuditRecord({
        requestId,
        eventTime,
        eventName: op?.name ?? call.eventName,
        region: call.auth?.region ?? '',
        accountId: identity?.accountId,
        principalArn: identity?.principalArn,
        accessKeyId: identity?.accessKeyId ?? call.auth?.accessKeyId,
        invokedBy: identity?.invokedBy,
        sourceIp: call.sourceIp,
        userAgent: call.userAgent,
        requestBody: call.auditBody,
        responseKeyArn: failure ? undefined : op?.responseKeyArn(result),
        responseElements: failure ? undefined : op?.responseElements(result),
        errorCode: failure?.code,
        errorMessage: failure?.message,
        denyReason: auditDenyReason(error),
      }),
    );
  } catch (err) {
    deps.logger.error({ err, requestId }, 'audit record failed');
    // The publisher rejects only when the deployment audits fail-closed: the
    // caller then gets a retryable error instead of an unaudited answer.
    if (isKmsError(err)) {
      error = err;
      failure = toAwsErrorResponse(err, requestId);
    }
  }
  answer({ requestId, op, response: failure ? undefined : result, failure, error });
  if (op && request !== undefined) op.wipe(request, result);
  // Only names we serve become label values, so a client cannot mint new series.
  const operation = op?.name ?? 'unknown';
  deps.metrics.requests.inc({ operation, code: failure?.code ?? 'OK' });
  deps.metrics.latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
}

/** A fault outside the pipeline's own handling, as the KmsError a protocol answers with. */
export function asKmsError(err: unknown): KmsError {
  return isKmsError(err) ? err : KmsError.internal(err);
}
