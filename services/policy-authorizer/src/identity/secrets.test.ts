import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretBox, generateAccessKeyId, generateSecretAccessKey } from './secrets.js';

const box = createSecretBox(randomBytes(32));
const ID = 'AKIAEXAMPLE000000001';

describe('access key generation', () => {
  it("has AWS's shape", () => {
    for (let i = 0; i < 50; i++) {
      expect(generateAccessKeyId()).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(generateSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
    }
  });
});

describe('secret box', () => {
  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (secret) => {
        const sealed = box.seal(ID, secret);
        expect(JSON.stringify(sealed)).not.toContain(Buffer.from(secret).toString('base64'));
        expect(box.open(ID, sealed)).toBe(secret);
      }),
    );
  });

  it('refuses a tampered ciphertext, tag or nonce', () => {
    const sealed = box.seal(ID, generateSecretAccessKey());
    const body = Buffer.from(sealed.sealed, 'base64');
    for (const i of [0, body.length - 1]) {
      const flipped = Buffer.from(body);
      flipped[i]! ^= 1;
      expect(() => box.open(ID, { ...sealed, sealed: flipped.toString('base64') })).toThrow();
    }
    const iv = Buffer.from(sealed.iv, 'base64');
    iv[0]! ^= 1;
    expect(() => box.open(ID, { ...sealed, iv: iv.toString('base64') })).toThrow();
  });

  it('binds the access key id: a sealed secret moved to another key does not open', () => {
    const sealed = box.seal(ID, 'secret');
    expect(() => box.open('AKIAOTHER00000000001', sealed)).toThrow();
  });

  it('does not open under another key, and says nothing secret when it fails', () => {
    const secret = generateSecretAccessKey();
    const sealed = box.seal(ID, secret);
    let error: unknown;
    try {
      createSecretBox(randomBytes(32)).open(ID, sealed);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'KMSInternalException' });
    expect(JSON.stringify(error) + String(error) + String((error as Error).cause)).not.toContain(
      secret,
    );
  });

  it('wants a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
