import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerPrincipal, describeReason } from './bundle.js';
import { evaluatePolicies } from './language/evaluate-policies.js';
import { principalMatch } from './language/match.js';
import { parsePolicy } from './language/parse.js';

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

  it.each(['objectstore.keyhold.internal', 'backup.example.com', 'Queue.Keyhold.Internal'])(
    'knows the platform’s own service principals too: %s',
    (name) => {
      expect(callerPrincipal(name, '111122223333')).toEqual({
        arn: name,
        accountId: '',
        type: 'service',
      });
    },
  );

  it.each(['keyhold:key-manager', 'keyhold:service/crypto-worker', 'localhost', '', 'a..b'])(
    'never takes %j, which no service principal is named, for a service',
    (name) => {
      expect(callerPrincipal(name, '111122223333').type).toBe('user');
    },
  );

  it('a service named by a key policy is matched by its name, and by nothing else', () => {
    const key = { arn: 'arn:aws:kms:us-east-1:111122223333:key/k', accountId: '111122223333' };
    const keyPolicy = parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'objectstore.keyhold.internal' },
            Action: 'kms:GenerateDataKey',
            Resource: '*',
          },
          // The account root delegates to IAM: a service has no account, so it gains nothing here.
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    );
    const decide = (name: string, action: string) =>
      evaluatePolicies({
        keyPolicy,
        request: { principal: callerPrincipal(name, '111122223333'), action, key },
      }).decision;
    expect(decide('objectstore.keyhold.internal', 'kms:GenerateDataKey')).toBe('Allow');
    expect(decide('objectstore.keyhold.internal', 'kms:Decrypt')).toBe('Deny');
    expect(decide('other.keyhold.internal', 'kms:GenerateDataKey')).toBe('Deny');
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const dnsName = fc
    .array(label, { minLength: 2, maxLength: 4 })
    .map((labels) => labels.join('.'))
    .filter((n) => n.length >= 3);

  it('an ARN is never a service, a DNS-style name always is', () => {
    fc.assert(
      fc.property(dnsName, (name) => callerPrincipal(name, '111122223333').type === 'service'),
    );
    fc.assert(
      fc.property(fc.string(), (rest) =>
        ['user', 'role', 'root'].includes(callerPrincipal(`arn:${rest}`, '1').type),
      ),
    );
  });
  it('no "AWS" principal, of any account, names a service caller; only "*" and its name do', () => {
    const account = fc.stringMatching(/^\d{12}$/);
    const awsEntry = fc.oneof(
      account,
      account.map((a) => `arn:aws:iam::${a}:root`),
      dnsName.map((n) => `arn:aws:iam::111122223333:user/${n}`),
    );
    fc.assert(
      fc.property(dnsName, fc.array(awsEntry, { minLength: 1, maxLength: 3 }), (name, aws) => {
        const statementOf = (principal: unknown) =>
          parsePolicy(
            JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*' },
              ],
            }),
          ).statements[0]!;
        const caller = callerPrincipal(name, '111122223333');
        return (
          principalMatch(statementOf({ AWS: aws }), caller) === 'none' &&
          principalMatch(statementOf({ Service: name }), caller) === 'direct' &&
          principalMatch(statementOf('*'), caller) === 'direct'
        );
      }),
    );
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
