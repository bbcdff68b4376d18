import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, parseSigningKey, signingKeyFrom, verifySignature } from './signing.js';

describe('signing keys', () => {
  it('reads a PKCS#8 PEM and a base64 seed, and signs verifiably', () => {
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const seed = randomBytes(32).toString('base64');
    for (const text of [pem, seed]) {
      const key = signingKeyFrom(parseSigningKey(text), 'configured');
      expect(key.publicKey).toHaveLength(32);
      expect(key.keyId).toBe(keyIdOf(key.publicKey));
      expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      const payload = Buffer.from('{"toSequence":"10"}');
      const signature = key.sign(payload);
      expect(verifySignature(key.publicKey, payload, signature)).toBe(true);
      expect(verifySignature(key.publicKey, Buffer.from('{"toSequence":"11"}'), signature)).toBe(
        false,
      );
    }
    // The same seed gives the same key.
    expect(signingKeyFrom(parseSigningKey(seed), 'configured').keyId).toBe(
      signingKeyFrom(parseSigningKey(seed), 'configured').keyId,
    );
  });

  it('refuses anything else without quoting it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    for (const bad of ['c2hvcnQ=', 'not a key', rsa]) {
      let message = '';
      try {
        parseSigningKey(bad);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/Ed25519/);
      expect(message).not.toContain(bad.slice(0, 20));
    }
  });

  it('rejects malformed signatures and keys instead of throwing', () => {
    expect(verifySignature(Buffer.alloc(3), Buffer.from('x'), Buffer.alloc(64))).toBe(false);
  });
});
