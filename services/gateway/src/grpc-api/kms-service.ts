import type * as grpc from '@grpc/grpc-js';
import { KmsError, memoize } from '@keyhold/core';
import { loadProto, toServiceError } from '@keyhold/proto';
import { parseAuthorization } from '@keyhold/core/sigv4';
import { ON_BEHALF_OF_HEADER } from '../auth/on-behalf-of.js';
import { asKmsError, runPipeline } from '../pipeline.js';
import type { IncomingCall, PipelineDeps } from '../pipeline.js';
import { OPERATIONS } from '../protocol/operations.js';

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

/** What the native API needs: the pipeline's dependencies, as the HTTP handler has them. */
export type NativeApiDeps = PipelineDeps;

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
    out[awsName(k)] = v;
  }
  return out;
}
/** The AWS member name of a proto field name (the fields of the API's messages). */
const awsName = memoize((field: string) => field.charAt(0).toUpperCase() + field.slice(1));

function peerIp(peer: string): string {
  // grpc-js peers look like "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000"
  const m = /^(?:ipv4:|ipv6:)?\[?([^\]]*?)\]?:\d+$/.exec(peer);
  return m ? m[1]! : '';
}

/** Handlers for every RPC of the service that the operations table serves. */
export function nativeServiceImplementation(
  deps: NativeApiDeps,
): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  const base = loadProto().kms.v1.KeyManagementService.service as grpc.ServiceDefinition;
  for (const name of Object.keys(base)) {
    const handler: grpc.handleUnaryCall<Captured, unknown> = (rpc, callback) => {
      const md = rpc.metadata;
      const message = rpc.request.message;
      const call: IncomingCall = {
        op: OPERATIONS.get(name),
        eventName: name,
        sourceIp: peerIp(rpc.getPeer()),
        userAgent: String(md.get('user-agent')[0] ?? ''),
        unknownOperation: () =>
          new KmsError('UnsupportedOperationException', `${name} is not supported.`),
        authenticate() {
          const auth = parseAuthorization(String(md.get('authorization')[0] ?? ''));
          call.auth = auth;
          const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
          for (const h of [...auth.signedHeaders, 'x-amz-date', 'x-amz-content-sha256']) {
            headers[h] = h === 'host' ? [rpc.getHost()] : md.get(h).map(String);
          }
          return Promise.resolve({
            signed: {
              method: 'POST',
              path: rpc.getPath(),
              query: {},
              headers,
              body: rpc.request.raw,
            },
            onBehalfOf: md.get(ON_BEHALF_OF_HEADER).map(String),
          });
        },
        parse() {
          call.auditBody = awsMembers(message);
          return {
            request: message,
            keyId: typeof message['keyId'] === 'string' ? message['keyId'] : undefined,
          };
        },
      };
      void runPipeline(deps, call, ({ requestId, response, error }) => {
        // Without the audit detail: this caller is outside the cluster.
        if (error !== undefined) callback(toServiceError(asKmsError(error), requestId), null);
        else callback(null, response);
      });
    };
    impl[name] = handler as grpc.UntypedHandleCall;
  }
  return impl;
}
