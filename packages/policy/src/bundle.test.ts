import { describe, expect, it } from 'vitest';
import { callerPrincipal, describeReason } from './bundle.js';

describe('callerPrincipal', () => {
  it.each([
    ['arn:aws:iam::111122223333:root', 'root'],
    ['arn:aws:iam::111122223333:user/ops/alice', 'user'],
    ['arn:aws:iam::111122223333:role/app', 'role'],
    ['arn:aws:sts::111122223333:assumed-role/app/s1', 'role'],
  ])('%s is a %s', (arn, type) => {
    expect(callerPrincipal(arn, '111122223333')).toEqual({ arn, accountId: '111122223333', type });
  });

  it('knows service principals, which have no account', () => {
    expect(callerPrincipal('s3.amazonaws.com', '111122223333')).toEqual({
      arn: 's3.amazonaws.com',
      accountId: '',
      type: 'service',
    });
  });
});

describe('describeReason', () => {
  it('names the statement, the grant or the lack of an allow', () => {
    expect(describeReason({ kind: 'implicit-deny' })).toBe('no allow');
    expect(
      describeReason({ kind: 'explicit-deny', source: 'key-policy', statement: 'DenyAll' }),
    ).toBe("explicit deny: key policy statement 'DenyAll'");
    expect(
      describeReason({ kind: 'explicit-deny', source: 'identity-policy', statement: 2, policy: 1 }),
    ).toBe('explicit deny: identity policy #1 statement #2');
    expect(describeReason({ kind: 'allow', source: 'grant', grantId: 'g1' })).toBe(
      'allow: grant g1',
    );
  });
});
