import { describe, expect, it } from 'vitest';
import { KmsError } from '@keyhold/core';
import { evaluate } from './evaluate.js';
import type { AuthorizationRequest, DecisionBundle } from './evaluate.js';

const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const bundle: DecisionBundle = { keyArn, keyAccountId: '111122223333', version: '3' };
const request: AuthorizationRequest = {
  action: 'kms:Encrypt',
  principalArn: 'arn:aws:iam::111122223333:user/alice',
  accountId: '111122223333',
  region: 'us-east-1',
  resourceArn: keyArn,
};

describe('evaluate', () => {
  it('allows the key owner’s account', () => {
    expect(evaluate(bundle, request)).toEqual({ allowed: true });
  });

  it('denies another account with AWS’s message', () => {
    const other = {
      ...request,
      accountId: '444455556666',
      principalArn: 'arn:aws:iam::444455556666:user/bob',
    };
    expect(evaluate(bundle, other)).toEqual({
      allowed: false,
      message: KmsError.accessDenied(other.principalArn, 'kms:Encrypt', keyArn).message,
    });
    expect(evaluate(bundle, { ...other, action: 'kms:Decrypt' })).toMatchObject({
      allowed: false,
      message: expect.stringContaining(
        'is not authorized to perform: kms:Decrypt on resource: ' + keyArn,
      ),
    });
  });

  it('denies a request with no caller account', () => {
    expect(evaluate({ ...bundle, keyAccountId: '' }, { ...request, accountId: '' }).allowed).toBe(
      false,
    );
  });

  it('denies when the bundle is for another key', () => {
    expect(
      evaluate({ ...bundle, keyArn: keyArn.replace('1234abcd', 'ffffffff') }, request).allowed,
    ).toBe(false);
  });
});
