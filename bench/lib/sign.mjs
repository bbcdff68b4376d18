// SigV4 headers for one AWS JSON request to a Keyhold gateway, as the SDKs
// sign it, for benchmarks that replay pre-signed requests (valid 15 minutes).
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** `host` is the gateway's host:port; `target` the operation (`Encrypt`). */
export async function signAwsJson({ host, target, body, region, credentials }) {
  const signer = new SignatureV4({ service: 'kms', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: host,
    path: '/',
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `TrentService.${target}`,
    },
    body,
  });
  return signed.headers;
}
