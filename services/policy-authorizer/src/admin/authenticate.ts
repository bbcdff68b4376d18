import type * as grpc from '@grpc/grpc-js';
import { deriveSigningKey } from '@keyhold/core';
import {
  assertSignature,
  checkSignedDate,
  parseAuthorization,
  stringToSign,
  unrecognizedClient,
} from '@keyhold/core/sigv4';
import type { Identity, IdentityStore } from '../identities.js';

/** A signed admin call as received: metadata, :authority, method path and the raw request bytes. */
export interface SignedCall {
  readonly metadata: grpc.Metadata;
  readonly host: string;
  readonly path: string;
  readonly body: Uint8Array;
}

/**
 * Verifies the SigV4 signature an admin call carries in metadata, the
 * scheme of the gateway's native kms.v1 API: POST <method path>, signed
 * headers from metadata (host is the :authority), the serialized request as
 * payload. The authorizer holds the secrets, so it derives the signing key
 * itself. Inactive and deleted keys are unknown.
 */
export async function authenticateCall(
  identities: IdentityStore,
  call: SignedCall,
  nowMs: number,
): Promise<Identity> {
  const md = call.metadata;
  const auth = parseAuthorization(String(md.get('authorization')[0] ?? ''));
  const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const h of [...auth.signedHeaders, 'x-amz-date', 'x-amz-content-sha256']) {
    headers[h] = h === 'host' ? [call.host] : md.get(h).map(String);
  }
  const amzDate = checkSignedDate(auth, headers['x-amz-date']?.[0], nowMs);
  const identity = identities.byAccessKeyId(auth.accessKeyId);
  if (!identity) throw unrecognizedClient();
  const signingKey = deriveSigningKey(
    identity.secretAccessKey,
    auth.date,
    auth.region,
    auth.service,
  );
  const request = { method: 'POST', path: call.path, query: {}, headers, body: call.body };
  assertSignature(signingKey, stringToSign(request, auth, amzDate), auth.signature);
  return identity;
}
