import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { SERVICE } from './verify.js';

/** What a native gRPC call needs signed; see kms-service.ts for the scheme. */
export interface NativeSignInput {
  /** The :authority the client connects to, e.g. `127.0.0.1:50051`. */
  readonly host: string;
  /** `/kms.v1.KeyManagementService/<Method>`. */
  readonly path: string;
  /** The serialized request message, exactly as sent. */
  readonly body: Uint8Array;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** @default new Date() */
  readonly signingDate?: Date;
  /**
   * Further metadata to send and sign (lower-case names), e.g.
   * `x-keyhold-on-behalf-of`; returned with the signature's own entries.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The metadata of a native gRPC call (`authorization`, `x-amz-date`,
 * `x-amz-content-sha256` and `input.headers`: every signed header but host),
 * by an unmodified AWS SigV4 signer; for clients, tests and the benchmark.
 */
export async function signNativeCall(input: NativeSignInput): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    service: SERVICE,
    region: input.region,
    credentials: input.credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: input.host,
      path: input.path,
      headers: { ...input.headers, host: input.host },
      body: input.body,
    },
    input.signingDate ? { signingDate: input.signingDate } : {},
  );
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name !== 'host') metadata[name] = String(value);
  }
  return metadata;
}
