import { describe, expect, it } from 'vitest';
import { wouldLockOut } from './lockout.js';
import {
  DEFAULT_KEY_POLICY,
  KMS_ALL,
  ROOT_ARN,
  alice,
  bob,
  identityPolicy,
  keyPolicy,
  root,
} from './test-fixtures.js';

describe('wouldLockOut', () => {
  it('is false for the default key policy', () => {
    expect(wouldLockOut(DEFAULT_KEY_POLICY, alice)).toBe(false);
    expect(wouldLockOut(DEFAULT_KEY_POLICY, root)).toBe(false);
    expect(wouldLockOut(DEFAULT_KEY_POLICY, alice, { identityPolicies: [KMS_ALL] })).toBe(false);
  });

  it('is true when delegation is the only way and IAM does not allow PutKeyPolicy', () => {
    const readOnly = identityPolicy({ Effect: 'Allow', Action: 'kms:Describe*', Resource: '*' });
    expect(wouldLockOut(DEFAULT_KEY_POLICY, alice, { identityPolicies: [readOnly] })).toBe(true);
  });

  it('is true when the policy names only someone else', () => {
    const onlyBob = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: bob.arn },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(wouldLockOut(onlyBob, alice)).toBe(true);
    expect(wouldLockOut(onlyBob, bob)).toBe(false);
  });

  it('is true when the policy omits PutKeyPolicy or denies it', () => {
    const noPut = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      Action: ['kms:Encrypt', 'kms:Decrypt'],
      Resource: '*',
    });
    expect(wouldLockOut(noPut, alice)).toBe(true);
    const denyPut = keyPolicy(
      { Effect: 'Allow', Principal: { AWS: ROOT_ARN }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: 'kms:PutKeyPolicy', Resource: '*' },
    );
    expect(wouldLockOut(denyPut, root)).toBe(true);
  });

  it('evaluates conditions against the current request', () => {
    const fromOffice = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      Action: 'kms:*',
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
    });
    expect(wouldLockOut(fromOffice, alice, { context: { sourceIp: '192.0.2.9' } })).toBe(false);
    expect(wouldLockOut(fromOffice, alice, { context: { sourceIp: '198.51.100.1' } })).toBe(true);
  });
});
