import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { parseIdentities } from './identities.js';

const valid = {
  accounts: [
    {
      accountId: '111122223333',
      principals: [
        {
          arn: 'arn:aws:iam::111122223333:user/test',
          accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'test' }],
        },
        {
          arn: 'arn:aws:iam::111122223333:role/ops/admin',
          accessKeys: [
            { accessKeyId: 'AKIAOPS1', secretAccessKey: 's1' },
            { accessKeyId: 'AKIAOPS2', secretAccessKey: 's2' },
          ],
        },
      ],
    },
    {
      accountId: '444455556666',
      principals: [
        {
          arn: 'arn:aws:iam::444455556666:root',
          accessKeys: [{ accessKeyId: 'other', secretAccessKey: 'o' }],
        },
      ],
    },
  ],
};

function problemsOf(doc: unknown): readonly string[] {
  try {
    parseIdentities(typeof doc === 'string' ? doc : JSON.stringify(doc));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseIdentities', () => {
  it('indexes every access key by id', () => {
    const store = parseIdentities(JSON.stringify(valid));
    expect(store.size).toBe(4);
    expect(store.byAccessKeyId('AKIAOPS2')).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:role/ops/admin',
      accessKeyId: 'AKIAOPS2',
      secretAccessKey: 's2',
    });
    expect(store.byAccessKeyId('other')?.accountId).toBe('444455556666');
    expect(store.byAccessKeyId('nope')).toBeUndefined();
  });

  it('gives a principal without policies none: there is no default identity policy', () => {
    const store = parseIdentities(JSON.stringify(valid));
    expect(store.policiesOf('arn:aws:iam::111122223333:user/test')).toEqual({
      parsed: [],
      documents: [],
    });
  });

  it('rejects text that is not JSON', () => {
    expect(problemsOf('{accounts:')).toEqual(['KEYHOLD_IDENTITIES: is not valid JSON']);
  });

  it('reports every problem at once, shape and cross-entry rules together', () => {
    const problems = problemsOf({
      accounts: [
        {
          accountId: '12345',
          principals: [
            {
              arn: 'arn:aws:iam::999999999999:user/x',
              accessKeys: [{ accessKeyId: 'dup', secretAccessKey: 'a' }],
            },
          ],
        },
        {
          accountId: '111122223333',
          principals: [
            { arn: 'not-an-arn', accessKeys: [{ accessKeyId: 'dup', secretAccessKey: '' }] },
            {
              arn: 'arn:aws:iam::111122223333:user/y',
              accessKeys: [{ accessKeyId: 'dup', secretAccessKey: 'b' }],
            },
          ],
        },
        { accountId: '111122223333', principals: [], extra: true },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'KEYHOLD_IDENTITIES: accounts.0.accountId: must be 12 digits',
        expect.stringMatching(
          /^KEYHOLD_IDENTITIES: accounts\.1\.principals\.0\.arn: must be arn:aws:iam::/,
        ),
        expect.stringMatching(
          /^KEYHOLD_IDENTITIES: accounts\.1\.principals\.0\.accessKeys\.0\.secretAccessKey: /,
        ),
        expect.stringMatching(/^KEYHOLD_IDENTITIES: accounts\.2: Unrecognized key/),
        'KEYHOLD_IDENTITIES: accounts.0.principals.0.arn: must be in account 12345',
        'KEYHOLD_IDENTITIES: accounts.1.principals.0.accessKeys.0.accessKeyId: duplicate of accounts.0.principals.0.accessKeys.0.accessKeyId',
        'KEYHOLD_IDENTITIES: accounts.1.principals.1.accessKeys.0.accessKeyId: duplicate of accounts.0.principals.0.accessKeys.0.accessKeyId',
        'KEYHOLD_IDENTITIES: accounts.2.accountId: duplicate of accounts.1.accountId',
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it('never puts a secret in a problem', () => {
    const problems = problemsOf({
      accounts: [
        {
          accountId: '111122223333',
          principals: [
            {
              arn: 'arn:aws:iam::111122223333:user/a',
              accessKeys: [{ accessKeyId: 'k', secretAccessKey: 'SUPERSECRET'.repeat(30) }],
            },
          ],
        },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems.join('\n')).not.toContain('SUPERSECRET');
  });

  it('requires the accounts list', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^KEYHOLD_IDENTITIES: accounts: /)]);
  });
});
