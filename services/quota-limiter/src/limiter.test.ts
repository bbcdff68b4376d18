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
    });
    expect(
      limiter.acquire({ region: 'us-east-1', accountId: A, operation: 'CreateKey', requested: 3 }),
    ).toEqual({
      granted: 2,
      quotaClass: 'CreateKey',
      leaseTtlMs: 1000,
      retryAfterMs: 200,
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
    });
    expect(quotas.find((q) => q.quotaClass === CRYPTO_SYMMETRIC_CLASS)).toEqual({
      quotaClass: CRYPTO_SYMMETRIC_CLASS,
      ratePerSecond: 100_000,
      burst: 100_000,
      available: 100_000,
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
});
