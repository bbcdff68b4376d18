import { describe, expect, it } from 'vitest';
import { parseTime } from './audit.js';

describe('parseTime', () => {
  const now = Date.parse('2026-11-29T12:00:00.000Z');

  it('reads ISO-8601 times and durations back from now, as epoch seconds', () => {
    expect(parseTime('2026-11-29T10:00:00Z', now)).toBe(Date.parse('2026-11-29T10:00:00Z') / 1000);
    expect(parseTime('90s', now)).toBe(now / 1000 - 90);
    expect(parseTime('15m', now)).toBe(now / 1000 - 900);
    expect(parseTime('2h', now)).toBe(now / 1000 - 7200);
    expect(parseTime('7d', now)).toBe(now / 1000 - 7 * 86_400);
  });

  it('refuses anything else', () => {
    for (const bad of ['yesterday', '5w', '-1h', ''])
      expect(() => parseTime(bad, now)).toThrow(/ISO-8601/);
  });
});
