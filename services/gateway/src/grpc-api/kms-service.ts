import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { KmsError, isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { loadProto, toServiceError } from '@keyhold/proto';
import type { RequestContext } from '@keyhold/proto';
import { auditDenyReason, buildAuditRecord } from '../audit/record.js';
import type { AuditPublisher } from '../audit/publisher.js';
import { parseAuthorization } from '@keyhold/core/sigv4';
import type { ParsedAuthorization } from '@keyhold/core/sigv4';
import { ON_BEHALF_OF_HEADER, actingIdentity, directIdentity } from '../auth/on-behalf-of.js';
import type { ActingIdentity } from '../auth/on-behalf-of.js';
import type { SigV4Verifier } from '../auth/verifier.js';
import type { GatewayMetrics } from '../metrics.js';
import { OPERATIONS } from '../protocol/operations.js';
import type { Backends } from '../protocol/operations.js';
import type { QuotaGate } from '../quota/quota-gate.js';

/*
 * The native gRPC API (kms.v1.KeyManagementService) on the gateway's gRPC
 * port, with the same pipeline as the AWS JSON endpoint: SigV4, quota,
 * forwarding, one audit record per call answered once its batch is acked.
 *
 * Authentication is SigV4 carried in gRPC metadata, verified by the same
 * verifier: the client signs the HTTP/2 request gRPC makes, that is
 *   POST <method path, e.g. /kms.v1.KeyManagementService/Encrypt>
 *   signed headers: host (the :authority) and x-amz-date, plus any other
 *     metadata entries it chooses to sign; x-keyhold-on-behalf-of (a
 *     service calling for a user, see auth/on-behalf-of.ts) must be among
 *     them when sent
 *   payload: the serialized protobuf request message (without gRPC's
 *     5-byte frame prefix)
 * and sends every signed header but host (`authorization`, `x-amz-date`,
 * usually `x-amz-content-sha256`) as metadata. Any AWS SigV4
 * signer produces it; the signature binds method, body and time, and the
 * 15-minute skew rule applies as on the JSON endpoint.
 */

/** What the native API needs; the same objects the HTTP handler uses. */
export interface NativeApiDeps {
  readonly backends: Backends;
  readonly verifier: SigV4Verifier;
  readonly quota: QuotaGate;
  readonly audit: Pick<AuditPublisher, 'record' | 'admit'>;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  /** @default 10_000 */
  readonly backendTimeoutMs?: number;
}

interface Captured {
  readonly raw: Buffer;
  readonly message: Record<string, unknown>;
}

/** The service definition with deserializers that keep the raw request bytes for SigV4. */
export function nativeServiceDefinition(): grpc.ServiceDefinition {
  const base = loadProto().kms.v1.KeyManagementService.service as grpc.ServiceDefinition;
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, def] of Object.entries(base)) {
    out[name] = {
      ...def,
      requestDeserialize: (raw: Buffer): Captured => ({
        raw,
        message: def.requestDeserialize(raw) as Record<string, unknown>,
      }),
    };
  }
  return out;
}

/** AWS member names for the audit record's allow-list (blobs are dropped there and here). */
function awsMembers(message: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(message)) {
    if (v === undefined || Buffer.isBuffer(v)) continue;
    out[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  }
  return out;
}

function peerIp(peer: string): string {
  // grpc-js peers look like "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000"
  const m = /^(?:ipv4:|ipv6:)?\[?([^\]]*?)\]?:\d+$/.exec(peer);
  return m ? m[1]! : '';
}

/** Handlers for every RPC of the service that the operations table serves. */
export function nativeServiceImplementation(
  deps: NativeApiDeps,
): grpc.UntypedServiceImplementation {
  const backendTimeoutMs = deps.backendTimeoutMs ?? 10_000;
  const impl: grpc.UntypedServiceImplementation = {};
  const base = loadProto().kms.v1.KeyManagementService.service as grpc.ServiceDefinition;
  for (const name of Object.keys(base)) {
    const op = OPERATIONS.get(name);
    const handler: grpc.handleUnaryCall<Captured, unknown> = (call, callback) => {
      void (async () => {
        const started = process.hrtime.bigint();
        const requestId = randomUUID();
        const eventTime = new Date();
        const md = call.metadata;
        const userAgent = String(md.get('user-agent')[0] ?? '');
        const sourceIp = peerIp(call.getPeer());
        let auth: ParsedAuthorization | undefined;
        let identity: ActingIdentity | undefined;
        let response: unknown;
        let errorCode: string | undefined;
        let errorMessage: string | undefined;
        let denyReason: string | undefined;
        let failure: Partial<grpc.ServiceError> | undefined;
        try {
          if (!op) throw new KmsError('UnsupportedOperationException', `${name} is not supported.`);
          auth = parseAuthorization(String(md.get('authorization')[0] ?? ''));
          const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
          for (const h of [...auth.signedHeaders, 'x-amz-date', 'x-amz-content-sha256']) {
            headers[h] = h === 'host' ? [call.getHost()] : md.get(h).map(String);
          }
          const caller = await deps.verifier.verify(auth, {
            method: 'POST',
            path: call.getPath(),
            query: {},
            headers,
            body: call.request.raw,
          });
          // Audited as the caller itself should the on-behalf-of rules refuse the request.
          identity = directIdentity(caller);
          identity = actingIdentity(
            caller,
            md.get(ON_BEHALF_OF_HEADER).map(String),
            auth.signedHeaders,
            auth.region,
          );
          await deps.quota.spend({
            region: auth.region,
            accountId: identity.accountId,
            operation: op.name,
            quotaClass: op.quotaClass,
            hot: op.hot,
            keyId:
              typeof call.request.message['keyId'] === 'string'
                ? call.request.message['keyId']
                : undefined,
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
          deps.audit.admit();
          response = await op.call(deps.backends, call.request.message, {
            context,
            timeoutMs: backendTimeoutMs,
          });
        } catch (err) {
          if (!isKmsError(err)) deps.logger.error({ err, requestId }, 'internal error');
          const kms = isKmsError(err) ? err : KmsError.internal(err);
          errorCode = kms.code;
          errorMessage = kms.message;
          denyReason = auditDenyReason(kms);
          // Without the audit detail: this caller is outside the cluster.
          failure = toServiceError(kms, requestId);
          response = undefined;
        }
        try {
          await deps.audit.record(
            buildAuditRecord({
              requestId,
              eventTime,
              eventName: op?.name ?? name,
              region: auth?.region ?? '',
              accountId: identity?.accountId,
              principalArn: identity?.principalArn,
              accessKeyId: identity?.accessKeyId ?? auth?.accessKeyId,
              invokedBy: identity?.invokedBy,
              sourceIp,
              userAgent,
              requestBody: awsMembers(call.request.message),
              responseKeyArn: response === undefined ? undefined : op?.responseKeyArn(response),
              responseElements: response === undefined ? undefined : op?.responseElements(response),
              errorCode,
              errorMessage,
              denyReason,
            }),
          );
        } catch (err) {
          deps.logger.error({ err, requestId }, 'audit record failed');
          // Fail-closed deployments refuse an answer that could not be audited,
          // exactly as the JSON endpoint does.
          if (isKmsError(err)) {
            errorCode = err.code;
            failure = toServiceError(err, requestId);
            if (op && response !== undefined) op.wipe(call.request.message, response);
            response = undefined;
          }
        }
        if (failure) callback(failure as grpc.ServiceError, null);
        else callback(null, response);
        if (op) op.wipe(call.request.message, response);
        deps.metrics.requests.inc({ operation: op?.name ?? 'unknown', code: errorCode ?? 'OK' });
        deps.metrics.latency.observe(
          { operation: op?.name ?? 'unknown' },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      })();
    };
    impl[name] = handler as grpc.UntypedHandleCall;
  }
  return impl;
}
