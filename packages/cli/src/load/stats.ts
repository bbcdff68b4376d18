/** What became of one request. */
export type Outcome = 'admitted' | 'throttled' | 'error';

export interface SecondCounts {
  offered: number;
  admitted: number;
  throttled: number;
  errors: number;
}

export interface TargetSummary {
  readonly region: string;
  readonly account: string;
  readonly offered: number;
  readonly admitted: number;
  readonly throttled: number;
  readonly errors: number;
  /** Admitted per second over the run. */
  readonly admittedPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Error names and counts, most frequent first. */
  readonly errorNames: ReadonlyArray<readonly [string, number]>;
}

// Latency histogram: bucket i holds [1.1^(i-1), 1.1^i) ms (bucket 0: under 1 ms).
const GROWTH = 1.1;
const BUCKETS = 140;
const bucketOf = (ms: number): number =>
  ms < 1 ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(ms) / Math.log(GROWTH)));
const upperOf = (i: number): number => (i === 0 ? 1 : GROWTH ** i);

interface Target {
  readonly region: string;
  readonly account: string;
  offered: number;
  admitted: number;
  throttled: number;
  errors: number;
  readonly latency: number[];
  readonly errorNames: Map<string, number>;
}

const empty = (): SecondCounts => ({ offered: 0, admitted: 0, throttled: 0, errors: 0 });

/**
 * Per-second counts by region and totals by (region, account). Pure: the
 * caller says which second a request and its outcome count in.
 */
export class LoadStats {
  private readonly seconds = new Map<string, SecondCounts[]>();
  private readonly targets = new Map<string, Target>();

  offered(second: number, region: string, account: string): void {
    this.second(region, second).offered += 1;
    this.target(region, account).offered += 1;
  }

  completed(
    second: number,
    region: string,
    account: string,
    outcome: Outcome,
    latencyMs: number,
    errorName?: string,
  ): void {
    const s = this.second(region, second);
    const t = this.target(region, account);
    if (outcome === 'admitted') {
      s.admitted += 1;
      t.admitted += 1;
    } else if (outcome === 'throttled') {
      s.throttled += 1;
      t.throttled += 1;
    } else {
      s.errors += 1;
      t.errors += 1;
      const name = errorName ?? 'Error';
      t.errorNames.set(name, (t.errorNames.get(name) ?? 0) + 1);
    }
    t.latency[bucketOf(latencyMs)]! += 1;
  }

  /** Regions seen, sorted. */
  regions(): string[] {
    return [...this.seconds.keys()].sort();
  }

  /** Counts per second of one region, `length` seconds long (missing seconds are zero). */
  series(region: string, length: number): SecondCounts[] {
    const s = this.seconds.get(region) ?? [];
    return Array.from({ length }, (_, i) => ({ ...empty(), ...s[i] }));
  }

  /** All regions together for one second. */
  total(second: number): SecondCounts {
    const out = empty();
    for (const s of this.seconds.values()) {
      const c = s[second];
      if (!c) continue;
      out.offered += c.offered;
      out.admitted += c.admitted;
      out.throttled += c.throttled;
      out.errors += c.errors;
    }
    return out;
  }

  summary(durationMs: number): TargetSummary[] {
    return [...this.targets.values()]
      .sort((a, b) => a.region.localeCompare(b.region) || a.account.localeCompare(b.account))
      .map((t) => ({
        region: t.region,
        account: t.account,
        offered: t.offered,
        admitted: t.admitted,
        throttled: t.throttled,
        errors: t.errors,
        admittedPerSecond: durationMs > 0 ? (t.admitted * 1000) / durationMs : 0,
        p50Ms: percentile(t.latency, 0.5),
        p99Ms: percentile(t.latency, 0.99),
        errorNames: [...t.errorNames].sort((a, b) => b[1] - a[1]),
      }));
  }

  private second(region: string, second: number): SecondCounts {
    let s = this.seconds.get(region);
    if (!s) {
      s = [];
      this.seconds.set(region, s);
    }
    let c = s[second];
    if (!c) {
      for (let i = s.length; i <= second; i++) s[i] ??= empty();
      c = s[second]!;
    }
    return c;
  }

  private target(region: string, account: string): Target {
    const key = `${region}\n${account}`;
    let t = this.targets.get(key);
    if (!t) {
      t = {
        region,
        account,
        offered: 0,
        admitted: 0,
        throttled: 0,
        errors: 0,
        latency: new Array<number>(BUCKETS).fill(0),
        errorNames: new Map(),
      };
      this.targets.set(key, t);
    }
    return t;
  }
}

/** The upper bound of the bucket holding quantile `q` (0 when empty). */
function percentile(histogram: readonly number[], q: number): number {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return 0;
  const rank = Math.ceil(q * n);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return upperOf(i);
  }
  return upperOf(histogram.length - 1);
}

/**
 * How far the admitted rate strays from `quota` each second, as a fraction
 * of it: |admitted − quota| / quota, for the seconds given.
 */
export function admittedRateErrors(series: readonly SecondCounts[], quota: number): number[] {
  return series.map((s) => Math.abs(s.admitted - quota) / quota);
}
