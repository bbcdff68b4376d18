import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate-policies.js';
import {
  ACCOUNT,
  DEFAULT_KEY_POLICY,
  KEY_ARN,
  KMS_ALL,
  OTHER_ACCOUNT,
  OTHER_ROOT_ARN,
  ROOT_ARN,
  alice,
  appRole,
  bob,
  carol,
  identityPolicy,
  keyPolicy,
  otherRoot,
  request,
  root,
  s3Service,
} from './test-fixtures.js';
import type { CallerPrincipal, EvaluationInput, Grant, Policy } from './types.js';

const allowTo = (principal: unknown, action: unknown = 'kms:*', extra: object = {}): Policy =>
  keyPolicy({
    Sid: 'Allow',
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    Resource: '*',
    ...extra,
  });

const decide = (input: Partial<EvaluationInput> & Pick<EvaluationInput, 'keyPolicy'>) =>
  evaluatePolicies({ request: request(), ...input });

describe('principals', () => {
  it.each<[string, unknown, CallerPrincipal, boolean]>([
    ['"*" matches a user', '*', alice, true],
    ['{"AWS":"*"} matches a service', { AWS: '*' }, s3Service, true],
    ['a user ARN matches that user', { AWS: alice.arn }, alice, true],
    ['a user ARN does not match another user', { AWS: alice.arn }, bob, false],
    ['a role ARN matches its session', { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, appRole, true],
    ['a session ARN matches itself', { AWS: appRole.arn }, appRole, true],
    ['the account root matches the root user', { AWS: ROOT_ARN }, root, true],
    ['an account id matches the root user', { AWS: ACCOUNT }, root, true],
    ['the account root alone does not allow a user', { AWS: ROOT_ARN }, alice, false],
    ['a service principal matches the service', { Service: 's3.amazonaws.com' }, s3Service, true],
    ['a service principal does not match a user', { Service: 's3.amazonaws.com' }, alice, false],
    ['a user ARN does not match a service', { AWS: alice.arn }, s3Service, false],
  ])('%s', (_name, principal, caller, allowed) => {
    const d = decide({ keyPolicy: allowTo(principal), request: request({ principal: caller }) });
    expect(d.decision).toBe(allowed ? 'Allow' : 'Deny');
  });

  it('NotPrincipal with Deny denies everyone but the named principals', () => {
    const policy = keyPolicy(
      { Sid: 'All', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
      {
        Sid: 'OnlyAlice',
        Effect: 'Deny',
        NotPrincipal: { AWS: alice.arn },
        Action: 'kms:*',
        Resource: '*',
      },
    );
    expect(decide({ keyPolicy: policy }).decision).toBe('Allow');
    expect(decide({ keyPolicy: policy, request: request({ principal: bob }) }).reason).toEqual({
      kind: 'explicit-deny',
      source: 'key-policy',
      statement: 'OnlyAlice',
    });
  });

  it('NotPrincipal naming an account exempts every principal of it', () => {
    const policy = keyPolicy(
      { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: ROOT_ARN }, Action: 'kms:*', Resource: '*' },
    );
    expect(decide({ keyPolicy: policy }).decision).toBe('Allow');
    const d = decide({
      keyPolicy: policy,
      request: request({ principal: carol }),
      identityPolicies: [KMS_ALL],
    });
    expect(d.reason).toMatchObject({ kind: 'explicit-deny', statement: 1 });
  });
});

describe('actions and resources', () => {
  it.each<[string, unknown, string, boolean]>([
    ['kms:* covers Encrypt', 'kms:*', 'kms:Encrypt', true],
    ['* covers Encrypt', '*', 'kms:Encrypt', true],
    ['names are case-insensitive', 'KMS:encrypt', 'kms:Encrypt', true],
    ['? matches one character', 'kms:?ncrypt', 'kms:Encrypt', true],
    ['prefix wildcard', 'kms:GenerateDataKey*', 'kms:GenerateDataKeyWithoutPlaintext', true],
    ['another action', 'kms:Decrypt', 'kms:Encrypt', false],
    ['another service', 's3:*', 'kms:Encrypt', false],
  ])('Action: %s', (_name, action, requested, allowed) => {
    const d = decide({
      keyPolicy: allowTo({ AWS: alice.arn }, action),
      request: request({ action: requested }),
    });
    expect(d.decision).toBe(allowed ? 'Allow' : 'Deny');
  });

  it('NotAction allows everything but the listed actions', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      NotAction: ['kms:Decrypt', 'kms:Put*'],
      Resource: '*',
    });
    expect(decide({ keyPolicy: policy }).decision).toBe('Allow');
    expect(
      decide({ keyPolicy: policy, request: request({ action: 'kms:Decrypt' }) }).decision,
    ).toBe('Deny');
    expect(
      decide({ keyPolicy: policy, request: request({ action: 'kms:PutKeyPolicy' }) }).decision,
    ).toBe('Deny');
  });

  it.each<[string, unknown, boolean]>([
    ['"*"', '*', true],
    ['the key ARN', KEY_ARN, true],
    ['a wildcard ARN', `arn:aws:kms:*:${ACCOUNT}:key/*`, true],
    ['another key', `arn:aws:kms:us-east-1:${ACCOUNT}:key/other`, false],
    [
      'a case-changed ARN (ARNs are case-sensitive)',
      KEY_ARN.replace('1234abcd', '1234ABCD'),
      false,
    ],
  ])('Resource: %s', (_name, resource, allowed) => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      Action: 'kms:*',
      Resource: resource,
    });
    expect(decide({ keyPolicy: policy }).decision).toBe(allowed ? 'Allow' : 'Deny');
  });

  it('NotResource excludes the listed resources', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      Action: 'kms:*',
      NotResource: KEY_ARN,
    });
    expect(decide({ keyPolicy: policy }).decision).toBe('Deny');
    const other = keyPolicy({
      Effect: 'Allow',
      Principal: { AWS: alice.arn },
      Action: 'kms:*',
      NotResource: 'arn:aws:kms:*:*:key/x',
    });
    expect(decide({ keyPolicy: other }).decision).toBe('Allow');
  });

  it('statements without Action or Resource never apply', () => {
    const noAction = keyPolicy({ Effect: 'Allow', Principal: '*', Resource: '*' });
    const noResource = keyPolicy({ Effect: 'Allow', Principal: '*', Action: '*' });
    const denyNoAction = keyPolicy(
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Resource: '*' },
    );
    expect(decide({ keyPolicy: noAction }).decision).toBe('Deny');
    expect(decide({ keyPolicy: noResource }).decision).toBe('Deny');
    expect(decide({ keyPolicy: denyNoAction }).decision).toBe('Allow');
  });
});

describe('evaluation order', () => {
  it('the default key policy delegates to IAM: a user needs an identity-policy allow', () => {
    expect(decide({ keyPolicy: DEFAULT_KEY_POLICY }).reason).toEqual({ kind: 'implicit-deny' });
    expect(decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [KMS_ALL] }).reason).toEqual({
      kind: 'allow',
      source: 'identity-policy',
      statement: 'AllKms',
      policy: 0,
      keyPolicyStatement: 'Enable IAM policies',
    });
  });

  it('the root user is allowed by the default key policy without IAM', () => {
    expect(
      decide({ keyPolicy: DEFAULT_KEY_POLICY, request: request({ principal: root }) }).reason,
    ).toEqual({
      kind: 'allow',
      source: 'key-policy',
      statement: 'Enable IAM policies',
    });
  });

  it('a key policy naming the user allows without IAM', () => {
    expect(decide({ keyPolicy: allowTo({ AWS: alice.arn }) }).reason).toEqual({
      kind: 'allow',
      source: 'key-policy',
      statement: 'Allow',
    });
  });

  it('an explicit Deny in an identity policy beats a key-policy Allow', () => {
    const deny = identityPolicy({
      Sid: 'NoEncrypt',
      Effect: 'Deny',
      Action: 'kms:Encrypt',
      Resource: '*',
    });
    const d = decide({ keyPolicy: allowTo({ AWS: alice.arn }), identityPolicies: [KMS_ALL, deny] });
    expect(d).toEqual({
      decision: 'Deny',
      reason: {
        kind: 'explicit-deny',
        source: 'identity-policy',
        statement: 'NoEncrypt',
        policy: 1,
      },
    });
  });

  it('an identity-policy Deny applies even when the key policy does not delegate', () => {
    const deny = identityPolicy({ Effect: 'Deny', Action: '*', Resource: '*' });
    const d = decide({ keyPolicy: allowTo({ AWS: alice.arn }), identityPolicies: [deny] });
    expect(d.reason).toMatchObject({
      kind: 'explicit-deny',
      source: 'identity-policy',
      statement: 0,
    });
  });

  it('an explicit Deny in the key policy beats every Allow, grants included', () => {
    const policy = keyPolicy(
      {
        Sid: 'Root',
        Effect: 'Allow',
        Principal: { AWS: ROOT_ARN },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'NoAlice',
        Effect: 'Deny',
        Principal: { AWS: alice.arn },
        Action: 'kms:Encrypt',
        Resource: '*',
      },
    );
    const grant: Grant = { grantId: 'g1', granteePrincipal: alice.arn, operations: ['Encrypt'] };
    const d = decide({ keyPolicy: policy, identityPolicies: [KMS_ALL], grants: [grant] });
    expect(d.reason).toEqual({ kind: 'explicit-deny', source: 'key-policy', statement: 'NoAlice' });
  });

  it('a key-policy Deny naming the account root covers the account’s users', () => {
    const policy = keyPolicy(
      { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
      { Effect: 'Deny', Principal: { AWS: ACCOUNT }, Action: 'kms:Decrypt', Resource: '*' },
    );
    expect(
      decide({ keyPolicy: policy, request: request({ action: 'kms:Decrypt' }) }).decision,
    ).toBe('Deny');
  });

  it('without delegation an identity-policy Allow is ignored', () => {
    const policy = allowTo({ AWS: bob.arn });
    expect(decide({ keyPolicy: policy, identityPolicies: [KMS_ALL] }).reason).toEqual({
      kind: 'implicit-deny',
    });
  });

  it('an identity policy must cover the action and the key', () => {
    const narrow = identityPolicy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY_ARN });
    const otherKey = identityPolicy({
      Effect: 'Allow',
      Action: '*',
      Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/other`,
    });
    expect(decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [narrow] }).decision).toBe(
      'Deny',
    );
    expect(
      decide({
        keyPolicy: DEFAULT_KEY_POLICY,
        identityPolicies: [narrow],
        request: request({ action: 'kms:Decrypt' }),
      }).decision,
    ).toBe('Allow');
    expect(decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [otherKey] }).decision).toBe(
      'Deny',
    );
  });

  it('key-policy conditions gate delegation too', () => {
    const policy = allowTo({ AWS: ROOT_ARN }, 'kms:*', {
      Condition: { StringEquals: { 'kms:ViaService': 'rds.us-east-1.amazonaws.com' } },
    });
    expect(decide({ keyPolicy: policy, identityPolicies: [KMS_ALL] }).decision).toBe('Deny');
    const via = request({ viaService: 'rds.us-east-1.amazonaws.com' });
    expect(decide({ keyPolicy: policy, identityPolicies: [KMS_ALL], request: via }).decision).toBe(
      'Allow',
    );
  });

  it('the order of identity policies and statements does not change the decision', () => {
    const deny = identityPolicy({ Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' });
    const a = decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [KMS_ALL, deny] });
    const b = decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [deny, KMS_ALL] });
    expect(a.decision).toBe('Deny');
    expect(b.decision).toBe('Deny');
  });
});

describe('cross-account', () => {
  const keyNamesB = allowTo({ AWS: OTHER_ROOT_ARN }, [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:DescribeKey',
    'kms:PutKeyPolicy',
  ]);
  const carolReq = (action = 'kms:Encrypt') => request({ principal: carol, action });

  it('needs both the key policy naming the account and the caller’s identity policy', () => {
    expect(decide({ keyPolicy: keyNamesB, request: carolReq() }).decision).toBe('Deny');
    expect(
      decide({ keyPolicy: DEFAULT_KEY_POLICY, identityPolicies: [KMS_ALL], request: carolReq() })
        .decision,
    ).toBe('Deny');
    expect(
      decide({ keyPolicy: keyNamesB, identityPolicies: [KMS_ALL], request: carolReq() }).reason,
    ).toMatchObject({
      kind: 'allow',
      source: 'identity-policy',
      keyPolicyStatement: 'Allow',
    });
  });

  it('a key policy naming the foreign user still needs that user’s identity policy', () => {
    const policy = allowTo({ AWS: carol.arn });
    expect(decide({ keyPolicy: policy, request: carolReq() }).decision).toBe('Deny');
    expect(
      decide({ keyPolicy: policy, identityPolicies: [KMS_ALL], request: carolReq() }).decision,
    ).toBe('Allow');
  });

  it('"*" does not let another account in without its identity policy', () => {
    expect(decide({ keyPolicy: allowTo('*'), request: carolReq() }).decision).toBe('Deny');
  });

  it('the other account’s root user needs only the key policy', () => {
    const d = decide({ keyPolicy: keyNamesB, request: request({ principal: otherRoot }) });
    expect(d.reason).toEqual({ kind: 'allow', source: 'key-policy', statement: 'Allow' });
  });

  it('never allows management operations', () => {
    const d = decide({
      keyPolicy: keyNamesB,
      identityPolicies: [KMS_ALL],
      request: carolReq('kms:PutKeyPolicy'),
    });
    expect(d.reason).toEqual({ kind: 'implicit-deny' });
    expect(
      decide({
        keyPolicy: keyNamesB,
        identityPolicies: [KMS_ALL],
        request: carolReq('kms:DescribeKey'),
      }).decision,
    ).toBe('Allow');
  });

  it('kms:CallerAccount can pin a "*" statement to one account', () => {
    const policy = allowTo('*', 'kms:*', {
      Condition: { StringEquals: { 'kms:CallerAccount': OTHER_ACCOUNT } },
    });
    expect(decide({ keyPolicy: policy }).decision).toBe('Deny');
    expect(
      decide({ keyPolicy: policy, identityPolicies: [KMS_ALL], request: carolReq() }).decision,
    ).toBe('Allow');
  });
});

describe('grants', () => {
  const noOne = keyPolicy({
    Effect: 'Allow',
    Principal: { AWS: ROOT_ARN },
    Action: 'kms:*',
    Resource: '*',
  });
  const grant = (g: Partial<Grant> = {}): Grant => ({
    grantId: 'g1',
    granteePrincipal: alice.arn,
    operations: ['Encrypt', 'Decrypt', 'DescribeKey', 'CreateGrant', 'RetireGrant'],
    ...g,
  });
  const withEc = (ec: Record<string, string>, action = 'kms:Encrypt') =>
    request({ encryptionContext: ec, action });

  it('allows the grantee its operations', () => {
    expect(decide({ keyPolicy: noOne, grants: [grant()] }).reason).toEqual({
      kind: 'allow',
      source: 'grant',
      grantId: 'g1',
    });
    expect(
      decide({ keyPolicy: noOne, grants: [grant()], request: request({ action: 'kms:Sign' }) })
        .decision,
    ).toBe('Deny');
    expect(
      decide({ keyPolicy: noOne, grants: [grant()], request: request({ principal: bob }) })
        .decision,
    ).toBe('Deny');
  });

  it('matches a role grantee from its session and a service grantee by name', () => {
    const roleGrant = grant({ granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/app` });
    expect(
      decide({ keyPolicy: noOne, grants: [roleGrant], request: request({ principal: appRole }) })
        .decision,
    ).toBe('Allow');
    const svcGrant = grant({ granteePrincipal: 's3.amazonaws.com' });
    expect(
      decide({ keyPolicy: noOne, grants: [svcGrant], request: request({ principal: s3Service }) })
        .decision,
    ).toBe('Allow');
  });

  it('EncryptionContextEquals: keys case-insensitive, values case-sensitive, exact set', () => {
    const g = grant({ constraints: { encryptionContextEquals: { Dept: 'IT' } } });
    const ok = (ec: Record<string, string>) =>
      decide({ keyPolicy: noOne, grants: [g], request: withEc(ec) }).decision;
    expect(ok({ Dept: 'IT' })).toBe('Allow');
    expect(ok({ dept: 'IT' })).toBe('Allow');
    expect(ok({ Dept: 'it' })).toBe('Deny');
    expect(ok({ Dept: 'IT', extra: 'x' })).toBe('Deny');
    expect(ok({})).toBe('Deny');
  });

  it('EncryptionContextSubset: the request must include the pairs', () => {
    const g = grant({ constraints: { encryptionContextSubset: { Dept: 'IT' } } });
    const ok = (ec: Record<string, string>) =>
      decide({ keyPolicy: noOne, grants: [g], request: withEc(ec) }).decision;
    expect(ok({ DEPT: 'IT', extra: 'x' })).toBe('Allow');
    expect(ok({ extra: 'x' })).toBe('Deny');
  });

  it('ignores constraints for DescribeKey and RetireGrant', () => {
    const g = grant({ constraints: { encryptionContextEquals: { Dept: 'IT' } } });
    expect(
      decide({ keyPolicy: noOne, grants: [g], request: request({ action: 'kms:DescribeKey' }) })
        .decision,
    ).toBe('Allow');
    const retire = request({ action: 'kms:RetireGrant', grant: { grantId: 'g1' } });
    expect(decide({ keyPolicy: noOne, grants: [g], request: retire }).decision).toBe('Allow');
  });

  it('RetireGrant: the retiring principal and the issuing account’s root may retire the grant', () => {
    const g = grant({
      operations: ['Decrypt'],
      retiringPrincipal: bob.arn,
      issuingAccount: ACCOUNT,
    });
    const retire = (principal: CallerPrincipal, grantId = 'g1') =>
      decide({
        keyPolicy: keyPolicy({
          Effect: 'Allow',
          Principal: { AWS: carol.arn },
          Action: 'kms:Decrypt',
          Resource: '*',
        }),
        grants: [g],
        request: request({ principal, action: 'kms:RetireGrant', grant: { grantId } }),
      }).decision;
    expect(retire(bob)).toBe('Allow');
    expect(retire(root)).toBe('Allow');
    expect(retire(alice)).toBe('Deny');
    expect(retire(bob, 'other')).toBe('Deny');
  });

  it('CreateGrant through a grant: no more operations, constraints at least as strict', () => {
    const g = grant({
      operations: ['Decrypt', 'CreateGrant'],
      constraints: { encryptionContextSubset: { Dept: 'IT' } },
    });
    const create = (fields: object) =>
      decide({
        keyPolicy: noOne,
        grants: [g],
        request: request({ action: 'kms:CreateGrant', grant: fields }),
      }).decision;
    expect(
      create({
        operations: ['Decrypt'],
        constraints: { encryptionContextSubset: { dept: 'IT', b: '1' } },
      }),
    ).toBe('Allow');
    expect(
      create({ operations: ['Decrypt'], constraints: { encryptionContextEquals: { Dept: 'IT' } } }),
    ).toBe('Allow');
    expect(create({ operations: ['Decrypt'] })).toBe('Deny');
    expect(
      create({ operations: ['Encrypt'], constraints: { encryptionContextSubset: { Dept: 'IT' } } }),
    ).toBe('Deny');
  });

  it('works across accounts without an identity policy', () => {
    const g = grant({ granteePrincipal: carol.arn });
    expect(
      decide({ keyPolicy: noOne, grants: [g], request: request({ principal: carol }) }).decision,
    ).toBe('Allow');
  });
});
