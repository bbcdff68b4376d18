import { createHmac } from 'node:crypto';

const BLOCK_1 = Buffer.from([1]);

/**
 * HKDF-SHA256 (RFC 5869) for a 32-byte output: extract, then the first
 * expand block. The same bytes as `hkdfSync('sha256', ikm, salt, info, 32)`
 * (a property test holds them equal) at under half its CPU: hkdfSync goes
 * through OpenSSL's KDF fetch and a KeyObject per call, which cost more than
 * the two HMACs themselves on every Encrypt and Decrypt.
 */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Buffer {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  try {
    return createHmac('sha256', prk).update(info).update(BLOCK_1).digest();
  } finally {
    prk.fill(0);
  }
}
