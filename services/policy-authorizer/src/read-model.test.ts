import { createLogger } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { KeyReadModel } from './read-model.js';
import { event, keyCreated } from './test-events.js';

const A = '1234abcd-12ab-34cd-56ef-1234567890ab';
const B = '2234abcd-12ab-34cd-56ef-1234567890ab';
const arn = (id: string): string => `arn:aws:kms:us-east-1:111122223333:key/${id}`;
const at = '2024-06-01T00:00:00Z';

function model(): KeyReadModel {
  return new KeyReadModel(createLogger({ service: 'test', level: 'silent' }));
}

describe('KeyReadModel', () => {
  it('follows state, tags, aliases and grants', () => {
    const m = model();
    m.apply(keyCreated(A));
    m.apply(keyCreated(B));
    m.apply(event(A, 2, 'KeyDisabled', { at }));
    m.apply(event(A, 3, 'KeyTagged', { tags: [{ tagKey: 'env', tagValue: 'prod' }], at }));
    m.apply(event(A, 4, 'KeyUntagged', { tagKeys: ['team'], at }));
    m.apply(event(A, 5, 'AliasCreated', { aliasName: 'alias/app', at }));
    m.apply(event(B, 2, 'AliasUpdated', { aliasName: 'alias/app', previousKeyId: A, at }));
    m.apply(
      event(A, 6, 'GrantCreated', {
        grantId: 'g1',
        name: '',
        granteePrincipal: 'arn:aws:iam::111122223333:user/bob',
        operations: ['Encrypt'],
        issuingAccount: '111122223333',
        fingerprint: 'f',
        at,
      }),
    );
    const a = m.get(arn(A));
    expect(a).toMatchObject({ keyState: 'Disabled', version: 6, deleted: false });
    expect(Object.fromEntries(a?.tags ?? [])).toEqual({ env: 'prod' });
    expect([...(a?.aliases ?? [])]).toEqual([]);
    expect([...(m.get(arn(B))?.aliases ?? [])]).toEqual(['alias/app']);
    expect([...(a?.grants.keys() ?? [])]).toEqual(['g1']);

    m.apply(event(A, 7, 'GrantRevoked', { grantId: 'g1', at }));
    expect(m.get(arn(A))?.grants.size).toBe(0);
    m.apply(event(A, 8, 'KeyDeleted', { at }));
    expect(m.get(arn(A))?.deleted).toBe(true);
  });

  it('ignores redelivered versions', () => {
    const m = model();
    m.apply(keyCreated(A));
    m.apply(event(A, 2, 'KeyDisabled', { at }));
    m.apply(event(A, 2, 'KeyEnabled', { at }));
    m.apply(keyCreated(A));
    expect(m.get(arn(A))).toMatchObject({ keyState: 'Disabled', version: 2 });
  });

  it('turns a stored policy it cannot read into one allowing nothing', () => {
    const m = model();
    m.apply(keyCreated(A));
    m.apply(event(A, 2, 'KeyPolicyPut', { policyName: 'default', policy: '{"nope":1}', at }));
    expect(m.get(arn(A))?.policy.statements).toEqual([]);
  });

  it('wakes a waiter once the version it needs arrives, and times out otherwise', async () => {
    const m = model();
    m.apply(keyCreated(A));
    const waiting = m.waitFor(arn(A), (v) => v.version >= 2, 1_000);
    m.apply(event(A, 2, 'KeyEnabled', { at }));
    expect((await waiting)?.version).toBe(2);
    expect(await m.waitFor(arn(B), () => true, 10)).toBeUndefined();
  });
});
