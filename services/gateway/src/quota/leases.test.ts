import { describe, expect, it } from 'vitest';
import { KmsError } from '@keyhold/core';
import { TokenLeases } from './leases.js';
import { QuotaGate } from './quota-gate.js';
import type { AcquireRequest, AcquireResult } from './quota-gate.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenLeases', () => {
  it('spends granted tokens, then reports empty', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    expect(l.take('k')).toBe('empty');
    l.grant('k', 3, 3, 1_000, 0);
    expect([l.take('k'), l.take('k'), l.take('k')]).toEqual(['ok', 'ok', 'ok']);
    expect(l.take('k')).toBe('empty');
  });

  it('drops tokens whose lease expired', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    l.grant('k', 5, 5, 500, 0);
    expect(l.take('k')).toBe('ok');
    c.advance(500);
    expect(l.available('k')).toBe(0);
    expect(l.take('k')).toBe('empty');
  });

  it('spends the oldest lease first', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    l.grant('k', 1, 1, 100, 0);
    c.advance(50);
    l.grant('k', 2, 2, 100, 0);
    expect(l.take('k')).toBe('ok');
    c.advance(60);
    expect(l.available('k')).toBe(2);
  });

  it('marks a key throttled for retryAfterMs when nothing is granted', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    l.grant('k', 10, 0, 1_000, 250);
    expect(l.take('k')).toBe('throttled');
    c.advance(249);
    expect(l.take('k')).toBe('throttled');
    c.advance(1);
    expect(l.take('k')).toBe('empty');
  });

  it('spends a partial grant before throttling', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    l.grant('k', 10, 2, 1_000, 100);
    expect([l.take('k'), l.take('k'), l.take('k')]).toEqual(['ok', 'ok', 'throttled']);
  });

  it('bounds the throttle mark and defaults a missing TTL', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now, minRetryAfterMs: 5, maxRetryAfterMs: 1_000 });
    l.grant('a', 1, 0, 0, 0);
    c.advance(5);
    expect(l.take('a')).toBe('empty');
    l.grant('b', 1, 0, 0, 10 ** 9);
    c.advance(1_000);
    expect(l.take('b')).toBe('empty');
    l.grant('c', 1, 1, 0, 0);
    c.advance(999);
    expect(l.available('c')).toBe(1);
    c.advance(1);
    expect(l.available('c')).toBe(0);
  });

  it('collects what expired leases left, by epoch, and forgets idle pools', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now });
    l.grant('k', 5, 5, 500, 0, 'e1');
    l.take('k');
    c.advance(100);
    l.grant('k', 3, 3, 500, 0, 'e2');
    expect(l.takeReturns()).toEqual([]);
    c.advance(400);
    expect(l.takeReturns()).toEqual([{ key: 'k', epoch: 'e1', tokens: 4 }]);
    expect(l.take('k')).toBe('ok');
    expect(l.takeReturns(true)).toEqual([{ key: 'k', epoch: 'e2', tokens: 2 }]);
    expect(l.available('k')).toBe(0);
    c.advance(2_000);
    l.takeReturns();
    expect(l.size).toBe(0);
  });

  it('keeps keys apart', () => {
    const l = new TokenLeases({ now: clock().now });
    l.grant('a', 1, 1, 1_000, 0);
    expect(l.take('b')).toBe('empty');
    expect(l.take('a')).toBe('ok');
  });

  it('sizes hot batches from the recent rate, within bounds; management asks one', () => {
    const c = clock();
    const l = new TokenLeases({ now: c.now, hotMinBatch: 10, hotMaxBatch: 500, hotTargetMs: 100 });
    expect(l.batchSize('k', false)).toBe(1);
    expect(l.batchSize('k', true)).toBe(10);
    l.grant('k', 10_000, 10_000, 60_000, 0);
    for (let i = 0; i < 2_000; i++) l.take('k');
    expect(l.batchSize('k', true)).toBe(200);
    c.advance(1_000);
    expect(l.batchSize('k', true)).toBe(200);
    for (let i = 0; i < 8_000; i++) l.take('k');
    expect(l.batchSize('k', true)).toBe(500);
    c.advance(5_000);
    expect(l.batchSize('k', true)).toBe(10);
  });
});

describe('QuotaGate', () => {
  const subject = {
    region: 'us-east-1',
    accountId: '111122223333',
    operation: 'Encrypt',
    quotaClass: 'Crypto',
    hot: true,
  };

  function limiter(grant: (r: AcquireRequest) => AcquireResult) {
    const calls: AcquireRequest[] = [];
    return {
      calls,
      acquire: async (r: AcquireRequest) => {
        calls.push(r);
        return grant(r);
      },
    };
  }

  it('asks the limiter once per batch, not per request', async () => {
    const q = limiter((r) => ({ granted: r.requested, leaseTtlMs: 10_000, retryAfterMs: 0 }));
    const gate = new QuotaGate({ acquire: q.acquire, now: clock().now, hotMinBatch: 10 });
    for (let i = 0; i < 40; i++) await gate.spend(subject);
    // Batches of 10: the first, then one each time fewer than half a batch
    // was left (after requests 6, 16, 26 and 36).
    expect(q.calls).toHaveLength(5);
    expect(q.calls[0]).toEqual({
      region: 'us-east-1',
      accountId: '111122223333',
      operation: 'Encrypt',
      requested: 10,
    });
    await gate.spend({ ...subject, operation: 'Decrypt', quotaClass: 'Other' });
    expect(q.calls).toHaveLength(6);
  });

  it('asks for the next hot batch while tokens are left, so no request waits for it', async () => {
    const c = clock();
    const calls: AcquireRequest[] = [];
    let answerSecond: ((r: AcquireResult) => void) | undefined;
    const gate = new QuotaGate({
      now: c.now,
      hotMinBatch: 10,
      acquire: (r) => {
        calls.push(r);
        if (calls.length === 1)
          return Promise.resolve({ granted: 10, leaseTtlMs: 1_000, retryAfterMs: 0 });
        return new Promise((resolve) => (answerSecond = resolve));
      },
    });
    // Below half a batch left (4 of 10), the next Acquire goes out...
    for (let i = 0; i < 6; i++) await gate.spend(subject);
    expect(calls).toHaveLength(2);
    // ...and the last tokens are spent while it is unanswered.
    for (let i = 0; i < 4; i++) await gate.spend(subject);
    expect(gate.held(subject.region, subject.accountId, subject.quotaClass)).toBe(0);
    answerSecond!({ granted: 10, leaseTtlMs: 1_000, retryAfterMs: 0 });
    await gate.spend(subject);
    expect(calls).toHaveLength(2);
    expect(gate.held(subject.region, subject.accountId, subject.quotaClass)).toBe(9);
  });

  it('does not ask ahead for management classes, nor while throttled', async () => {
    const c = clock();
    const q = limiter((r) => ({
      granted: Math.min(r.requested, 3),
      leaseTtlMs: 1_000,
      retryAfterMs: 50,
    }));
    const gate = new QuotaGate({ acquire: q.acquire, now: c.now, hotMinBatch: 10 });
    // Granted 3 of 10: throttled for 50 ms, so the low pool is not refilled ahead.
    for (let i = 0; i < 3; i++) await gate.spend(subject);
    expect(q.calls).toHaveLength(1);
    // A management request asks for its one token and nothing ahead.
    const mgmt = { ...subject, operation: 'DescribeKey', quotaClass: 'DescribeKey', hot: false };
    await gate.spend(mgmt);
    expect(q.calls.map((r) => r.operation)).toEqual(['Encrypt', 'DescribeKey']);
  });

  it('shares one Acquire among concurrent requests and sizes it for them', async () => {
    const q = limiter((r) => ({ granted: r.requested, leaseTtlMs: 10_000, retryAfterMs: 0 }));
    const gate = new QuotaGate({ acquire: q.acquire, now: clock().now });
    const mgmt = { ...subject, operation: 'DescribeKey', quotaClass: 'DescribeKey', hot: false };
    await Promise.all(Array.from({ length: 20 }, () => gate.spend(mgmt)));
    expect(q.calls.length).toBeLessThanOrEqual(2);
    expect(q.calls.reduce((n, c) => n + c.requested, 0)).toBe(20);
  });

  it('throttles without asking again until retryAfterMs has passed', async () => {
    const c = clock();
    const q = limiter(() => ({ granted: 0, leaseTtlMs: 1_000, retryAfterMs: 100 }));
    const gate = new QuotaGate({ acquire: q.acquire, now: c.now });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => gate.spend(subject)));
    expect(
      results.every(
        (r) => r.status === 'rejected' && (r.reason as KmsError).code === 'ThrottlingException',
      ),
    ).toBe(true);
    expect(q.calls).toHaveLength(1);
    await expect(gate.spend(subject)).rejects.toMatchObject({ code: 'ThrottlingException' });
    expect(q.calls).toHaveLength(1);
    c.advance(100);
    await expect(gate.spend(subject)).rejects.toMatchObject({ code: 'ThrottlingException' });
    expect(q.calls).toHaveLength(2);
  });

  it('fails closed when the limiter cannot be reached', async () => {
    const gate = new QuotaGate({
      acquire: async () => {
        throw KmsError.dependencyTimeout();
      },
      now: clock().now,
    });
    await expect(gate.spend(subject)).rejects.toMatchObject({ code: 'DependencyTimeoutException' });
  });
});
