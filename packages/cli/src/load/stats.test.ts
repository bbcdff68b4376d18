import { describe, expect, it } from 'vitest';
import { LoadStats, admittedRateErrors } from './stats.js';

describe('LoadStats', () => {
  it('counts per second per region and totals per region and account', () => {
    const s = new LoadStats();
    s.offered(0, 'us-east-1', 'A');
    s.offered(0, 'us-east-1', 'B');
    s.offered(1, 'eu-west-1', 'A');
    s.completed(0, 'us-east-1', 'A', 'admitted', 2);
    s.completed(1, 'us-east-1', 'B', 'throttled', 1);
    s.completed(1, 'eu-west-1', 'A', 'error', 30, 'AccessDeniedException');
    expect(s.regions()).toEqual(['eu-west-1', 'us-east-1']);
    expect(s.series('us-east-1', 3)).toEqual([
      { offered: 2, admitted: 1, throttled: 0, errors: 0 },
      { offered: 0, admitted: 0, throttled: 1, errors: 0 },
      { offered: 0, admitted: 0, throttled: 0, errors: 0 },
    ]);
    expect(s.total(1)).toEqual({ offered: 1, admitted: 0, throttled: 1, errors: 1 });
    const summary = s.summary(2_000);
    expect(
      summary.map((t) => [t.region, t.account, t.offered, t.admitted, t.throttled, t.errors]),
    ).toEqual([
      ['eu-west-1', 'A', 1, 0, 0, 1],
      ['us-east-1', 'A', 1, 1, 0, 0],
      ['us-east-1', 'B', 1, 0, 1, 0],
    ]);
    expect(summary[0]?.errorNames).toEqual([['AccessDeniedException', 1]]);
    expect(summary[1]?.admittedPerSecond).toBe(0.5);
  });

  it('reports latency percentiles within 10%', () => {
    const s = new LoadStats();
    for (let i = 1; i <= 100; i++) s.completed(0, 'r', 'a', 'admitted', i);
    const [t] = s.summary(1_000);
    expect(t!.p50Ms).toBeGreaterThanOrEqual(50);
    expect(t!.p50Ms).toBeLessThanOrEqual(55);
    expect(t!.p99Ms).toBeGreaterThanOrEqual(99);
    expect(t!.p99Ms).toBeLessThanOrEqual(109);
  });

  it('measures the admitted-rate error per second', () => {
    const series = [190, 200, 210, 220].map((admitted) => ({
      offered: 600,
      admitted,
      throttled: 0,
      errors: 0,
    }));
    expect(admittedRateErrors(series, 200)).toEqual([0.05, 0, 0.05, 0.1]);
  });
});
