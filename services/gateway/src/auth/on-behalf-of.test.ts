import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import {
  ON_BEHALF_OF_HEADER,
  actingIdentity,
  directIdentity,
  viaServiceOf,
} from './on-behalf-of.js';
import type { Caller } from './verifier.js';

const ALICE = 'arn:aws:iam::444455556666:user/alice';
const user: Caller = {
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/bob',
  accessKeyId: 'AKIABOB',
};
const store: Caller = {
  accountId: '111122223333',
  principalArn: 'objectstore.keyhold.internal',
  accessKeyId: 'AKIASTORE',
  servicePrincipal: 'objectstore.keyhold.internal',
};
const s3: Caller = {
  ...store,
  principalArn: 's3.amazonaws.com',
  servicePrincipal: 's3.amazonaws.com',
};
const SIGNED = ['host', 'x-amz-date', ON_BEHALF_OF_HEADER];

/** The AWS error code `fn` throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isKmsError(err)) return err.code;
    throw err;
  }
  throw new Error('did not throw');
}

describe('viaServiceOf', () => {
  it('adds the region to an AWS service name, as kms:ViaService does', () => {
    expect(viaServiceOf('s3.amazonaws.com', 'eu-west-1')).toBe('s3.eu-west-1.amazonaws.com');
    expect(viaServiceOf('rds.amazonaws.com', 'us-east-1')).toBe('rds.us-east-1.amazonaws.com');
  });

  it('keeps the platform’s own service names as registered', () => {
    expect(viaServiceOf('objectstore.keyhold.internal', 'eu-west-1')).toBe(
      'objectstore.keyhold.internal',
    );
  });
});

describe('actingIdentity', () => {
  it('a direct call by a user: the user, no viaService, no invokedBy', () => {
    expect(actingIdentity(user, undefined, ['host'], 'us-east-1')).toEqual({
      accountId: '111122223333',
      principalArn: user.principalArn,
      accessKeyId: 'AKIABOB',
      viaService: '',
    });
  });

  it('a service acting as itself: the service, invokedBy its name, no viaService', () => {
    expect(actingIdentity(store, [], ['host'], 'us-east-1')).toEqual({
      accountId: '111122223333',
      principalArn: 'objectstore.keyhold.internal',
      accessKeyId: 'AKIASTORE',
      viaService: '',
      invokedBy: 'objectstore.keyhold.internal',
    });
    expect(directIdentity(store)).toEqual(actingIdentity(store, undefined, [], 'us-east-1'));
  });

  it('a service calling for a user: the user and the user’s account, via the service', () => {
    expect(actingIdentity(store, [ALICE], SIGNED, 'us-east-1')).toEqual({
      accountId: '444455556666',
      principalArn: ALICE,
      accessKeyId: 'AKIASTORE',
      viaService: 'objectstore.keyhold.internal',
      invokedBy: 'objectstore.keyhold.internal',
    });
    expect(actingIdentity(s3, [ALICE], SIGNED, 'eu-west-1')).toMatchObject({
      principalArn: ALICE,
      viaService: 's3.eu-west-1.amazonaws.com',
      invokedBy: 's3.amazonaws.com',
    });
  });

  it.each([
    'arn:aws:iam::444455556666:root',
    'arn:aws:iam::444455556666:role/app',
    'arn:aws:iam::444455556666:user/team/alice',
  ])('accepts %s', (arn) => {
    expect(actingIdentity(store, [arn], SIGNED, 'us-east-1').principalArn).toBe(arn);
  });

  it('refuses the header unless it is signed', () => {
    expect(codeOf(() => actingIdentity(store, [ALICE], ['host', 'x-amz-date'], 'us-east-1'))).toBe(
      'IncompleteSignatureException',
    );
  });

  it('refuses the header from a caller that is not a service principal', () => {
    expect(codeOf(() => actingIdentity(user, [ALICE], SIGNED, 'us-east-1'))).toBe(
      'AccessDeniedException',
    );
  });

  it.each([
    ['an empty value', ['']],
    ['a service name', ['objectstore.keyhold.internal']],
    ['a key ARN', ['arn:aws:kms:us-east-1:444455556666:key/k']],
    ['an STS session', ['arn:aws:sts::444455556666:assumed-role/app/s1']],
    ['a short account', ['arn:aws:iam::4444:user/alice']],
    ['two principals', [ALICE, 'arn:aws:iam::444455556666:user/bob']],
    ['a list in one value', [`${ALICE},arn:aws:iam::444455556666:root`]],
  ])('refuses %s', (_, values) => {
    expect(codeOf(() => actingIdentity(store, values, SIGNED, 'us-east-1'))).toBe(
      'ValidationException',
    );
  });
});
