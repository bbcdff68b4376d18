import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { optBlob } from './members.js';

const PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function outcome(value: string): Buffer | string {
  try {
    return optBlob({ Blob: value }, 'Blob')!;
  } catch (err) {
    return isKmsError(err) ? `${err.code}: ${err.message}` : 'not a KmsError';
  }
}

describe('optBlob', () => {
  it('accepts exactly the padded base64 strings and decodes them', () => {
    const base64ish = fc.string({
      unit: fc.constantFrom(...'ABCDQRwxyz0189+/=-_ !'.split('')),
      maxLength: 24,
    });
    const canonical = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64'));
    fc.assert(
      fc.property(fc.oneof(base64ish, canonical), (value) => {
        const got = outcome(value);
        if (PATTERN.test(value)) expect(got).toEqual(Buffer.from(value, 'base64'));
        else expect(got).toBe("SerializationException: Member 'Blob' is not valid base64.");
      }),
    );
  });

  it('takes non-canonical trailing bits as the pattern always did', () => {
    // 'QR==' decodes to 'A' like 'QQ==' but does not encode back to itself.
    expect(outcome('QR==')).toEqual(Buffer.from('A'));
    expect(outcome('QQ')).toBe("SerializationException: Member 'Blob' is not valid base64.");
  });
});
