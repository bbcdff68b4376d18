import { isKmsError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { createQuotaLimiter } from './limiter.js';
import { CRYPTO_SYMMETRIC_CLASS, NO_OVERRIDES, parseQuotaFile } from './quotas.js';

const A = '111122223333';
const B = '444455556666';

function setup(file = '{}') {
  let now = 0;
  const limiter = createQuotaLimiter({
    overrides: parseQuotaFile(file),
    clock: () => now,
    idleMs: 10_000,
  });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('quota limiter', () => {
  it('grants from the class bucket and says when to retry', () => {
    const { limiter, advance } = setup('{"default":{"CreateKey":{"rate":5}}}');
    expect(
      limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'CreateKey', requested: 3 }),
    ).toEqual({
      granted: 3,
      quotaClass: 'CreateKey',
      leaseTtlMs: 1000,
      retryAfterMs: 0,
      epoch: '',
    });
    expect(
      limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'CreateKey', requested: 3 }),
    ).toEqual({
      granted: 2,
      quotaClass: 'CreateKey',
      leaseTtlMs: 1000,
      retryAfterMs: 200,
      epoch: '',
    });
    advance(100);
    expect(
      limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'CreateKey', requested: 1 }),
    ).toMatchObject({
      granted: 0,
      retryAfterMs: 100,
    });
  });

  it('shares the symmetric bucket between crypto operations', () => {
    const { limiter } = setup(`{"default":{"${CRYPTO_SYMMETRIC_CLASS}":{"rate":10}}}`);
    expect(
      limiter.acquire({ region: 'eu-west-3', accountId: A, operation: 'Encrypt', requested: 6 })
        .granted,
    ).toBe(6);
    const out = limiter.acquire({
      region: 'eu-west-3',
      accountId: A,
      operation: 'Decrypt',
      requested: 6,
    });
    expect(out).toMatchObject({ granted: 4, quotaClass: CRYPTO_SYMMETRIC_CLASS });
  });

  it('keeps buckets apart per region and account', () => {
    const { limiter } = setup('{"default":{"CreateKey":{"rate":1}}}');
    const take = (region: string, accountId: string) =>
      limiter.acquire({ region, accountId, operation: 'CreateKey', requested: 1 }).granted;
    expect([
      take('us-east-1', A),
      take('us-east-1', A),
      take('us-east-1', B),
      take('us-west-2', A),
    ]).toEqual([1, 0, 1, 1]);
    expect(limiter.size).toBe(3);
  });

  it('reports configured and available quotas', () => {
    const { limiter } = setup('{"accounts":{"111122223333":{"ListKeys":{"rate":1,"burst":2}}}}');
    limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'ListKeys', requested: 1 });
    const quotas = limiter.quotas('us-east-1', A);
    expect(quotas.find((q) => q.quotaClass === 'ListKeys')).toEqual({
      quotaClass: 'ListKeys',
      ratePerSecond: 1,
      burst: 2,
      available: 1,
      source: 'account',
    });
    expect(quotas.find((q) => q.quotaClass === CRYPTO_SYMMETRIC_CLASS)).toEqual({
      quotaClass: CRYPTO_SYMMETRIC_CLASS,
      ratePerSecond: 100_000,
      burst: 10_000,
      available: 10_000,
      source: 'aws-default',
    });
    expect(
      limiter.quotas('us-east-1', B).find((q) => q.quotaClass === 'ListKeys')?.ratePerSecond,
    ).toBe(500);
  });

  it('drops idle buckets once they are full again', () => {
    const { limiter, advance } = setup('{"default":{"CreateKey":{"rate":1}}}');
    limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'CreateKey', requested: 1 });
    limiter.acquire({ region: 'us-east-1', accountId: B, operation: 'CreateKey', requested: 1 });
    advance(20_000);
    limiter.acquire({ region: 'us-east-1', accountId: B, operation: 'DescribeKey', requested: 1 });
    expect(limiter.size).toBe(1);
  });

  it.each([
    [{ operation: 'Frobnicate' }, /Operation 'Frobnicate' has no request quota/],
    [{ region: 'nowhere' }, /Region/],
    [{ accountId: '12' }, /Account/],
    [{ requested: 0 }, /requested/],
    [{ requested: 1.5 }, /requested/],
    [{ requested: 1_000_000 }, /requested/],
  ])('rejects %o as ValidationException', (patch, message) => {
    const limiter = createQuotaLimiter({ overrides: NO_OVERRIDES, clock: () => 0 });
    let error: unknown;
    try {
      limiter.acquire({
        region: 'us-east-1',
        accountId: A,
        operation: 'Encrypt',
        requested: 1,
        ...patch,
      });
    } catch (err) {
      error = err;
    }
    expect(isKmsError(error, 'ValidationException')).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  describe('leases', () => {
    const ask = (requested: number) => ({
      region: 'us-east-1',
      accountId: A,
      operation: 'Encrypt',
      requested,
    });
    const file = `{"default":{"${CRYPTO_SYMMETRIC_CLASS}":{"rate":200,"burst":20}}}`;

    it('bounds one grant to maxGrantMs of the rate', () => {
      let now = 0;
      const limiter = createQuotaLimiter({
        overrides: parseQuotaFile(file),
        clock: () => now,
        maxGrantMs: 25,
      });
      expect(limiter.acquire(ask(100)).granted).toBe(5);
      expect(limiter.acquire(ask(100)).granted).toBe(5);
      now += 1000;
      expect(limiter.acquire(ask(3)).granted).toBe(3);
    });

    it('credits returned tokens of its own epoch only, never above the burst', () => {
      const limiter = createQuotaLimiter({
        overrides: parseQuotaFile(file),
        clock: () => 0,
        epoch: 'e1',
      });
      expect(limiter.acquire(ask(20)).granted).toBe(20);
      const back = { region: 'us-east-1', accountId: A, quotaClass: CRYPTO_SYMMETRIC_CLASS };
      expect(limiter.release({ ...back, tokens: 7, epoch: 'e0' })).toBe(0);
      expect(limiter.release({ ...back, tokens: 7, epoch: 'e1' })).toBe(7);
      expect(limiter.release({ ...back, tokens: 100, epoch: 'e1' })).toBe(13);
      expect(limiter.acquire(ask(30)).granted).toBe(20);
      expect(limiter.release({ ...back, region: 'eu-west-3', tokens: 1, epoch: 'e1' })).toBe(0);
    });

    it('starts buckets empty after a (re)start, filling at the rate', () => {
      let now = 5_000;
      const limiter = createQuotaLimiter({
        overrides: parseQuotaFile(file),
        clock: () => now,
        coldStartAt: 5_000,
      });
      expect(limiter.acquire(ask(10)).granted).toBe(0);
      now += 50;
      expect(limiter.acquire(ask(100)).granted).toBe(10);
      now += 10_000;
      expect(limiter.acquire({ ...ask(100), accountId: B }).granted).toBe(20);
    });

    it('reports usage over the last second, net of returns', () => {
      let now = 0;
      const limiter = createQuotaLimiter({
        overrides: parseQuotaFile(file),
        clock: () => now,
        epoch: 'e',
      });
      limiter.acquire(ask(15));
      limiter.release({
        region: 'us-east-1',
        accountId: A,
        quotaClass: CRYPTO_SYMMETRIC_CLASS,
        tokens: 5,
        epoch: 'e',
      });
      now += 1000;
      expect(limiter.snapshot()).toEqual([
        {
          region: 'us-east-1',
          accountId: A,
          quotaClass: CRYPTO_SYMMETRIC_CLASS,
          rate: 200,
          burst: 20,
          available: 20,
          usedLastSecond: 10,
        },
      ]);
      now += 2000;
      expect(limiter.snapshot()[0]?.usedLastSecond).toBe(0);
    });
  });

  describe('live overrides', () => {
    it('change existing buckets at once, live over file at the same scope', () => {
      let now = 0;
      const limiter = createQuotaLimiter({
        overrides: parseQuotaFile('{"default":{"CreateKey":{"rate":5}}}'),
        clock: () => now,
      });
      const take = (accountId = A) =>
        limiter.acquire({ region: 'us-east-1', accountId, operation: 'CreateKey', requested: 100 })
          .granted;
      expect(take()).toBe(5);
      expect(limiter.setOverride({}, 'CreateKey', 50, 0)).toEqual({
        scope: { region: '', accountId: '' },
        quotaClass: 'CreateKey',
        ratePerSecond: 50,
        burst: 10,
        origin: 'live',
      });
      now += 100;
      expect(take()).toBe(5);
      limiter.setOverride({ accountId: A }, 'CreateKey', 1, 1);
      now += 1000;
      expect(take()).toBe(1);
      expect(take(B)).toBe(10); // a fresh bucket of the default burst for rate 50
      expect(
        limiter.quotas('us-east-1', A).find((q) => q.quotaClass === 'CreateKey'),
      ).toMatchObject({ ratePerSecond: 1, source: 'account' });
      expect(limiter.listOverrides().map((o) => [o.origin, o.scope, o.ratePerSecond])).toEqual([
        ['live', { region: '', accountId: '' }, 50],
        ['live', { region: '', accountId: A }, 1],
        ['file', { region: '', accountId: '' }, 5],
      ]);
      expect(limiter.deleteOverride({ accountId: A }, 'CreateKey')).toBe(true);
      expect(limiter.deleteOverride({ accountId: A }, 'CreateKey')).toBe(false);
      expect(limiter.deleteOverride({}, 'CreateKey')).toBe(true);
      expect(limiter.live).toEqual(NO_OVERRIDES);
      expect(
        limiter.quotas('us-east-1', A).find((q) => q.quotaClass === 'CreateKey'),
      ).toMatchObject({ ratePerSecond: 5, source: 'default' });
    });

    it.each([
      [{ region: 'us-east-1', accountId: A }, 'CreateKey', 1, /not both/],
      [{ region: 'mars' }, 'CreateKey', 1, /not a region/],
      [{ accountId: '1' }, 'CreateKey', 1, /12-digit/],
      [{}, 'Frobnicate', 1, /not a quota class/],
      [{}, 'CreateKey', 0, /rate/],
      [{}, 'CreateKey', Number.NaN, /rate/],
    ])('rejects %o %s at %d', (scope, quotaClass, rate, message) => {
      const limiter = createQuotaLimiter({ overrides: NO_OVERRIDES, clock: () => 0 });
      let error: unknown;
      try {
        limiter.setOverride(scope, quotaClass, rate);
      } catch (err) {
        error = err;
      }
      expect(isKmsError(error, 'ValidationException')).toBe(true);
      expect((error as Error).message).toMatch(message);
    });
  });
});
