import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';

/** The Ed25519 key that signs digests. The private half never leaves this object. */
export interface SigningKey {
  /** Hex of the first 8 bytes of SHA-256 over the raw public key. */
  readonly keyId: string;
  /** Raw 32-byte public key. */
  readonly publicKey: Buffer;
  readonly publicKeyPem: string;
  /** Where the key came from: `configured` or `generated` (kept in the audit schema). */
  readonly source: 'configured' | 'generated';
  sign(payload: Buffer): Buffer;
}

// PKCS#8 DER of an Ed25519 private key, up to the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function keyIdOf(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/**
 * Parses a configured signing key: a PKCS#8 PEM (`openssl genpkey -algorithm
 * ed25519`) or the base64 of a 32-byte seed. The error never quotes the input.
 */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) key = createPrivateKey(trimmed);
    else {
      const seed = Buffer.from(trimmed, 'base64');
      if (seed.length !== 32) throw new Error('seed length');
      key = createPrivateKey({
        key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      });
    }
  } catch {
    throw new Error('audit signing key must be an Ed25519 PKCS#8 PEM or a base64 32-byte seed');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('audit signing key must be an Ed25519 key');
  }
  return key;
}

export function signingKeyFrom(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  const pub = createPublicKey(privateKey);
  const publicKey = rawPublicKey(pub);
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    publicKeyPem: pub.export({ format: 'pem', type: 'spki' }).toString(),
    source,
    sign: (payload) => sign(null, payload, privateKey),
  };
}

/** Ed25519 verification against a raw 32-byte public key; false on any malformed input. */
export function verifySignature(publicKey: Buffer, payload: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
      format: 'jwk',
    });
    return verify(null, payload, key, signature);
  } catch {
    return false;
  }
}

export function publicKeyPem(publicKey: Buffer): string {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/**
 * The configured key when there is one; otherwise the key generated at the
 * first start and kept in audit.generated_signing_key (shared by replicas).
 * Either way its public half is recorded in audit.public_keys.
 */
export async function loadSigningKey(
  sql: Sql,
  configured: string | undefined,
): Promise<SigningKey> {
  let key: SigningKey;
  if (configured !== undefined && configured.trim() !== '') {
    key = signingKeyFrom(parseSigningKey(configured), 'configured');
  } else {
    const fresh = generateKeyPairSync('ed25519').privateKey.export({
      format: 'der',
      type: 'pkcs8',
    });
    await sql`
      INSERT INTO audit.generated_signing_key (id, private_key) VALUES (1, ${fresh})
      ON CONFLICT (id) DO NOTHING`;
    const [row] = await sql<{ private_key: Buffer }[]>`
      SELECT private_key FROM audit.generated_signing_key WHERE id = 1`;
    if (!row) throw new Error('generated audit signing key not found');
    key = signingKeyFrom(
      createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' }),
      'generated',
    );
  }
  await sql`
    INSERT INTO audit.public_keys (key_id, public_key) VALUES (${key.keyId}, ${key.publicKey})
    ON CONFLICT (key_id) DO NOTHING`;
  return key;
}
