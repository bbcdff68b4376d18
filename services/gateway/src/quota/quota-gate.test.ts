import { KmsError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { HotKeyGuard } from './hot-key.js';
import { QuotaGate } from './quota-gate.js';
import type { AcquireRequest, QuotaSubject, ReleaseRequest } from './quota-gate.js';

const subject: QuotaSubject = {
  region: 'us-east-1',
  accountId: '111122223333',
  operation: 'Encrypt',
  quotaClass: 'CryptographicOperationsSymmetric',
  hot: true,
};

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/**
 * The limiter's contract in miniature (a bucket per class, grants capped at
 * maxGrantMs of the rate, returns credited up to the burst, an epoch), so
 * that several gates can share it under a fake clock.
 */
function fakeLimiter(now: () => number, rate: number, burst: number, maxGrantMs = 100) {
  let tokens = burst;
  let at = now();
  let epoch = 'e1';
  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - at) / 1000) * rate);
    at = t;
  };
  const stats = { acquires: 0, granted: 0, returned: 0 };
  return {
    stats,
    restart(newEpoch: string) {
      epoch = newEpoch;
      tokens = 0;
      at = now();
    },
    acquire: async (r: AcquireRequest) => {
      refill();
      stats.acquires += 1;
      const cap = Math.max(1, Math.ceil((rate * maxGrantMs) / 1000));
      const granted = Math.max(0, Math.min(r.requested, cap, Math.floor(tokens)));
      tokens -= granted;
      stats.granted += granted;
      const retryAfterMs =
        granted < r.requested ? Math.max(1, Math.ceil(((1 - tokens) / rate) * 1000)) : 0;
      return { granted, leaseTtlMs: 1000, retryAfterMs, epoch };
    },
    release: async (r: ReleaseRequest) => {
      if (r.epoch !== epoch) return { accepted: 0 };
      refill();
      const accepted = Math.min(r.tokens, Math.floor(burst - tokens));
      tokens += accepted;
      stats.returned += accepted;
      return { accepted };
    },
  };
}

async function outcome(p: Promise<void>): Promise<'ok' | string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as KmsError).code;
  }
}

describe('QuotaGate with several holders', () => {
  it('two gates under 3x overload admit the quota within 2%, no second above 220', async () => {
    const c = clock(0);
    const limiter = fakeLimiter(c.now, 200, 20);
    const gates = [0, 1].map(
      () => new QuotaGate({ acquire: limiter.acquire, release: limiter.release, now: c.now }),
    );
    const perSecond = new Array<number>(20).fill(0);
    let admitted = 0;
    // 600 req/s offered: one request every 5 ms to each gate, offset by 2.5 ms... in 0.5 ms steps.
    for (let step = 0; step < 40_000; step++) {
      if (step % 10 === 0 || step % 10 === 5) {
        const gate = gates[step % 10 === 0 ? 0 : 1]!;
        for (let k = 0; k < 3; k++) {
          if ((await outcome(gate.spend(subject))) === 'ok') {
            admitted += 1;
            perSecond[Math.floor(c.now() / 1000)]! += 1;
          }
        }
      }
      if (step % 400 === 0) for (const g of gates) await g.flushReturns();
      c.advance(0.5);
    }
    expect(admitted).toBeGreaterThanOrEqual(3920);
    expect(admitted).toBeLessThanOrEqual(4080);
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(220);
    // Both holders got a fair share.
    expect(Math.min(...perSecond.slice(1))).toBeGreaterThanOrEqual(180);
  });

  it('returns what a lease leaves unspent so another gate can use it', async () => {
    const c = clock(0);
    // A slow refill, so that what comes back is what b can use.
    const limiter = fakeLimiter(c.now, 1, 10, 10_000);
    const a = new QuotaGate({ acquire: limiter.acquire, release: limiter.release, now: c.now });
    const b = new QuotaGate({ acquire: limiter.acquire, release: limiter.release, now: c.now });
    await a.spend(subject);
    expect(a.held(subject.region, subject.accountId, subject.quotaClass)).toBe(9);
    c.advance(1000);
    await a.flushReturns();
    expect(limiter.stats.returned).toBe(9);
    let ok = 0;
    for (let i = 0; i < 30; i++) if ((await outcome(b.spend(subject))) === 'ok') ok += 1;
    expect(ok).toBe(10);
  });

  it('gives every held token back on close, and ignores epochs the limiter forgot', async () => {
    const c = clock(0);
    const limiter = fakeLimiter(c.now, 1, 10, 10_000);
    const a = new QuotaGate({ acquire: limiter.acquire, release: limiter.release, now: c.now });
    await a.spend(subject);
    limiter.restart('e2');
    await a.flushReturns(true);
    expect(limiter.stats.returned).toBe(0);
    expect(a.held(subject.region, subject.accountId, subject.quotaClass)).toBe(0);
    c.advance(10_000);
    await a.spend(subject);
    await a.flushReturns(true);
    expect(limiter.stats.returned).toBe(9);
  });
});

describe('QuotaGate when the limiter is unreachable', () => {
  const down = async (): Promise<never> => {
    throw KmsError.dependencyTimeout();
  };

  it('spends leased tokens until their lease ends, then fails closed without asking per request', async () => {
    const c = clock();
    let up = true;
    let calls = 0;
    const gate = new QuotaGate({
      now: c.now,
      hotMinBatch: 5,
      acquire: async (r) => {
        calls += 1;
        if (!up) return down();
        return { granted: r.requested, leaseTtlMs: 1000, retryAfterMs: 0 };
      },
    });
    await gate.spend(subject);
    up = false;
    for (let i = 0; i < 4; i++) expect(await outcome(gate.spend(subject))).toBe('ok');
    expect(await outcome(gate.spend(subject))).toBe('DependencyTimeoutException');
    expect(calls).toBe(2);
    for (let i = 0; i < 10; i++)
      expect(await outcome(gate.spend(subject))).toBe('DependencyTimeoutException');
    expect(calls).toBe(2);
    c.advance(100);
    up = true;
    expect(await outcome(gate.spend(subject))).toBe('ok');
    expect(calls).toBe(3);
  });

  it('fails open when configured, counting what it let through', async () => {
    const unmetered: string[] = [];
    const gate = new QuotaGate({
      now: clock().now,
      acquire: down,
      unreachable: 'open',
      onUnmetered: (s) => unmetered.push(s.operation),
    });
    expect(await outcome(gate.spend(subject))).toBe('ok');
    expect(await outcome(gate.spend(subject))).toBe('ok');
    expect(unmetered).toEqual(['Encrypt', 'Encrypt']);
  });

  it('passes a ValidationException from the limiter through as it is', async () => {
    const gate = new QuotaGate({
      now: clock().now,
      acquire: async () => {
        throw KmsError.validation('Region is not valid.');
      },
      unreachable: 'open',
    });
    expect(await outcome(gate.spend(subject))).toBe('ValidationException');
  });
});

describe('QuotaGate outcomes', () => {
  it('reports admits and throttles, and admits everything when not enforcing', async () => {
    const events: string[] = [];
    let calls = 0;
    const opts = {
      now: clock().now,
      acquire: async () => {
        calls += 1;
        return { granted: 1, leaseTtlMs: 1000, retryAfterMs: 50 };
      },
      onAdmit: (s: QuotaSubject) => events.push(`admit ${s.operation}`),
      onThrottle: (s: QuotaSubject, reason: string) => events.push(`throttle ${reason}`),
    };
    const gate = new QuotaGate(opts);
    await gate.spend(subject);
    expect(await outcome(gate.spend(subject))).toBe('ThrottlingException');
    expect(events).toEqual(['admit Encrypt', 'throttle quota']);
    const off = new QuotaGate({ ...opts, enforce: false });
    for (let i = 0; i < 5; i++) await off.spend(subject);
    expect(calls).toBe(1);
  });

  it('throttles state changes on a hot key before spending the account quota', async () => {
    const c = clock();
    const throttles: string[] = [];
    let calls = 0;
    const gate = new QuotaGate({
      now: c.now,
      acquire: async (r) => {
        calls += 1;
        return { granted: r.requested, leaseTtlMs: 1000, retryAfterMs: 0 };
      },
      hotKeys: new HotKeyGuard({ now: c.now, rate: 1, burst: 2 }),
      onThrottle: (_s, reason) => throttles.push(reason),
    });
    const disable: QuotaSubject = {
      ...subject,
      operation: 'DisableKey',
      quotaClass: 'DisableKey',
      hot: false,
      keyId: 'k1',
    };
    expect(await outcome(gate.spend(disable))).toBe('ok');
    expect(
      await outcome(gate.spend({ ...disable, operation: 'EnableKey', quotaClass: 'EnableKey' })),
    ).toBe('ok');
    expect(await outcome(gate.spend(disable))).toBe('ThrottlingException');
    expect(throttles).toEqual(['hot_key']);
    expect(calls).toBe(2);
    expect(await outcome(gate.spend({ ...disable, keyId: 'k2' }))).toBe('ok');
    expect(await outcome(gate.spend({ ...subject, keyId: 'k1' }))).toBe('ok');
  });
});
