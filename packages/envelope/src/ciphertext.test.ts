import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { MAX_BLOB_BYTES, decrypt, encrypt, parseHeader } from './ciphertext.js';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const material = randomBytes(32);

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return isKmsError(err) ? err.code : `not a KmsError: ${String(err)}`;
  }
  return 'no error';
}

describe('encrypt/decrypt', () => {
  it('round-trips with and without an encryption context', () => {
    const plaintext = Buffer.from('hello, keyhold');
    const blob = encrypt({ keyId, materialVersion: 1, material, plaintext });
    expect(decrypt({ blob, material })).toEqual(plaintext);
    expect(decrypt({ blob, material, encryptionContext: {} })).toEqual(plaintext);

    const ctx = { purpose: 'test', ünïcode: '値' };
    const blob2 = encrypt({
      keyId,
      materialVersion: 7,
      material,
      plaintext,
      encryptionContext: ctx,
    });
    expect(
      decrypt({ blob: blob2, material, encryptionContext: { ünïcode: '値', purpose: 'test' } }),
    ).toEqual(plaintext);
  });

  it('writes the key id and material version in the header, not the plaintext', () => {
    const plaintext = Buffer.from('secret-secret-secret');
    const blob = encrypt({ keyId, materialVersion: 42, material, plaintext });
    expect(parseHeader(blob)).toEqual({ formatVersion: 1, keyId, materialVersion: 42 });
    expect(blob.includes(plaintext)).toBe(false);
    expect(blob.length).toBe(66 + plaintext.length + 16);
  });

  it('supports text key ids such as multi-Region ids', () => {
    const mrk = 'mrk-1234abcd12ab34cd56ef1234567890ab';
    const blob = encrypt({ keyId: mrk, materialVersion: 1, material, plaintext: Buffer.from('x') });
    expect(parseHeader(blob).keyId).toBe(mrk);
    expect(decrypt({ blob, material }).toString()).toBe('x');
  });

  it('keeps a 4096-byte plaintext within the 6144-byte blob limit, and refuses more', () => {
    const blob = encrypt({ keyId, materialVersion: 1, material, plaintext: randomBytes(4096) });
    expect(blob.length).toBeLessThanOrEqual(MAX_BLOB_BYTES);
    expect(() =>
      encrypt({ keyId, materialVersion: 1, material, plaintext: randomBytes(4097) }),
    ).toThrow(RangeError);
  });

  it('uses a fresh nonce and IV each time', () => {
    const plaintext = Buffer.from('same');
    const a = encrypt({ keyId, materialVersion: 1, material, plaintext });
    const b = encrypt({ keyId, materialVersion: 1, material, plaintext });
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(22, 66).equals(b.subarray(22, 66))).toBe(false);
  });

  it('refuses caller bugs: wrong-sized material, bad key id, bad version', () => {
    const plaintext = Buffer.from('x');
    expect(() =>
      encrypt({ keyId, materialVersion: 1, material: randomBytes(16), plaintext }),
    ).toThrow(RangeError);
    expect(() => encrypt({ keyId: 'not valid!', materialVersion: 1, material, plaintext })).toThrow(
      RangeError,
    );
    expect(() => encrypt({ keyId, materialVersion: 0, material, plaintext })).toThrow(RangeError);
    expect(() => decrypt({ blob: Buffer.alloc(100), material: randomBytes(31) })).toThrow(
      RangeError,
    );
  });
});

describe('tampering', () => {
  const plaintext = Buffer.from('attack at dawn');
  const ctx = { bucket: 'b1' };
  const blob = encrypt({ keyId, materialVersion: 3, material, plaintext, encryptionContext: ctx });

  it('rejects every single-bit flip at every position', () => {
    for (let i = 0; i < blob.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const t = Buffer.from(blob);
        t[i] = t[i]! ^ (1 << bit);
        expect(
          code(() => decrypt({ blob: t, material, encryptionContext: ctx })),
          `byte ${i} bit ${bit}`,
        ).toBe('InvalidCiphertextException');
      }
    }
  });

  it('rejects every byte replaced by any other value', () => {
    for (let i = 0; i < blob.length; i++) {
      for (const delta of [0x01, 0x80, 0xff, 0x5a]) {
        const t = Buffer.from(blob);
        t[i] = (t[i]! + delta) & 0xff;
        expect(
          code(() => decrypt({ blob: t, material, encryptionContext: ctx })),
          `byte ${i}`,
        ).toBe('InvalidCiphertextException');
      }
    }
  });

  it('rejects every truncation and any appended bytes', () => {
    for (let n = 0; n < blob.length; n++) {
      expect(
        code(() => decrypt({ blob: blob.subarray(0, n), material, encryptionContext: ctx })),
      ).toBe('InvalidCiphertextException');
    }
    const longer = Buffer.concat([blob, Buffer.from([0])]);
    expect(code(() => decrypt({ blob: longer, material, encryptionContext: ctx }))).toBe(
      'InvalidCiphertextException',
    );
  });

  it('rejects material of another key', () => {
    expect(code(() => decrypt({ blob, material: randomBytes(32), encryptionContext: ctx }))).toBe(
      'InvalidCiphertextException',
    );
  });

  it('rejects a blob of another key under that key’s material', () => {
    const other = randomBytes(32);
    const foreign = encrypt({
      keyId,
      materialVersion: 3,
      material: other,
      plaintext,
      encryptionContext: ctx,
    });
    expect(code(() => decrypt({ blob: foreign, material, encryptionContext: ctx }))).toBe(
      'InvalidCiphertextException',
    );
    expect(decrypt({ blob: foreign, material: other, encryptionContext: ctx })).toEqual(plaintext);
  });
});

describe('encryption context', () => {
  const plaintext = Buffer.from('payload');
  const expectInvalid = (blob: Buffer, encryptionContext?: Record<string, string>) =>
    expect(code(() => decrypt({ blob, material, encryptionContext }))).toBe(
      'InvalidCiphertextException',
    );

  it('tells {"ab":"c"} from {"a":"bc"}', () => {
    const blob = encrypt({
      keyId,
      materialVersion: 1,
      material,
      plaintext,
      encryptionContext: { ab: 'c' },
    });
    expectInvalid(blob, { a: 'bc' });
    expect(decrypt({ blob, material, encryptionContext: { ab: 'c' } })).toEqual(plaintext);
  });

  it('rejects a missing, extra, changed or case-changed context', () => {
    const ctx = { tenant: 'acme', env: 'prod' };
    const blob = encrypt({
      keyId,
      materialVersion: 1,
      material,
      plaintext,
      encryptionContext: ctx,
    });
    expectInvalid(blob);
    expectInvalid(blob, {});
    expectInvalid(blob, { tenant: 'acme' });
    expectInvalid(blob, { ...ctx, extra: '' });
    expectInvalid(blob, { tenant: 'acme', env: 'dev' });
    expectInvalid(blob, { tenant: 'ACME', env: 'prod' });
    expectInvalid(blob, { Tenant: 'acme', env: 'prod' });
    const plain = encrypt({ keyId, materialVersion: 1, material, plaintext });
    expectInvalid(plain, { any: 'thing' });
  });

  it('turns an over-long context on decrypt into InvalidCiphertextException', () => {
    const blob = encrypt({ keyId, materialVersion: 1, material, plaintext });
    expectInvalid(blob, { k: 'x'.repeat(70_000) });
  });
});

describe('parseHeader', () => {
  const blob = encrypt({ keyId, materialVersion: 1, material, plaintext: Buffer.from('p') });

  it('refuses blobs that are too short, too long, or of an unknown version or id kind', () => {
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([1]),
      blob.subarray(0, 60),
      Buffer.concat([Buffer.from([2]), blob.subarray(1)]),
      Buffer.concat([Buffer.from([1, 9]), blob.subarray(2)]),
      Buffer.alloc(MAX_BLOB_BYTES + 1, 1),
    ];
    for (const b of cases) expect(code(() => parseHeader(b))).toBe('InvalidCiphertextException');
  });

  it('refuses material version 0 and a UUID written as a text id', () => {
    const v0 = Buffer.from(blob);
    v0.writeUInt32BE(0, 18);
    expect(code(() => parseHeader(v0))).toBe('InvalidCiphertextException');

    const text = Buffer.from(keyId, 'ascii');
    const asText = Buffer.concat([Buffer.from([1, 2, text.length]), text, blob.subarray(18)]);
    expect(code(() => parseHeader(asText))).toBe('InvalidCiphertextException');
  });
});

describe('properties', () => {
  const contextArb = fc.dictionary(
    fc.string({ maxLength: 20, unit: 'grapheme' }),
    fc.string({ maxLength: 40 }),
    {
      maxKeys: 8,
    },
  );

  it('round-trips any plaintext of 1..4096 bytes under any context', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), contextArb, (pt, ctx) => {
        const blob = encrypt({
          keyId,
          materialVersion: 1,
          material,
          plaintext: pt,
          encryptionContext: ctx,
        });
        expect(blob.length).toBeLessThanOrEqual(MAX_BLOB_BYTES);
        expect(decrypt({ blob, material, encryptionContext: { ...ctx } })).toEqual(Buffer.from(pt));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects any tampering of any blob', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        contextArb,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (pt, ctx, pos, delta) => {
          const blob = encrypt({
            keyId,
            materialVersion: 1,
            material,
            plaintext: pt,
            encryptionContext: ctx,
          });
          const i = pos % blob.length;
          blob[i] = (blob[i]! + delta) & 0xff;
          expect(code(() => decrypt({ blob, material, encryptionContext: ctx }))).toBe(
            'InvalidCiphertextException',
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects any different context', () => {
    fc.assert(
      fc.property(contextArb, contextArb, (a, b) => {
        fc.pre(
          JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort()),
        );
        const blob = encrypt({
          keyId,
          materialVersion: 1,
          material,
          plaintext: Buffer.from('x'),
          encryptionContext: a,
        });
        expect(code(() => decrypt({ blob, material, encryptionContext: b }))).toBe(
          'InvalidCiphertextException',
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('format v1 stability', () => {
  it('decrypts a blob written by an earlier build (known-answer vector)', () => {
    // Written by the hkdfSync-based build: proves the blob format did not move.
    const vector = Buffer.from(
      'AQESNKvNEqs0zVbvEjRWeJCrAAAAAxXcGVerakeJR6AeBvaYle6DN95YE2eiHn1ZxdZ74AlL01XHF3SEbWWu9KczBG1NoMrw5MVBxGhRgyYW5xHB7LpSslFsqZ8r7bKRwWIaHbF3rNy0RA==',
      'base64',
    );
    const material = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const encryptionContext = { tenant: 't-1', purpose: 'vector' };
    expect(parseHeader(vector)).toEqual({
      formatVersion: 1,
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      materialVersion: 3,
    });
    expect(decrypt({ blob: vector, material, encryptionContext }).toString()).toBe(
      'keyhold format v1 vector',
    );
  });
});
