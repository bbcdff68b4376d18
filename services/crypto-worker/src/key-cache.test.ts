import { describe, expect, it } from 'vitest';
import type { RequestContext } from '@keyhold/proto';
import type { DecisionBundle } from '@keyhold/policy';
import { KeyCache, grantIdOfToken } from './key-cache.js';
import type { ResolvedKey } from './key-cache.js';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
const ctx: RequestContext = {
  requestId: 'r',
  region: 'us-east-1',
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/a',
  sourceIp: '',
  userAgent: '',
  viaService: '',
  operation: 'Encrypt',
};

function key(state = 'Enabled'): ResolvedKey {
  return {
    arn,
    keyId,
    accountId: '111122223333',
    region: 'us-east-1',
    keyState: state,
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    currentMaterialVersion: 1,
    materials: new Map([[1, Buffer.alloc(32, 1)]]),
    streamVersion: 3,
  };
}

function bundle(grantIds: readonly string[] = []): DecisionBundle {
  return {
    key: { arn, accountId: '111122223333' },
    keyState: 'Enabled',
    keyPolicy: { version: '2012-10-17', id: undefined, statements: [] },
    grants: grantIds.map((grantId) => ({
      grantId,
      granteePrincipal: 'x',
      operations: ['Encrypt'],
    })),
    version: '3',
  };
}

const GRANT = 'a'.repeat(64);
const token = (k: string, g: string): string =>
  Buffer.from(JSON.stringify({ v: 1, k, g, n: 'x' })).toString('base64');

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(ttlMs = 1000) {
  let now = 0;
  const calls = { key: 0, bundle: 0, identity: 0, fetches: [] as unknown[] };
  let state = 'Enabled';
  let grants: string[] = [];
  let gate: Promise<void> | undefined;
  const cache = new KeyCache({
    ttlMs,
    now: () => now,
    fetchKey: async () => {
      calls.key += 1;
      const seen = state;
      if (gate) await gate;
      return key(seen);
    },
    fetchBundle: async (_arn, _ctx, fetch): Promise<DecisionBundle> => {
      calls.bundle += 1;
      calls.fetches.push(fetch);
      return bundle(grants);
    },
    fetchIdentityPolicies: async () => {
      calls.identity += 1;
      return [];
    },
  });
  return {
    cache,
    calls,
    setGrants: (g: string[]) => (grants = g),
    advance: (ms: number) => (now += ms),
    setState: (s: string) => (state = s),
    hold: () => {
      const d = deferred<void>();
      gate = d.promise;
      return () => {
        gate = undefined;
        d.resolve();
      };
    },
  };
}

describe('KeyCache', () => {
  it('fetches a key once, then serves it from cache by id and by ARN', async () => {
    const t = setup();
    await t.cache.getKey(ctx, keyId);
    await t.cache.getKey(ctx, keyId);
    expect(t.calls.key).toBe(1);
    await t.cache.getKey(ctx, arn);
    await t.cache.getKey(ctx, arn);
    expect(t.calls.key).toBe(2);
    expect(t.cache.size).toBe(1);
  });

  it('resolves per region and account', async () => {
    const t = setup();
    await t.cache.getKey(ctx, keyId);
    await t.cache.getKey({ ...ctx, accountId: '444455556666' }, keyId);
    await t.cache.getKey({ ...ctx, region: 'eu-west-1' }, keyId);
    expect(t.calls.key).toBe(3);
  });

  it('shares one fetch between concurrent misses', async () => {
    const t = setup();
    const release = t.hold();
    const all = Promise.all(Array.from({ length: 20 }, () => t.cache.getKey(ctx, keyId)));
    release();
    await all;
    expect(t.calls.key).toBe(1);
    await Promise.all(Array.from({ length: 5 }, () => t.cache.getBundle(ctx, key())));
    expect(t.calls.bundle).toBe(1);
  });

  it('expires entries after the TTL', async () => {
    const t = setup(1000);
    await t.cache.getKey(ctx, keyId);
    await t.cache.getBundle(ctx, key());
    t.advance(999);
    await t.cache.getKey(ctx, keyId);
    await t.cache.getBundle(ctx, key());
    expect(t.calls).toMatchObject({ key: 1, bundle: 1 });
    t.advance(1);
    await t.cache.getKey(ctx, keyId);
    await t.cache.getBundle(ctx, key());
    expect(t.calls).toMatchObject({ key: 2, bundle: 2 });
  });

  it('refetches when the cached entry is older than maxAgeMs', async () => {
    const t = setup(10_000);
    await t.cache.getKey(ctx, keyId);
    t.advance(500);
    await t.cache.getKey(ctx, keyId, 1000);
    expect(t.calls.key).toBe(1);
    t.advance(600);
    await t.cache.getKey(ctx, keyId, 1000);
    expect(t.calls.key).toBe(2);
  });

  it('drops key, resolutions and bundle on eviction of the key id', async () => {
    const t = setup();
    await t.cache.getKey(ctx, keyId);
    await t.cache.getKey(ctx, arn);
    await t.cache.getBundle(ctx, key());
    t.cache.evictKey('ffffffff-12ab-34cd-56ef-1234567890ab');
    await t.cache.getKey(ctx, keyId);
    expect(t.calls).toMatchObject({ key: 2, bundle: 1 });
    t.setState('Disabled');
    t.cache.evictKey(keyId);
    expect((await t.cache.getKey(ctx, keyId)).keyState).toBe('Disabled');
    await t.cache.getKey(ctx, arn);
    await t.cache.getBundle(ctx, key());
    expect(t.calls).toMatchObject({ key: 4, bundle: 2 });
  });

  it('does not store a fetch that began before an eviction of its key', async () => {
    const t = setup();
    const release = t.hold();
    const stale = t.cache.getKey(ctx, keyId);
    t.setState('Disabled');
    t.cache.evictKey(keyId);
    release();
    expect((await stale).keyState).toBe('Enabled');
    expect((await t.cache.getKey(ctx, keyId)).keyState).toBe('Disabled');
    expect(t.calls.key).toBe(2);
  });

  it('does not keep errors', async () => {
    let fail = true;
    const cache = new KeyCache({
      ttlMs: 1000,
      fetchKey: async () => {
        if (fail) throw new Error('down');
        return key();
      },
      fetchBundle: async () => bundle(),
      fetchIdentityPolicies: async () => [],
    });
    await expect(cache.getKey(ctx, keyId)).rejects.toThrow('down');
    fail = false;
    expect((await cache.getKey(ctx, keyId)).arn).toBe(arn);
  });

  it('clears everything', async () => {
    const t = setup();
    await t.cache.getKey(ctx, keyId);
    t.cache.clear();
    expect(t.cache.size).toBe(0);
    await t.cache.getKey(ctx, keyId);
    expect(t.calls.key).toBe(2);
  });

  it('asks for a bundle at least as new as the key it resolved', async () => {
    const t = setup();
    await t.cache.getBundle(ctx, key());
    expect(t.calls.fetches).toEqual([{ minVersion: 3 }]);
  });

  it('fetches once more for a grant token naming a grant the bundle lacks, then not again', async () => {
    const t = setup();
    await t.cache.getBundle(ctx, key());
    const tokens = [token(arn, GRANT)];
    await t.cache.getBundle(ctx, key(), tokens);
    expect(t.calls.fetches).toEqual([{ minVersion: 3 }, { minVersion: 3, grantId: GRANT }]);
    // Still missing (a made-up token): no fetch per request.
    await t.cache.getBundle(ctx, key(), tokens);
    expect(t.calls.bundle).toBe(2);
    // A token for another key is ignored.
    await t.cache.getBundle(ctx, key(), [
      token(arn.replace('1234abcd', '9999abcd'), 'b'.repeat(64)),
    ]);
    expect(t.calls.bundle).toBe(2);
  });

  it('serves a bundle holding the token grant from cache', async () => {
    const t = setup();
    t.setGrants([GRANT]);
    await t.cache.getBundle(ctx, key());
    await t.cache.getBundle(ctx, key(), [token(arn, GRANT)]);
    expect(t.calls.bundle).toBe(1);
  });

  it('keeps identity policies for at most a second', async () => {
    const t = setup();
    await t.cache.getIdentityPolicies(ctx);
    t.advance(999);
    await t.cache.getIdentityPolicies(ctx);
    expect(t.calls.identity).toBe(1);
    t.advance(1);
    await t.cache.getIdentityPolicies(ctx);
    expect(t.calls.identity).toBe(2);
  });
});

describe('grantIdOfToken', () => {
  it('reads key-manager tokens for this key only', () => {
    expect(grantIdOfToken(token(arn, GRANT), arn)).toBe(GRANT);
    expect(grantIdOfToken(token('arn:other', GRANT), arn)).toBeUndefined();
    expect(grantIdOfToken('not base64 json', arn)).toBeUndefined();
    expect(grantIdOfToken(token(arn, 'short'), arn)).toBeUndefined();
  });
});
