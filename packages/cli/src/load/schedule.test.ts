import { describe, expect, it } from 'vitest';
import { dueBy, parseDuration, parseMix, pickOperation, rateAt } from './schedule.js';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['20s', 20_000],
    ['20', 20_000],
    ['1.5m', 90_000],
    ['1h', 3_600_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'x', '-1s', '5d'])('rejects %j', (text) =>
    expect(() => parseDuration(text)).toThrow(),
  );
});

describe('rate schedule', () => {
  it('sends rate × t without a ramp', () => {
    const s = { rate: 600, rampMs: 0 };
    expect([0, 1, 999, 1000, 20_000].map((t) => dueBy(t, s))).toEqual([0, 0, 599, 600, 12_000]);
    expect(rateAt(5, s)).toBe(600);
  });

  it('climbs linearly over the ramp, then holds', () => {
    const s = { rate: 100, rampMs: 10_000 };
    expect(rateAt(5_000, s)).toBe(50);
    expect(rateAt(15_000, s)).toBe(100);
    // The ramp's area is half of rate × ramp.
    expect(dueBy(10_000, s)).toBe(500);
    expect(dueBy(12_000, s)).toBe(700);
    for (let t = 0; t < 12_000; t += 100)
      expect(dueBy(t + 100, s)).toBeGreaterThanOrEqual(dueBy(t, s));
  });
});

describe('mix', () => {
  it('turns weights into cumulative shares and picks by them', () => {
    const mix = parseMix('Encrypt=3, Decrypt=1');
    expect(mix).toEqual([
      { operation: 'Encrypt', upTo: 0.75 },
      { operation: 'Decrypt', upTo: 1 },
    ]);
    expect(pickOperation(mix, 0)).toBe('Encrypt');
    expect(pickOperation(mix, 0.749)).toBe('Encrypt');
    expect(pickOperation(mix, 0.75)).toBe('Decrypt');
    expect(pickOperation(mix, 0.9999)).toBe('Decrypt');
    expect(parseMix('GenerateDataKey')).toEqual([{ operation: 'GenerateDataKey', upTo: 1 }]);
  });

  it.each(['', 'Frobnicate', 'Encrypt=0', 'Encrypt=x'])('rejects %j', (text) =>
    expect(() => parseMix(text)).toThrow(),
  );
});
