import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGrantToken, encodeGrantToken } from './grant-token.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const GRANT = 'ab'.repeat(32);

describe('grant tokens', () => {
  it('name the key and grant they were issued for, and differ each time', () => {
    const a = encodeGrantToken(KEY, GRANT);
    expect(decodeGrantToken(a)).toEqual({ keyArn: KEY, grantId: GRANT });
    expect(encodeGrantToken(KEY, GRANT)).not.toBe(a);
  });

  it('read nothing from what is not a token of ours', () => {
    const json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
    for (const t of [
      '',
      'not base64 !',
      json({ v: 2, k: KEY, g: GRANT }),
      json({ v: 1, k: 'arn:aws:kms:us-east-1:111122223333:alias/x', g: GRANT }),
      json({ v: 1, k: KEY, g: 'short' }),
      json(null),
    ]) {
      expect(decodeGrantToken(t)).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = decodeGrantToken(s);
        return r === undefined || (r.keyArn.startsWith('arn:') && /^[0-9a-f]{64}$/.test(r.grantId));
      }),
    );
  });
});
