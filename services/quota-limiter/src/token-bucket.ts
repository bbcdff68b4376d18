/** Milliseconds on any monotonic-ish scale; injected so tests control time. */
export type Clock = () => number;

export interface TokenBucketOptions {
  /** Tokens added per second, continuously. */
  readonly rate: number;
  /** Capacity: the most tokens ever available at once. */
  readonly burst: number;
  readonly clock: Clock;
  /** Tokens at creation. @default burst */
  readonly initial?: number;
}

/**
 * A token bucket that starts full and refills continuously. It never grants
 * more than it holds, so over any window of t seconds it grants at most
 * burst + rate × t tokens.
 */
export class TokenBucket {
  private rateValue: number;
  private burstValue: number;
  private readonly clock: Clock;
  private tokens: number;
  private updatedAt: number;
  private lastTakeAt: number;

  constructor(options: TokenBucketOptions) {
    assertLimit(options.rate, options.burst);
    this.rateValue = options.rate;
    this.burstValue = options.burst;
    this.clock = options.clock;
    this.tokens = Math.min(options.burst, Math.max(0, options.initial ?? options.burst));
    this.updatedAt = options.clock();
    this.lastTakeAt = this.updatedAt;
  }

  get rate(): number {
    return this.rateValue;
  }

  get burst(): number {
    return this.burstValue;
  }

  /**
   * Applies a new limit from now on: tokens earned so far were earned at the
   * old rate, and a smaller burst cuts what is held.
   */
  reconfigure(rate: number, burst: number): void {
    assertLimit(rate, burst);
    this.refill();
    this.rateValue = rate;
    this.burstValue = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  /**
   * Puts back tokens a holder did not spend; never above the burst, so that
   * what was granted minus what came back stays within burst + rate × t.
   * Returns how many were taken back.
   */
  give(count: number): number {
    this.refill();
    const accepted = Math.max(0, Math.min(Math.floor(count), this.burstValue - this.tokens));
    this.tokens += accepted;
    return Math.floor(accepted);
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
    const missing = Math.min(count, this.burstValue) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.rateValue) * 1000);
  }

  /**
   * True when nothing was taken for `idleMs` and the bucket is full again: a
   * new bucket starts full, so dropping this one changes nothing.
   */
  isFullAndIdle(idleMs: number): boolean {
    return this.clock() - this.lastTakeAt >= idleMs && this.available() >= this.burstValue;
  }

  private refill(): void {
    const now = this.clock();
    // A clock that steps back adds nothing rather than removing tokens.
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(
      this.burstValue,
      this.tokens + ((now - this.updatedAt) / 1000) * this.rateValue,
    );
    this.updatedAt = now;
  }
}

function assertLimit(rate: number, burst: number): void {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError('rate must be > 0');
  if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError('burst must be >= 1');
}
