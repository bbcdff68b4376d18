import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createAuditLogClient } from '@keyhold/proto';

/** What the gateway answered, byte for byte: what a caller can see. */
export interface RawAnswer {
  readonly status: number;
  readonly requestId: string;
  readonly body: string;
}

/** Headers a raw call adds, signed or sent outside the signature. */
export interface RawCallHeaders {
  readonly signed?: Readonly<Record<string, string>>;
  readonly unsigned?: Readonly<Record<string, string>>;
}

/**
 * One KMS JSON call signed with SigV4, without the AWS SDK, so a test can
 * read the exact response body the caller gets.
 */
export async function rawKmsCall(
  endpoint: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  operation: string,
  request: Record<string, unknown>,
  extra: RawCallHeaders = {},
): Promise<RawAnswer> {
  const url = new URL(endpoint);
  const body = JSON.stringify(request);
  const signer = new SignatureV4({ service: 'kms', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `TrentService.${operation}`,
      ...extra.signed,
    },
    body,
  });
  // fetch sets host itself, to the same value that was signed.
  const headers = {
    ...Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host')),
    ...extra.unsigned,
  };
  const res = await fetch(new URL('/', url), { method: 'POST', headers, body });
  return {
    status: res.status,
    requestId: res.headers.get('x-amzn-requestid') ?? '',
    body: await res.text(),
  };
}

/** The stored audit record (CloudTrail JSON) of a request, waiting up to 15 s for it. */
export async function auditRecordOf(
  auditLogAddress: string,
  requestId: string,
): Promise<Record<string, unknown>> {
  const audit = createAuditLogClient(auditLogAddress);
  try {
    for (let i = 0; i < 75; i++) {
      const [event] = (await audit.LookupEvents({ requestId })).events;
      if (event) return JSON.parse(event.cloudTrailEvent) as Record<string, unknown>;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no audit record for ${requestId}`);
  } finally {
    audit.close();
  }
}
