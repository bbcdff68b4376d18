import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { encodeEncryptionContext } from './encryption-context.js';

describe('encodeEncryptionContext', () => {
  it('encodes count, then length-prefixed keys and values sorted by key bytes', () => {
    expect(encodeEncryptionContext({ b: '2', a: '1' }).toString('hex')).toBe(
      '0002' + '0001' + '61' + '0001' + '31' + '0001' + '62' + '0001' + '32',
    );
  });

  it('encodes empty and absent contexts alike', () => {
    expect(encodeEncryptionContext(undefined)).toEqual(Buffer.from([0, 0]));
    expect(encodeEncryptionContext({})).toEqual(Buffer.from([0, 0]));
  });

  it('tells {"ab":"c"} from {"a":"bc"} and ignores insertion order', () => {
    expect(encodeEncryptionContext({ ab: 'c' }).equals(encodeEncryptionContext({ a: 'bc' }))).toBe(
      false,
    );
    expect(encodeEncryptionContext({ x: '1', y: '2' })).toEqual(
      encodeEncryptionContext({ y: '2', x: '1' }),
    );
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // In UTF-16 code units U+1F600 (0xD83D…) sorts before U+FF61; in UTF-8 (F0… vs EF…) after it.
    const enc = encodeEncryptionContext({ '\u{1F600}': 'b', '\uFF61': 'a' });
    expect(enc.subarray(4, 7)).toEqual(Buffer.from('\uFF61', 'utf8'));
  });

  it('refuses keys or values longer than 65535 bytes', () => {
    try {
      encodeEncryptionContext({ k: 'x'.repeat(65_536) });
      expect.unreachable();
    } catch (err) {
      expect(isKmsError(err, 'ValidationException')).toBe(true);
    }
  });
});
