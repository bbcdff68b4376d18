import { createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * The SigV4 signing key for one credential scope: the HMAC chain over date,
 * region, service and `aws4_request`, seeded with `AWS4` + secret.
 * policy-authorizer derives it so that the gateway can verify signatures
 * without ever holding a secret access key.
 */
export function deriveSigningKey(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}
