import { deciderSpec } from '@keyhold/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { accountDecider } from './decider.js';
import type { IdentityEvent } from './events.js';

const spec = deciderSpec(accountDecider);
const accountId = '111122223333';
const at = '2026-01-01T00:00:00.000Z';
const root = `arn:aws:iam::${accountId}:root`;
const alice = `arn:aws:iam::${accountId}:user/alice`;
const secret = { iv: 'aXY=', sealed: 'c2VhbGVk' };
const ALLOW_KMS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
});

const created: IdentityEvent[] = [
  { type: 'AccountCreated', data: { accountId, at } },
  { type: 'PrincipalCreated', data: { arn: root, kind: 'root', at } },
];
const withAlice: IdentityEvent[] = [
  ...created,
  { type: 'PrincipalCreated', data: { arn: alice, kind: 'user', at } },
];
const aliceKey: IdentityEvent = {
  type: 'AccessKeyCreated',
  data: { accessKeyId: 'AKIAALICE0000000001', owner: alice, secret, at },
};
const alicePolicy: IdentityEvent = {
  type: 'IdentityPolicyPut',
  data: { principalArn: alice, policyName: 'kms', document: ALLOW_KMS, at },
};

describe('account decider', () => {
  it('creates an account with its root, once', () => {
    spec.given([]).when({ type: 'CreateAccount', accountId, at }).then(created);
    spec
      .given(created)
      .when({ type: 'CreateAccount', accountId, at })
      .thenThrows('AlreadyExistsException');
    spec
      .given([])
      .when({ type: 'CreateAccount', accountId: '12', at })
      .thenThrows('ValidationException');
  });

  it('needs the account before anything else', () => {
    spec
      .given([])
      .when({ type: 'CreatePrincipal', accountId, arn: alice, at })
      .thenThrows('NotFoundException', `Account ${accountId} does not exist.`);
  });

  it('creates users and roles of its own account only', () => {
    spec
      .given(created)
      .when({ type: 'CreatePrincipal', accountId, arn: alice, at })
      .then(withAlice.slice(2));
    const role = `arn:aws:iam::${accountId}:role/ops/deployer`;
    spec
      .given(created)
      .when({ type: 'CreatePrincipal', accountId, arn: role, at })
      .then([{ type: 'PrincipalCreated', data: { arn: role, kind: 'role', at } }]);
    for (const arn of ['arn:aws:iam::444455556666:user/x', root, 'user/alice']) {
      spec
        .given(created)
        .when({ type: 'CreatePrincipal', accountId, arn, at })
        .thenThrows('ValidationException');
    }
    spec
      .given(withAlice)
      .when({ type: 'CreatePrincipal', accountId, arn: alice, at })
      .thenThrows('AlreadyExistsException');
  });

  it('deletes a principal with its access keys and policies, never the root', () => {
    spec
      .given([...withAlice, aliceKey, alicePolicy])
      .when({ type: 'DeletePrincipal', accountId, arn: alice, at })
      .then([
        { type: 'AccessKeyDeleted', data: { accessKeyId: 'AKIAALICE0000000001', at } },
        { type: 'IdentityPolicyDeleted', data: { principalArn: alice, policyName: 'kms', at } },
        { type: 'PrincipalDeleted', data: { arn: alice, at } },
      ]);
    spec
      .given(created)
      .when({ type: 'DeletePrincipal', accountId, arn: root, at })
      .thenThrows('ValidationException');
    spec
      .given(created)
      .when({ type: 'DeletePrincipal', accountId, arn: alice, at })
      .thenThrows('NotFoundException');
  });

  it('registers service principals by DNS-style name; removing one deletes its keys', () => {
    const name = 'objectstore.keyhold.internal';
    const registered: IdentityEvent = { type: 'ServicePrincipalRegistered', data: { name, at } };
    spec
      .given(created)
      .when({ type: 'RegisterServicePrincipal', accountId, name, at })
      .then([registered]);
    spec
      .given(created)
      .when({ type: 'RegisterServicePrincipal', accountId, name: 'Not A Name', at })
      .thenThrows('ValidationException');
    const key: IdentityEvent = {
      type: 'AccessKeyCreated',
      data: { accessKeyId: 'AKIASERVICE00000001', owner: name, secret, at },
    };
    spec
      .given([...created, registered, key])
      .when({ type: 'RemoveServicePrincipal', accountId, name, at })
      .then([
        { type: 'AccessKeyDeleted', data: { accessKeyId: 'AKIASERVICE00000001', at } },
        { type: 'ServicePrincipalRemoved', data: { name, at } },
      ]);
  });

  it('creates access keys for known owners only, each id once', () => {
    const command = {
      type: 'CreateAccessKey' as const,
      accountId,
      owner: alice,
      accessKeyId: 'AKIAALICE0000000001',
      secret,
      at,
    };
    spec.given(withAlice).when(command).then([aliceKey]);
    spec.given(created).when(command).thenThrows('NotFoundException');
    spec
      .given([...withAlice, aliceKey])
      .when(command)
      .thenThrows('AlreadyExistsException');
    spec
      .given(withAlice)
      .when({ ...command, accessKeyId: 'bad id!' })
      .thenThrows('ValidationException');
  });

  it('deactivates, activates and deletes access keys; same status is a no-op', () => {
    const id = 'AKIAALICE0000000001';
    const given = [...withAlice, aliceKey];
    spec
      .given(given)
      .when({ type: 'UpdateAccessKey', accountId, accessKeyId: id, status: 'Inactive', at })
      .then([{ type: 'AccessKeyDeactivated', data: { accessKeyId: id, at } }]);
    spec
      .given(given)
      .when({ type: 'UpdateAccessKey', accountId, accessKeyId: id, status: 'Active', at })
      .then([]);
    const inactive: IdentityEvent[] = [
      ...given,
      { type: 'AccessKeyDeactivated', data: { accessKeyId: id, at } },
    ];
    spec
      .given(inactive)
      .when({ type: 'UpdateAccessKey', accountId, accessKeyId: id, status: 'Active', at })
      .then([{ type: 'AccessKeyActivated', data: { accessKeyId: id, at } }]);
    spec
      .given(given)
      .when({ type: 'DeleteAccessKey', accountId, accessKeyId: id, at })
      .then([{ type: 'AccessKeyDeleted', data: { accessKeyId: id, at } }]);
    spec
      .given([...given, { type: 'AccessKeyDeleted', data: { accessKeyId: id, at } }])
      .when({ type: 'DeleteAccessKey', accountId, accessKeyId: id, at })
      .thenThrows('NotFoundException');
  });

  it('puts only identity policies that parse, and deletes them by name', () => {
    const put = {
      type: 'PutIdentityPolicy' as const,
      accountId,
      principalArn: alice,
      policyName: 'kms',
      at,
    };
    spec
      .given(withAlice)
      .when({ ...put, document: ALLOW_KMS })
      .then([alicePolicy]);
    spec
      .given([...withAlice, alicePolicy])
      .when({ ...put, document: ALLOW_KMS })
      .then([]);
    spec
      .given(withAlice)
      .when({ ...put, document: '{not json' })
      .thenThrows('MalformedPolicyDocumentException');
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }],
    });
    spec
      .given(withAlice)
      .when({ ...put, document: withPrincipal })
      .thenThrows('MalformedPolicyDocumentException', /cannot have Principal/);
    spec
      .given(withAlice)
      .when({ ...put, policyName: 'no spaces', document: ALLOW_KMS })
      .thenThrows('ValidationException');
    spec
      .given([...withAlice, alicePolicy])
      .when({ type: 'DeleteIdentityPolicy', accountId, principalArn: alice, policyName: 'kms', at })
      .then([
        { type: 'IdentityPolicyDeleted', data: { principalArn: alice, policyName: 'kms', at } },
      ]);
    spec
      .given(withAlice)
      .when({ type: 'DeleteIdentityPolicy', accountId, principalArn: alice, policyName: 'kms', at })
      .thenThrows('NotFoundException');
  });

  it('folds a stream into the state the read model serves', () => {
    const events: IdentityEvent[] = [
      ...withAlice,
      aliceKey,
      alicePolicy,
      { type: 'AccessKeyDeactivated', data: { accessKeyId: 'AKIAALICE0000000001', at } },
    ];
    const state = events.reduce(accountDecider.evolve, accountDecider.initialState());
    expect(state.accountId).toBe(accountId);
    expect([...state.principals.keys()]).toEqual([root, alice]);
    expect(state.principals.get(alice)?.policies.get('kms')).toBe(ALLOW_KMS);
    expect(state.accessKeys.get('AKIAALICE0000000001')).toMatchObject({
      owner: alice,
      status: 'Inactive',
    });
  });
});
