import { deriveSigningKey } from '@keyhold/core';
import type { KmsError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { createAuthorizer, isScopeDate } from './authorizer.js';
import { parseIdentities } from './identities.js';

const identities = parseIdentities(
  JSON.stringify({
    accounts: [
      {
        accountId: '111122223333',
        principals: [
          {
            arn: 'arn:aws:iam::111122223333:user/test',
            accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'sekret' }],
          },
        ],
      },
    ],
  }),
);
const authorizer = createAuthorizer(identities);
const ownKey = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const otherKey = 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const caller = {
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/test',
  region: 'us-east-1',
};

function thrown(fn: () => unknown): KmsError {
  try {
    fn();
  } catch (err) {
    return err as KmsError;
  }
  throw new Error('expected a throw');
}

describe('authenticate', () => {
  it('returns the principal and the signing key for the scope', () => {
    const out = authorizer.authenticate({
      accessKeyId: 'test',
      date: '20240131',
      region: 'eu-west-1',
      service: 'kms',
    });
    expect(out.principal).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/test',
      accessKeyId: 'test',
    });
    expect(out.signingKey.equals(deriveSigningKey('sekret', '20240131', 'eu-west-1', 'kms'))).toBe(
      true,
    );
  });

  it('rejects an unknown access key with the AWS message', () => {
    const err = thrown(() =>
      authorizer.authenticate({
        accessKeyId: 'nobody',
        date: '20240131',
        region: 'us-east-1',
        service: 'kms',
      }),
    );
    expect(err.code).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it.each([
    { date: '2024-01-31', region: 'us-east-1', service: 'kms' },
    { date: '20240230', region: 'us-east-1', service: 'kms' },
    { date: '20240131', region: 'mars', service: 'kms' },
    { date: '20240131', region: 'us-east-1', service: 'KMS!' },
  ])('rejects a bad credential scope %o', (scope) => {
    const err = thrown(() => authorizer.authenticate({ accessKeyId: 'test', ...scope }));
    expect(err.code).toBe('IncompleteSignatureException');
    expect(err.message).not.toContain('sekret');
  });

  it('knows calendar dates', () => {
    expect(isScopeDate('20240229')).toBe(true);
    expect(isScopeDate('20230229')).toBe(false);
    expect(isScopeDate('20241301')).toBe(false);
    expect(isScopeDate('2024011')).toBe(false);
  });
});

describe('authorize', () => {
  it('allows a caller on a key of its own account', () => {
    expect(
      authorizer.authorize({ ...caller, action: 'kms:DescribeKey', resourceArn: ownKey }),
    ).toEqual({ allowed: true });
  });

  it('denies a key of another account with the AWS AccessDenied message', () => {
    expect(
      authorizer.authorize({ ...caller, action: 'kms:DescribeKey', resourceArn: otherKey }),
    ).toEqual({
      allowed: false,
      message: `User: arn:aws:iam::111122223333:user/test is not authorized to perform: kms:DescribeKey on resource: ${otherKey} because no resource-based policy allows the kms:DescribeKey action`,
    });
  });

  it('allows account-level actions on "*" for an authenticated caller', () => {
    expect(authorizer.authorize({ ...caller, action: 'kms:CreateKey', resourceArn: '*' })).toEqual({
      allowed: true,
    });
    expect(
      authorizer.authorize({
        ...caller,
        accountId: '444455556666',
        action: 'kms:ListKeys',
        resourceArn: '*',
      }),
    ).toEqual({
      allowed: true,
    });
  });

  it('denies a caller without an account', () => {
    const decision = authorizer.authorize({
      ...caller,
      accountId: '',
      action: 'kms:ListKeys',
      resourceArn: '*',
    });
    expect(decision.allowed).toBe(false);
  });

  it('rejects a resource that is not a key ARN and an action that is not kms', () => {
    expect(
      thrown(() =>
        authorizer.authorize({ ...caller, action: 'kms:DescribeKey', resourceArn: 'key/x' }),
      ).code,
    ).toBe('InvalidArnException');
    expect(
      thrown(() => authorizer.authorize({ ...caller, action: 'DescribeKey', resourceArn: ownKey }))
        .code,
    ).toBe('ValidationException');
  });
});

describe('decisionBundle', () => {
  it('names the key account from the ARN', () => {
    expect(authorizer.decisionBundle(otherKey)).toEqual({
      keyArn: otherKey,
      keyAccountId: '444455556666',
      version: '0',
    });
  });

  it('rejects an invalid ARN', () => {
    expect(thrown(() => authorizer.decisionBundle('arn:aws:kms:us-east-1:1:key/x')).code).toBe(
      'InvalidArnException',
    );
  });
});
