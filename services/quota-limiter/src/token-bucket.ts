/** Milliseconds on any monotonic-ish scale; injected so tests control time. */
export type Clock = () => number;

export interface TokenBucketOptions {
  /** Tokens added per second, continuously. */
  readonly rate: number;
  /** Capacity: the most tokens ever available at once. */
  readonly burst: number;
  readonly clock: Clock;
}

/**
 * A token bucket that starts full and refills continuously. It never grants
 * more than it holds, so over any window of t seconds it grants at most
 * burst + rate × t tokens.
 */
export class TokenBucket {
  readonly rate: number;
  readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;
  private lastTakeAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.rate > 0) || !Number.isFinite(options.rate))
      throw new RangeError('rate must be > 0');
    if (!(options.burst >= 1) || !Number.isFinite(options.burst))
      throw new RangeError('burst must be >= 1');
    this.rate = options.rate;
    this.burst = options.burst;
    this.clock = options.clock;
    this.tokens = options.burst;
    this.updatedAt = options.clock();
    this.lastTakeAt = this.updatedAt;
  }

  /** Tokens available now (fractional). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** Takes up to `requested` whole tokens; returns how many it took (may be 0). */
  take(requested: number): number {
    this.refill();
    const granted = Math.max(0, Math.min(Math.floor(requested), Math.floor(this.tokens)));
    this.tokens -= granted;
    this.lastTakeAt = this.clock();
    return granted;
  }

  /** Milliseconds until `count` tokens are available (0 when they are). */
  msUntil(count = 1): number {
    this.refill();
    const missing = Math.min(count, this.burst) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.rate) * 1000);
  }

  /**
   * True when nothing was taken for `idleMs` and the bucket is full again: a
   * new bucket starts full, so dropping this one changes nothing.
   */
  isFullAndIdle(idleMs: number): boolean {
    return this.clock() - this.lastTakeAt >= idleMs && this.available() >= this.burst;
  }

  private refill(): void {
    const now = this.clock();
    // A clock that steps back adds nothing rather than removing tokens.
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }
}
