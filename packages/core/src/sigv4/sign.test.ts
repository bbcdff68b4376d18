import { describe, expect, it } from 'vitest';
import { deriveSigningKey } from './derive.js';
import { signNativeCall } from './sign.js';
import { assertSignature, parseAuthorization, stringToSign } from './verify.js';

const CREDENTIALS = { accessKeyId: 'AKIDNATIVE', secretAccessKey: 'native-secret-0123456789' };
const AT = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));
const PATH = '/kms.v1.KeyManagementService/Decrypt';
const BODY = Buffer.from([8, 1, 18, 3, 1, 2, 3]);
const ALICE = 'arn:aws:iam::111122223333:user/alice';

/** Verifies `metadata` as the gateway does, with `overrides` applied to what it received. */
async function verify(
  metadata: Record<string, string>,
  overrides: Record<string, string> = {},
): Promise<void> {
  const auth = parseAuthorization(metadata['authorization']);
  const received: Record<string, string> = { ...metadata, host: 'gw:50051', ...overrides };
  const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, [received[h] ?? '']]));
  const toSign = stringToSign(
    { method: 'POST', path: PATH, query: {}, headers, body: BODY },
    auth,
    metadata['x-amz-date']!,
  );
  const key = deriveSigningKey(CREDENTIALS.secretAccessKey, auth.date, auth.region, 'kms');
  assertSignature(key, toSign, auth.signature);
}

describe('signNativeCall', () => {
  it('signs and returns further headers, such as x-keyhold-on-behalf-of', async () => {
    const metadata = await signNativeCall({
      host: 'gw:50051',
      path: PATH,
      body: BODY,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      signingDate: AT,
      headers: { 'x-keyhold-on-behalf-of': ALICE },
    });
    expect(metadata['x-keyhold-on-behalf-of']).toBe(ALICE);
    expect(parseAuthorization(metadata['authorization']).signedHeaders).toContain(
      'x-keyhold-on-behalf-of',
    );
    await expect(verify(metadata)).resolves.toBeUndefined();
    // Naming another user under the same signature fails.
    await expect(
      verify(metadata, { 'x-keyhold-on-behalf-of': 'arn:aws:iam::111122223333:user/bob' }),
    ).rejects.toMatchObject({ code: 'InvalidSignatureException' });
  });

  it('signs host, date and body only when given no headers', async () => {
    const metadata = await signNativeCall({
      host: 'gw:50051',
      path: PATH,
      body: BODY,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      signingDate: AT,
    });
    expect(Object.keys(metadata).sort()).toEqual([
      'authorization',
      'x-amz-content-sha256',
      'x-amz-date',
    ]);
    await expect(verify(metadata)).resolves.toBeUndefined();
  });
});
