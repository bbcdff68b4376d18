// The integration patterns users build on KMS key policies, end to end through parsing.
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate-policies.js';
import { parsePolicy } from './parse.js';
import {
  ACCOUNT,
  DEFAULT_KEY_POLICY,
  KEY_ARN,
  OTHER_ACCOUNT,
  OTHER_ROOT_ARN,
  ROOT_ARN,
  alice,
  carol,
  identityPolicy,
  request,
} from './test-fixtures.js';
import type { CallerPrincipal, Policy, RequestContext } from './types.js';

const policyOf = (statements: object[]): Policy =>
  parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }));

describe('(a) a storage service using the key on a caller’s behalf (kms:ViaService)', () => {
  // The shape of AWS managed keys (aws/s3): anyone in the account, only through S3.
  const keyPolicy = policyOf([
    {
      Sid: 'Allow access through S3 for all principals in the account',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': ACCOUNT,
          'kms:ViaService': 's3.us-east-1.amazonaws.com',
        },
      },
    },
    {
      Sid: 'Allow the S3 service principal to generate and unwrap data keys',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
    },
  ]);
  const viaS3 = (action: string, principal: CallerPrincipal = alice): RequestContext =>
    request({ principal, action, viaService: 's3.us-east-1.amazonaws.com' });
  const s3: CallerPrincipal = { arn: 's3.amazonaws.com', accountId: '', type: 'service' };

  it.each(['kms:GenerateDataKey', 'kms:Decrypt', 'kms:ReEncryptFrom'])(
    'allows %s through S3',
    (action) => {
      expect(evaluatePolicies({ keyPolicy, request: viaS3(action) }).decision).toBe('Allow');
    },
  );

  it('denies a direct call and a call through another service', () => {
    expect(
      evaluatePolicies({ keyPolicy, request: request({ action: 'kms:Decrypt' }) }).decision,
    ).toBe('Deny');
    const viaEc2 = request({ action: 'kms:Decrypt', viaService: 'ec2.us-east-1.amazonaws.com' });
    expect(evaluatePolicies({ keyPolicy, request: viaEc2 }).decision).toBe('Deny');
  });

  it('denies another account even through S3', () => {
    expect(evaluatePolicies({ keyPolicy, request: viaS3('kms:Decrypt', carol) }).decision).toBe(
      'Deny',
    );
  });

  it('allows the service principal GenerateDataKey and Decrypt only', () => {
    expect(
      evaluatePolicies({ keyPolicy, request: viaS3('kms:GenerateDataKey', s3) }).reason,
    ).toEqual({
      kind: 'allow',
      source: 'key-policy',
      statement: 'Allow the S3 service principal to generate and unwrap data keys',
    });
    expect(evaluatePolicies({ keyPolicy, request: viaS3('kms:Encrypt', s3) }).decision).toBe(
      'Deny',
    );
    expect(
      evaluatePolicies({
        keyPolicy,
        request: request({ principal: s3, action: 'kms:Decrypt' }),
      }).decision,
    ).toBe('Deny');
  });
});

describe('(b) a database service role bound to one database by encryption context', () => {
  const dbRole: CallerPrincipal = {
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/db-service/instance-7`,
    accountId: ACCOUNT,
    type: 'role',
  };
  const keyPolicy = policyOf([
    {
      Sid: 'Enable IAM policies',
      Effect: 'Allow',
      Principal: { AWS: ROOT_ARN },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Database data keys',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/db-service` },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:db:cluster-id': 'cluster-42' } },
    },
  ]);
  const call = (action: string, encryptionContext?: Record<string, string>) =>
    evaluatePolicies({
      keyPolicy,
      request: request({
        principal: dbRole,
        action,
        ...(encryptionContext ? { encryptionContext } : {}),
      }),
    });

  it('allows data keys for its cluster; the context key name is case-insensitive', () => {
    expect(call('kms:GenerateDataKey', { 'aws:db:cluster-id': 'cluster-42' }).decision).toBe(
      'Allow',
    );
    expect(call('kms:Decrypt', { 'AWS:DB:Cluster-Id': 'cluster-42', other: 'x' }).decision).toBe(
      'Allow',
    );
  });

  it('denies another cluster, a differently-cased value, or no context', () => {
    expect(call('kms:Decrypt', { 'aws:db:cluster-id': 'cluster-43' }).decision).toBe('Deny');
    expect(call('kms:Decrypt', { 'aws:db:cluster-id': 'CLUSTER-42' }).decision).toBe('Deny');
    expect(call('kms:Decrypt').decision).toBe('Deny');
  });

  it('denies operations outside the statement', () => {
    expect(call('kms:Encrypt', { 'aws:db:cluster-id': 'cluster-42' }).decision).toBe('Deny');
  });
});

describe('(c) account B using account A’s key', () => {
  const keyPolicy = policyOf([
    {
      Sid: 'Enable IAM policies',
      Effect: 'Allow',
      Principal: { AWS: ROOT_ARN },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow account B',
      Effect: 'Allow',
      Principal: { AWS: OTHER_ROOT_ARN },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    },
  ]);
  const bPolicy = identityPolicy({
    Sid: 'Use A key',
    Effect: 'Allow',
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
    Resource: KEY_ARN,
  });
  const asCarol = (action: string, identityPolicies: Policy[] = [bPolicy]) =>
    evaluatePolicies({
      keyPolicy,
      identityPolicies,
      request: request({ principal: carol, action }),
    });

  it.each(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'])(
    'allows %s with both policies',
    (action) => {
      expect(asCarol(action).reason).toEqual({
        kind: 'allow',
        source: 'identity-policy',
        statement: 'Use A key',
        policy: 0,
        keyPolicyStatement: 'Allow account B',
      });
    },
  );

  it('denies without B’s identity policy, or when it names another key', () => {
    expect(asCarol('kms:Encrypt', []).decision).toBe('Deny');
    const wrongKey = identityPolicy({
      Effect: 'Allow',
      Action: 'kms:*',
      Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/other`,
    });
    expect(asCarol('kms:Encrypt', [wrongKey]).decision).toBe('Deny');
  });

  it('denies without A’s key policy naming B', () => {
    const d = evaluatePolicies({
      keyPolicy: DEFAULT_KEY_POLICY,
      identityPolicies: [bPolicy],
      request: request({ principal: carol }),
    });
    expect(d.decision).toBe('Deny');
  });

  it('denies management operations even with kms:* on both sides', () => {
    const all = identityPolicy({ Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const wide = policyOf([
      { Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 'kms:*', Resource: '*' },
    ]);
    const d = evaluatePolicies({
      keyPolicy: wide,
      identityPolicies: [all],
      request: request({ principal: carol, action: 'kms:ScheduleKeyDeletion' }),
    });
    expect(d.decision).toBe('Deny');
  });
});

describe('(d) a function role decrypting its environment variables', () => {
  const fnRole: CallerPrincipal = {
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/my-function`,
    accountId: ACCOUNT,
    type: 'role',
  };
  const keyPolicy = DEFAULT_KEY_POLICY;
  const rolePolicy = identityPolicy({
    Sid: 'DecryptOwnEnv',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: KEY_ARN,
    Condition: { StringEquals: { 'kms:EncryptionContext:LambdaFunctionName': 'my-function' } },
  });
  const decrypt = (ec: Record<string, string>) =>
    evaluatePolicies({
      keyPolicy,
      identityPolicies: [rolePolicy],
      request: request({ principal: fnRole, action: 'kms:Decrypt', encryptionContext: ec }),
    }).decision;

  it('decrypts its own function’s variables', () => {
    expect(decrypt({ LambdaFunctionName: 'my-function' })).toBe('Allow');
  });

  it('cannot decrypt another function’s variables', () => {
    expect(decrypt({ LambdaFunctionName: 'other-function' })).toBe('Deny');
    expect(decrypt({})).toBe('Deny');
  });
});
