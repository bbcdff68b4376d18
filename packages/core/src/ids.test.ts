import { describe, expect, it } from 'vitest';
import { isKmsError } from './errors.js';
import { parseAliasArn, parseKeyReference } from './ids.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('key references', () => {
  it('tells key ids, key ARNs and malformed ARNs apart', () => {
    expect(parseKeyReference(KEY_ID)).toEqual({ kind: 'id', keyId: KEY_ID });
    expect(parseKeyReference(`arn:aws:kms:eu-west-1:111122223333:key/${KEY_ID}`)).toEqual({
      kind: 'arn',
      keyId: KEY_ID,
      accountId: '111122223333',
      region: 'eu-west-1',
    });
    const bad = (() => {
      try {
        return parseKeyReference('arn:aws:kms:eu-west-1:111122223333:nothing');
      } catch (err) {
        return err;
      }
    })();
    expect(isKmsError(bad, 'InvalidArnException')).toBe(true);
  });

  it('reads alias ARNs, and nothing else as one', () => {
    expect(parseAliasArn('arn:aws:kms:us-east-1:111122223333:alias/orders/eu')).toEqual({
      region: 'us-east-1',
      accountId: '111122223333',
      aliasName: 'alias/orders/eu',
    });
    expect(parseAliasArn('alias/orders')).toBeUndefined();
    expect(parseAliasArn(`arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`)).toBeUndefined();
    expect(parseAliasArn('arn:aws:kms:us-east-1:1111:alias/short-account')).toBeUndefined();
  });
});
