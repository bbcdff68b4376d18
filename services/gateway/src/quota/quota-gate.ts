import { KmsError, isKmsError } from '@keyhold/core';
import type { HotKeyGuard } from './hot-key.js';
import { TokenLeases } from './leases.js';
import type { LeaseOptions } from './leases.js';

export interface AcquireRequest {
  readonly region: string;
  readonly accountId: string;
  readonly operation: string;
  readonly requested: number;
}

export interface AcquireResult {
  readonly granted: number;
  readonly leaseTtlMs: number;
  readonly retryAfterMs: number;
  /** The limiter instance that granted; absent from limiters that do not take tokens back. */
  readonly epoch?: string;
}

export interface ReleaseRequest {
  readonly region: string;
  readonly accountId: string;
  readonly quotaClass: string;
  readonly tokens: number;
  readonly epoch: string;
}

/** quota-limiter's Acquire. */
export type AcquireFn = (request: AcquireRequest) => Promise<AcquireResult>;
/** quota-limiter's Release. */
export type ReleaseFn = (request: ReleaseRequest) => Promise<unknown>;

/** What the gate does when the limiter cannot be reached and no leased token is left. */
export const UNREACHABLE_MODES = ['closed', 'open'] as const;
export type UnreachableMode = (typeof UNREACHABLE_MODES)[number];

/** Why a request was throttled: the account's quota or a hot key. */
export type ThrottleReason = 'quota' | 'hot_key';

/** Per-request outcomes, for metrics. */
export interface QuotaGateEvents {
  onAdmit?(subject: QuotaSubject): void;
  onThrottle?(subject: QuotaSubject, reason: ThrottleReason): void;
  /** Admitted without a token because the limiter was unreachable (fail open). */
  onUnmetered?(subject: QuotaSubject): void;
  /** Once per Acquire with its outcome. */
  onAcquire?(quotaClass: string, requested: number, granted: number): void;
}

export interface QuotaGateOptions extends Partial<LeaseOptions>, QuotaGateEvents {
  readonly acquire: AcquireFn;
  /** Hands unspent tokens back; without it they are simply dropped. */
  readonly release?: ReleaseFn;
  /**
   * 'closed': requests fail with DependencyTimeoutException once no leased
   * token is left; 'open': they go through unmetered (counted).
   * @default 'closed'
   */
  readonly unreachable?: UnreachableMode;
  /** After a failed Acquire, do not ask again for this long. @default 100 */
  readonly unreachableRetryMs?: number;
  readonly hotKeys?: HotKeyGuard;
  /** false: admit everything, ask nothing (quotas off, for benchmarks). @default true */
  readonly enforce?: boolean;
}

export interface QuotaSubject {
  readonly region: string;
  readonly accountId: string;
  /** The AWS operation name, sent to the limiter, which maps it to its class. */
  readonly operation: string;
  /** The class whose tokens this gateway pools (shared by all crypto operations). */
  readonly quotaClass: string;
  readonly hot: boolean;
  /** The KeyId member of the request, for hot-key protection of state changes. */
  readonly keyId?: string | undefined;
}

const MAX_ROUNDS = 5;

function splitKey(key: string): { region: string; accountId: string; quotaClass: string } {
  const [region = '', accountId = '', quotaClass = ''] = key.split('\n');
  return { region, accountId, quotaClass };
}

/**
 * Spends one token per request from leases held locally, asking quota-limiter
 * for a new batch only when the pool is empty. Concurrent requests that find
 * it empty share one Acquire sized for all of them. Tokens a lease leaves
 * unspent go back to the limiter (`flushReturns`), so that several gateways
 * sharing a quota neither lose nor double-count tokens. When the limiter
 * cannot be reached, leased tokens are spent until their lease ends; then
 * the gate fails closed (DependencyTimeoutException) or, if so configured,
 * open.
 */
export class QuotaGate {
  private readonly leases: TokenLeases;
  private readonly options: QuotaGateOptions;
  private readonly now: () => number;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, number>();
  private readonly unreachableRetryMs: number;
  private unreachableUntil = 0;
  private lastFailure: unknown;
  private releasing: Promise<void> | undefined;

  constructor(options: QuotaGateOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.leases = new TokenLeases({ ...options, now: this.now });
    this.unreachableRetryMs = options.unreachableRetryMs ?? 100;
  }

  /** Resolves when a token was spent; rejects with ThrottlingException when none can be had. */
  async spend(subject: QuotaSubject): Promise<void> {
    if (this.options.enforce === false) return;
    const { hotKeys } = this.options;
    if (
      hotKeys &&
      subject.keyId &&
      !hotKeys.allow(subject.region, subject.accountId, subject.keyId, subject.operation)
    ) {
      this.options.onThrottle?.(subject, 'hot_key');
      throw KmsError.throttled();
    }
    const key = `${subject.region}\n${subject.accountId}\n${subject.quotaClass}`;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = this.leases.take(key);
      if (result === 'ok') {
        this.options.onAdmit?.(subject);
        if (subject.hot) this.refillAhead(key, subject);
        return;
      }
      if (result === 'throttled') break;
      if (this.now() < this.unreachableUntil) return this.unreachable(subject, this.lastFailure);
      this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
      try {
        await this.refill(key, subject);
      } catch (err) {
        if (isKmsError(err, 'ValidationException')) throw err;
        return this.unreachable(subject, err);
      } finally {
        const left = (this.waiting.get(key) ?? 1) - 1;
        if (left > 0) this.waiting.set(key, left);
        else this.waiting.delete(key);
      }
    }
    this.options.onThrottle?.(subject, 'quota');
    throw KmsError.throttled();
  }

  /**
   * Hands back what expired leases left unspent (all held tokens with
   * `all`). Never rejects: a return that fails only makes the quota
   * stricter for a moment.
   */
  flushReturns(all = false): Promise<void> {
    const { release } = this.options;
    const returns = this.leases.takeReturns(all);
    if (!release || returns.length === 0) return this.releasing ?? Promise.resolve();
    const sent = Promise.allSettled(
      returns
        .filter((r) => r.epoch !== '')
        .map((r) => release({ ...splitKey(r.key), tokens: r.tokens, epoch: r.epoch })),
    ).then(() => undefined);
    this.releasing = sent;
    return sent;
  }

  /** Tokens this gateway holds for (region, account, class). */
  held(region: string, accountId: string, quotaClass: string): number {
    return this.leases.available(`${region}\n${accountId}\n${quotaClass}`);
  }

  /** Every (region, account, class) with tokens held, for a gauge. */
  holdings(): Array<{ region: string; accountId: string; quotaClass: string; tokens: number }> {
    return this.leases
      .keys()
      .map((key) => ({ ...splitKey(key), tokens: this.leases.available(key) }));
  }

  private unreachable(subject: QuotaSubject, err: unknown): void {
    this.lastFailure = err;
    if (this.now() >= this.unreachableUntil)
      this.unreachableUntil = this.now() + this.unreachableRetryMs;
    if (this.options.unreachable === 'open') {
      this.options.onUnmetered?.(subject);
      return;
    }
    throw isKmsError(err) ? err : KmsError.dependencyTimeout();
  }

  /**
   * Asks for a hot class's next batch before the pool is empty. Waiting for an
   * empty pool stalls every request of this process behind one Acquire round
   * trip, several times a second under steady load (about 15% of Encrypt
   * throughput, measured by bench:quota-cost). A failure counts as the
   * limiter being unreachable (see refill), so an empty pool then fails at once.
   */
  private refillAhead(key: string, subject: QuotaSubject): void {
    if (this.inflight.has(key) || this.now() < this.unreachableUntil) return;
    if (!this.leases.runningLow(key)) return;
    // refill() records a failure itself; nobody waits on this one.
    this.refill(key, subject).catch(() => undefined);
  }

  private refill(key: string, subject: QuotaSubject): Promise<void> {
    let pending = this.inflight.get(key);
    if (!pending) {
      const requested = Math.max(
        this.leases.batchSize(key, subject.hot),
        this.waiting.get(key) ?? 1,
      );
      pending = this.options
        .acquire({
          region: subject.region,
          accountId: subject.accountId,
          operation: subject.operation,
          requested,
        })
        .then((res) => {
          this.options.onAcquire?.(subject.quotaClass, requested, res.granted);
          this.unreachableUntil = 0;
          this.leases.grant(
            key,
            requested,
            Math.max(0, res.granted),
            res.leaseTtlMs,
            res.retryAfterMs,
            res.epoch ?? '',
          );
        })
        .catch((err: unknown) => {
          // Recorded before the Acquire counts as finished, so that no request
          // slips in between and asks an unreachable limiter again.
          if (!isKmsError(err, 'ValidationException')) {
            this.lastFailure = err;
            this.unreachableUntil = this.now() + this.unreachableRetryMs;
          }
          throw err;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
