import { createHmac } from 'node:crypto';
import { KmsError } from '../errors.js';
import { isRegion } from '../ids.js';
import { constantTimeEqual } from '../secrets.js';
import { canonicalHeaders, canonicalRequest, sha256Hex } from './canonical.js';

export { sha256Hex };

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SERVICE = 'kms';
const TERMINATOR = 'aws4_request';
/** AWS rejects requests whose signing time is further than this from its clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  readonly accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly credentialScope: string;
  /** Lowercase header names, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  /** Lowercase hex. */
  readonly signature: string;
}

const incomplete = (message: string): KmsError =>
  new KmsError('IncompleteSignatureException', message);
const invalid = (message: string): KmsError => new KmsError('InvalidSignatureException', message);

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function missingAuthenticationToken(): KmsError {
  return new KmsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}

export function unrecognizedClient(): KmsError {
  return new KmsError(
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
  );
}

/**
 * Parses the Authorization header. Structural problems are
 * IncompleteSignatureException; a scope naming another service or no valid
 * region is InvalidSignatureException, as AWS answers.
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  // A client signs request after request with the same credential scope and
  // headers: only the signature differs. Whatever precedes `Signature=` was
  // parsed before when it is remembered, and a 64-hex signature after it
  // parses the same way, so the remembered parts are reused. The last prefix
  // is checked first (no substring to hash), then the others.
  if (header === undefined) return parseAuthorizationUncached(header);
  const at = header.length - SIGNATURE_TAIL;
  let scope: Scope | undefined;
  // (A slice compared with === is several times cheaper than startsWith here.)
  if (last !== undefined && at === last.prefix.length && header.slice(0, at) === last.prefix) {
    scope = last;
  } else if (at > 0 && header.startsWith(SIGNATURE_PARAM, at - SIGNATURE_PARAM.length)) {
    scope = parsedScopes.get(header.slice(0, at));
  }
  if (scope !== undefined) {
    let signature: string | undefined = header.slice(at);
    // The SDKs sign in lowercase hex: only other signatures need lowercasing.
    if (!LOWER_HEX_SIGNATURE.test(signature))
      signature = HEX_SIGNATURE.test(signature) ? signature.toLowerCase() : undefined;
    if (signature !== undefined) {
      last = scope;
      const p = scope.parts;
      return {
        accessKeyId: p.accessKeyId,
        date: p.date,
        region: p.region,
        service: p.service,
        credentialScope: p.credentialScope,
        signedHeaders: p.signedHeaders,
        signature,
      };
    }
  }
  const parsed = parseAuthorizationUncached(header);
  // Remembered only when the signature did come from the tail (not from an
  // earlier `Signature=` with the tail part of another parameter).
  if (
    at > 0 &&
    header.startsWith(SIGNATURE_PARAM, at - SIGNATURE_PARAM.length) &&
    parsed.signature === header.slice(at).toLowerCase()
  ) {
    if (parsedScopes.size >= MAX_PARSED_SCOPES) parsedScopes.clear();
    const { signature: _, ...parts } = parsed;
    // Every request of the scope shares the list from here on: frozen, so none can change it.
    Object.freeze(parts.signedHeaders);
    last = { prefix: header.slice(0, at), parts };
    parsedScopes.set(last.prefix, last);
  }
  return parsed;
}

const SIGNATURE_PARAM = 'Signature=';
/** Characters of a signature at the end of the header. */
const SIGNATURE_TAIL = 64;
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
const LOWER_HEX_SIGNATURE = /^[0-9a-f]{64}$/;
/** Headers remembered at most; past it the memo starts over (made-up headers cost parsing, not memory). */
const MAX_PARSED_SCOPES = 1_000;
interface Scope {
  /** The header up to and including `Signature=`. */
  readonly prefix: string;
  readonly parts: Omit<ParsedAuthorization, 'signature'>;
}
const parsedScopes = new Map<string, Scope>();
let last: Scope | undefined;

/** {@link parseAuthorization} without its memo: what the memo must always agree with. */
export function parseAuthorizationUncached(header: string | undefined): ParsedAuthorization {
  if (header === undefined || header.trim() === '') throw missingAuthenticationToken();
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incomplete(
      `Unsupported AWS 'algorithm': '${algorithm.slice(0, 64)}'. Only '${ALGORITHM}' is supported.`,
    );
  }
  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : trimmed.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !params.get(p));
  if (missing.length > 0) {
    throw incomplete(
      missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' '),
    );
  }
  const credential = params.get('Credential')!;
  const scope = credential.split('/');
  if (scope.length !== 5 || scope.some((s) => s === '')) {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential.slice(0, 256)}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = scope as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{8}$/.test(date))
    throw incomplete(
      `Invalid credential date '${date.slice(0, 32)}'. Date must be in YYYYMMDD format.`,
    );
  if (terminator !== TERMINATOR) {
    throw incomplete(
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator.slice(0, 32)}'.`,
    );
  }
  if (service !== SERVICE)
    throw invalid(`Credential should be scoped to correct service: '${SERVICE}'.`);
  // The region becomes part of NATS subjects and metric labels: only well-formed names pass.
  if (!isRegion(region)) throw invalid(`Credential should be scoped to a valid region.`);
  const signedHeaders = params
    .get('SignedHeaders')!
    .split(';')
    .map((h) => h.trim().toLowerCase());
  if (signedHeaders.some((h) => h === '') || !signedHeaders.includes('host')) {
    throw incomplete(`'Host' must be a 'SignedHeader' in the AWS Authorization.`);
  }
  const signature = params.get('Signature')!;
  if (!HEX_SIGNATURE.test(signature))
    throw incomplete('Signature must be 64 hexadecimal characters.');
  return {
    accessKeyId,
    date,
    region,
    service,
    credentialScope: `${date}/${region}/${service}/${TERMINATOR}`,
    signedHeaders,
    signature: signature.toLowerCase(),
  };
}

/** Parses `X-Amz-Date` (`YYYYMMDD'T'HHMMSS'Z'`) to epoch ms. */
export function parseAmzDate(value: string | undefined): number {
  // Requests signed in the same second carry the same date: the last one is remembered.
  if (value === lastAmzDate && value !== undefined) return lastAmzDateMs;
  const m =
    value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    throw incomplete(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header in the format YYYYMMDD'T'HHMMSS'Z'.",
    );
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 20250231 over to March; a real date round-trips.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw incomplete(`X-Amz-Date '${value}' is not a valid date.`);
  }
  lastAmzDate = value;
  lastAmzDateMs = ms;
  return ms;
}
let lastAmzDate: string | undefined;
let lastAmzDateMs = 0;

/** `YYYYMMDD'T'HHMMSS'Z'` for epoch ms. */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Rejects a request signed more than 15 minutes away from `now`, with the
 * messages AWS uses; the SDKs read "Signature expired" as clock skew, fix
 * their offset from the response's Date header and retry.
 */
export function checkRequestTime(amzDate: string, requestMs: number, nowMs: number): void {
  if (requestMs < nowMs - MAX_SKEW_MS) {
    throw invalid(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 15 min.)`,
    );
  }
  if (requestMs > nowMs + MAX_SKEW_MS) {
    throw invalid(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 15 min.)`,
    );
  }
}

/**
 * The request-time checks of a signed request: `X-Amz-Date` is well formed,
 * on the credential scope's day and within 15 minutes of `nowMs`. Returns
 * the date for {@link stringToSign}.
 */
export function checkSignedDate(
  auth: Pick<ParsedAuthorization, 'date'>,
  amzDate: string | undefined,
  nowMs: number,
): string {
  const requestMs = parseAmzDate(amzDate);
  const day = amzDate!.slice(0, 8);
  if (day !== auth.date) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${day}', from '${amzDate}'.`,
    );
  }
  checkRequestTime(amzDate!, requestMs, nowMs);
  return amzDate!;
}

/** What the verifier needs from an HTTP request. */
export interface SignableRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lowercase names; repeated headers keep every value. */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Uint8Array;
}

/** The SigV4 string to sign for `request` as described by `auth`. */
export function stringToSign(
  request: SignableRequest,
  auth: ParsedAuthorization,
  amzDate: string,
): string {
  const bodyHash = sha256Hex(request.body);
  const declared = request.headers['x-amz-content-sha256']?.[0];
  // A declared hash only counts when it is the body's: otherwise the body
  // could be swapped under a valid signature (UNSIGNED-PAYLOAD included).
  if (declared !== undefined && declared.toLowerCase() !== bodyHash) {
    throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const canonical = canonicalRequest(
    request.method,
    request.path,
    request.query,
    canonicalHeaders(auth.signedHeaders, request.headers),
    declared?.toLowerCase() ?? bodyHash,
  );
  return `${ALGORITHM}\n${amzDate}\n${auth.credentialScope}\n${sha256Hex(canonical)}`;
}

/** HMAC-SHA256(signingKey, stringToSign) as lowercase hex. */
export function signatureFor(signingKey: Uint8Array, toSign: string): string {
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
}

/** Throws InvalidSignatureException unless `given` is the signature for `toSign`. */
export function assertSignature(signingKey: Uint8Array, toSign: string, given: string): void {
  if (!constantTimeEqual(signatureFor(signingKey, toSign), given))
    throw invalid(SIGNATURE_MISMATCH_MESSAGE);
}
