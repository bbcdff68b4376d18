/**
 * Pure token accounting for quota leases held by one gateway: tokens granted
 * by quota-limiter in batches, spent locally, dropped when their lease
 * expires, and a "throttled until" mark so that a throttled burst does not
 * ask the limiter once per request. Time comes from `now`.
 */
export type TakeResult = 'ok' | 'throttled' | 'empty';

export interface LeaseOptions {
  readonly now: () => number;
  /** Smallest batch asked for a hot (crypto) class. @default 10 */
  readonly hotMinBatch?: number;
  /** Largest batch asked for a hot class. @default 500 */
  readonly hotMaxBatch?: number;
  /** A hot batch aims to last this long at the recent rate. @default 100 */
  readonly hotTargetMs?: number;
  /** Used when the limiter sends no TTL. @default 1_000 */
  readonly defaultLeaseTtlMs?: number;
  /** Bounds on a throttle mark, whatever the limiter says. @default [5, 60_000] */
  readonly minRetryAfterMs?: number;
  readonly maxRetryAfterMs?: number;
}

interface Lease {
  tokens: number;
  readonly expiresAt: number;
  /** The limiter instance that granted it; a return names it. */
  readonly epoch: string;
}

/** Unspent tokens of expired (or given-up) leases, to hand back to the limiter. */
export interface TokenReturn {
  readonly key: string;
  readonly epoch: string;
  readonly tokens: number;
}

interface Pool {
  /** In grant order; with one TTL they also expire in this order. */
  leases: Lease[];
  /** Unspent tokens of expired leases by epoch, not yet handed back. */
  returns: Map<string, number>;
  throttledUntil: number;
  windowStart: number;
  windowCount: number;
  lastWindowCount: number;
}

const RATE_WINDOW_MS = 1_000;

export class TokenLeases {
  private readonly pools = new Map<string, Pool>();
  private readonly now: () => number;
  private readonly hotMin: number;
  private readonly hotMax: number;
  private readonly hotTargetMs: number;
  private readonly defaultTtl: number;
  private readonly minRetry: number;
  private readonly maxRetry: number;

  constructor(options: LeaseOptions) {
    this.now = options.now;
    this.hotMin = options.hotMinBatch ?? 10;
    this.hotMax = options.hotMaxBatch ?? 500;
    this.hotTargetMs = options.hotTargetMs ?? 100;
    this.defaultTtl = options.defaultLeaseTtlMs ?? 1_000;
    this.minRetry = options.minRetryAfterMs ?? 5;
    this.maxRetry = options.maxRetryAfterMs ?? 60_000;
  }

  /** Spends one token: 'ok', 'throttled' (inside a throttle mark) or 'empty' (ask the limiter). */
  take(key: string): TakeResult {
    const pool = this.pool(key);
    const now = this.now();
    this.expire(pool, now);
    const lease = pool.leases[0];
    if (lease) {
      lease.tokens -= 1;
      this.count(pool, now);
      return 'ok';
    }
    return now < pool.throttledUntil ? 'throttled' : 'empty';
  }

  /** Records what the limiter granted for a request of `requested` tokens. */
  grant(
    key: string,
    requested: number,
    granted: number,
    leaseTtlMs: number,
    retryAfterMs: number,
    epoch = '',
  ): void {
    const pool = this.pool(key);
    const now = this.now();
    if (granted > 0) {
      pool.leases.push({
        tokens: granted,
        expiresAt: now + (leaseTtlMs > 0 ? leaseTtlMs : this.defaultTtl),
        epoch,
      });
    }
    if (granted < requested) {
      const wait = Math.min(Math.max(retryAfterMs, this.minRetry), this.maxRetry);
      pool.throttledUntil = now + wait;
    } else {
      pool.throttledUntil = 0;
    }
  }

  /**
   * How many tokens to ask for: one for management classes; for hot classes
   * enough for `hotTargetMs` at the recent rate, within [min, max], so that
   * steady traffic asks the limiter a few times a second at most.
   */
  batchSize(key: string, hot: boolean): number {
    if (!hot) return 1;
    const pool = this.pool(key);
    const now = this.now();
    this.roll(pool, now);
    const perSecond = Math.max(pool.lastWindowCount, pool.windowCount);
    const want = Math.ceil((perSecond * this.hotTargetMs) / 1_000);
    return Math.min(Math.max(want, this.hotMin), this.hotMax);
  }

  /**
   * True when a hot pool runs low: less than half a batch left, and the
   * limiter did not just throttle it. The gate then asks for the next batch
   * while requests keep spending what is left.
   */
  runningLow(key: string): boolean {
    const pool = this.pools.get(key);
    if (!pool || this.now() < pool.throttledUntil) return false;
    return this.available(key) * 2 < this.batchSize(key, true);
  }

  /** Unexpired tokens held for `key`. */
  available(key: string): number {
    const pool = this.pools.get(key);
    if (!pool) return 0;
    const now = this.now();
    return pool.leases.reduce((n, l) => (l.expiresAt > now ? n + l.tokens : n), 0);
  }

  /**
   * Collects what expired leases left unspent, in every pool, so it can go
   * back to the limiter; also forgets pools that hold nothing and saw no
   * traffic for a while. With `all`, unexpired tokens are given up too
   * (shutdown).
   */
  takeReturns(all = false): TokenReturn[] {
    const now = this.now();
    const out: TokenReturn[] = [];
    for (const [key, pool] of this.pools) {
      this.expire(pool, now);
      if (all) {
        for (const l of pool.leases) this.giveBack(pool, l);
        pool.leases = [];
      }
      for (const [epoch, tokens] of pool.returns) out.push({ key, epoch, tokens });
      pool.returns.clear();
      if (
        pool.leases.length === 0 &&
        now >= pool.throttledUntil &&
        now - pool.windowStart >= 2 * RATE_WINDOW_MS
      ) {
        this.pools.delete(key);
      }
    }
    return out;
  }

  /** Keys of the pools held. */
  keys(): string[] {
    return [...this.pools.keys()];
  }

  /** Pools held in memory. */
  get size(): number {
    return this.pools.size;
  }

  private expire(pool: Pool, now: number): void {
    while (pool.leases.length > 0) {
      const first = pool.leases[0]!;
      if (first.tokens > 0 && first.expiresAt > now) break;
      this.giveBack(pool, first);
      pool.leases.shift();
    }
  }

  private giveBack(pool: Pool, lease: Lease): void {
    if (lease.tokens <= 0) return;
    pool.returns.set(lease.epoch, (pool.returns.get(lease.epoch) ?? 0) + lease.tokens);
    lease.tokens = 0;
  }

  private pool(key: string): Pool {
    let pool = this.pools.get(key);
    if (!pool) {
      pool = {
        leases: [],
        returns: new Map(),
        throttledUntil: 0,
        windowStart: this.now(),
        windowCount: 0,
        lastWindowCount: 0,
      };
      this.pools.set(key, pool);
    }
    return pool;
  }

  private roll(pool: Pool, now: number): void {
    if (now - pool.windowStart < RATE_WINDOW_MS) return;
    pool.lastWindowCount = now - pool.windowStart < 2 * RATE_WINDOW_MS ? pool.windowCount : 0;
    pool.windowStart = now;
    pool.windowCount = 0;
  }

  private count(pool: Pool, now: number): void {
    this.roll(pool, now);
    pool.windowCount += 1;
  }
}
