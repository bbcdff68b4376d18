import * as nodeCrypto from 'node:crypto';
import { SignatureV4Base } from '@smithy/signature-v4';
import type { SignatureV4 } from '@smithy/signature-v4';

// SigV4's canonical request, computed on every request the gateway verifies.
// The AWS SDK signer's canonicalisation is the reference (path normalisation
// and escaping, query ordering); the common shapes, a plain path and no query
// (`POST /` on the JSON API, `POST /kms.v1.KeyManagementService/<Method>` on
// the native one), are built directly, which costs a fraction of the SDK's
// general path. canonical.test.ts checks both agree on any input.

type HttpRequest = Parameters<SignatureV4['presign']>[0];
type Query = Readonly<Record<string, string | string[]>>;

class NoHash {
  update(): void {}
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array());
  }
}

/** The SDK signer's canonicalisation, exposed. */
class SdkCanonicalizer extends SignatureV4Base {
  constructor() {
    super({
      service: 'kms',
      region: 'us-east-1',
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256: NoHash,
    });
  }

  canonicalRequest(request: HttpRequest, headers: Record<string, string>, hash: string): string {
    return this.createCanonicalRequest(request, headers, hash);
  }
}

const sdk = new SdkCanonicalizer();

/** The canonical request exactly as the AWS SDK signer builds it. */
export function sdkCanonicalRequest(
  method: string,
  path: string,
  query: Query,
  headers: Record<string, string>,
  payloadHash: string,
): string {
  const request = { method, protocol: 'http:', hostname: '', path, query, headers: {} };
  return sdk.canonicalRequest(request as HttpRequest, headers, payloadHash);
}

/** Only unreserved characters (which escaping leaves alone) and slashes. */
const PLAIN_PATH = /^\/[A-Za-z0-9._~/-]*$/;
/** Segments normalisation would drop or fold: empty, `.` and `..`. */
const FOLDED_SEGMENT = /\/\/|\/\.\.?(?:\/|$)/;

/** The canonical request of a signed request; `headers` from {@link canonicalHeaders}. */
export function canonicalRequest(
  method: string,
  path: string,
  query: Query,
  headers: Record<string, string>,
  payloadHash: string,
): string {
  let noQuery = true;
  for (const _ in query) {
    noQuery = false;
    break;
  }
  if (!noQuery || !PLAIN_PATH.test(path) || FOLDED_SEGMENT.test(path)) {
    return sdkCanonicalRequest(method, path, query, headers, payloadHash);
  }
  const names = Object.keys(headers).sort();
  const lines = names.map((name) => `${name}:${headers[name]}`).join('\n');
  return `${method}\n${path}\n\n${lines}\n\n${names.join(';')}\n${payloadHash}`;
}

/** Line breaks, tabs, runs of spaces, or blanks at either end: what folding changes. */
const NEEDS_FOLDING = /[\r\n\t]| {2}|^ | $/;

/**
 * The signed headers' canonical values: each value with line breaks made
 * spaces, runs of blanks folded to one space and trimmed; repeated headers
 * joined with commas.
 */
export function canonicalHeaders(
  signedHeaders: readonly string[],
  headers: Readonly<Record<string, readonly string[] | undefined>>,
): Record<string, string> {
  // Header names come from the client: no prototype for a '__proto__' name to reach.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of signedHeaders) {
    const values = headers[name] ?? [];
    let joined = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const folded = NEEDS_FOLDING.test(v)
        ? v
            .replace(/[\r\n]/g, ' ')
            .replace(/[ \t]+/g, ' ')
            .trim()
        : v;
      joined = i === 0 ? folded : `${joined},${folded}`;
    }
    out[name] = joined;
  }
  return out;
}

// crypto.hash (Node >= 20.12) hashes in one call without a Hash object: a
// third cheaper on every request's body and canonical request.
const oneShot = (nodeCrypto as Partial<Pick<typeof nodeCrypto, 'hash'>>).hash;

/** Lowercase hex SHA-256, as SigV4 hashes payloads and canonical requests. */
export const sha256Hex: (data: Uint8Array | string) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => nodeCrypto.createHash('sha256').update(data).digest('hex');
