import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

function manualClock(start = 1_000_000) {
  let now = start;
  return {
    clock: () => now,
    advance: (ms: number) => (now += ms),
    set: (ms: number) => (now = ms),
  };
}

describe('TokenBucket', () => {
  it('starts full and grants at most what it holds', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 10, burst: 5, clock: t.clock });
    expect(bucket.take(3)).toBe(3);
    expect(bucket.take(3)).toBe(2);
    expect(bucket.take(1)).toBe(0);
  });

  it('refills continuously at the rate, up to the burst', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 10, burst: 5, clock: t.clock });
    bucket.take(5);
    t.advance(250);
    expect(bucket.available()).toBeCloseTo(2.5);
    expect(bucket.take(5)).toBe(2);
    t.advance(10_000);
    expect(bucket.available()).toBe(5);
  });

  it('says how long until tokens are back', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 4, burst: 4, clock: t.clock });
    expect(bucket.msUntil(1)).toBe(0);
    bucket.take(4);
    expect(bucket.msUntil(1)).toBe(250);
    t.advance(100);
    expect(bucket.msUntil(1)).toBe(150);
    expect(bucket.msUntil(100)).toBe(900);
  });

  it('adds nothing when the clock steps back', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 1, burst: 2, clock: t.clock });
    bucket.take(2);
    t.advance(-5_000);
    expect(bucket.take(1)).toBe(0);
    t.advance(5_000 + 1_000);
    expect(bucket.take(2)).toBe(1);
  });

  it('knows when it is full and idle', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 1, burst: 1, clock: t.clock });
    bucket.take(1);
    t.advance(500);
    expect(bucket.isFullAndIdle(100)).toBe(false);
    t.advance(600);
    expect(bucket.isFullAndIdle(100)).toBe(true);
    expect(bucket.isFullAndIdle(5_000)).toBe(false);
  });

  it('rejects impossible limits', () => {
    expect(() => new TokenBucket({ rate: 0, burst: 1, clock: Date.now })).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: 1, burst: 0.5, clock: Date.now })).toThrow(RangeError);
  });

  it('never grants more than burst + rate × elapsed, never goes negative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200_000, noNaN: true }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(
          fc.record({
            dt: fc.integer({ min: 0, max: 5_000 }),
            n: fc.integer({ min: 0, max: 2_000 }),
          }),
          {
            maxLength: 200,
          },
        ),
        (rate, burst, steps) => {
          const t = manualClock(0);
          const bucket = new TokenBucket({ rate, burst, clock: t.clock });
          let total = 0;
          let elapsed = 0;
          for (const { dt, n } of steps) {
            t.advance(dt);
            elapsed += dt;
            const granted = bucket.take(n);
            expect(granted).toBeGreaterThanOrEqual(0);
            expect(granted).toBeLessThanOrEqual(n);
            expect(Number.isInteger(granted)).toBe(true);
            total += granted;
            expect(bucket.available()).toBeGreaterThanOrEqual(0);
            expect(bucket.available()).toBeLessThanOrEqual(burst);
            // Floating point refill may round up by far less than one token.
            expect(total).toBeLessThanOrEqual(burst + (rate * elapsed) / 1000 + 1e-6 * (1 + total));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grants everything the bound allows when asked at a steady pace', () => {
    const t = manualClock(0);
    const bucket = new TokenBucket({ rate: 100, burst: 10, clock: t.clock });
    let total = 0;
    for (let i = 0; i < 100; i += 1) {
      total += bucket.take(1_000);
      t.advance(10);
    }
    // 10 at start, then one per 10 ms for the 99 later calls.
    expect(total).toBe(10 + 99);
  });

  it('starts from the given level', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 10, burst: 5, clock: t.clock, initial: 0 });
    expect(bucket.take(1)).toBe(0);
    t.advance(300);
    expect(bucket.take(5)).toBe(3);
  });

  it('takes back unspent tokens up to the burst', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 1, burst: 10, clock: t.clock });
    bucket.take(8);
    expect(bucket.give(3)).toBe(3);
    expect(bucket.give(100)).toBe(5);
    expect(bucket.available()).toBe(10);
    expect(bucket.give(1)).toBe(0);
  });

  it('applies a new limit from now on and cuts tokens above the new burst', () => {
    const t = manualClock();
    const bucket = new TokenBucket({ rate: 10, burst: 10, clock: t.clock });
    bucket.take(10);
    t.advance(500);
    bucket.reconfigure(100, 20);
    expect(bucket.available()).toBeCloseTo(5);
    t.advance(100);
    expect(bucket.available()).toBeCloseTo(15);
    bucket.reconfigure(1, 2);
    expect(bucket.available()).toBe(2);
    expect(bucket.rate).toBe(1);
    expect(() => bucket.reconfigure(0, 1)).toThrow(RangeError);
  });
});
