import { KmsError } from '@keyhold/core';
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
}

/** quota-limiter's Acquire. */
export type AcquireFn = (request: AcquireRequest) => Promise<AcquireResult>;

export interface QuotaGateOptions extends Partial<LeaseOptions> {
  readonly acquire: AcquireFn;
  /** Called once per Acquire with its outcome, for metrics. */
  readonly onAcquire?: (quotaClass: string, requested: number, granted: number) => void;
}

export interface QuotaSubject {
  readonly region: string;
  readonly accountId: string;
  /** The AWS operation name, sent to the limiter, which maps it to its class. */
  readonly operation: string;
  /** The class whose tokens this gateway pools (shared by all crypto operations). */
  readonly quotaClass: string;
  readonly hot: boolean;
}

const MAX_ROUNDS = 5;

/**
 * Spends one token per request from leases held locally, asking quota-limiter
 * for a new batch only when the pool is empty. Concurrent requests that find
 * it empty share one Acquire sized for all of them. A limiter that cannot be
 * reached fails the request (its DependencyTimeoutException), never lets it
 * through unmetered.
 */
export class QuotaGate {
  private readonly leases: TokenLeases;
  private readonly acquire: AcquireFn;
  private readonly onAcquire: QuotaGateOptions['onAcquire'];
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, number>();

  constructor(options: QuotaGateOptions) {
    this.leases = new TokenLeases({ ...options, now: options.now ?? Date.now });
    this.acquire = options.acquire;
    this.onAcquire = options.onAcquire;
  }

  /** Resolves when a token was spent; rejects with ThrottlingException when none can be had. */
  async spend(subject: QuotaSubject): Promise<void> {
    const key = `${subject.region}\n${subject.accountId}\n${subject.quotaClass}`;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = this.leases.take(key);
      if (result === 'ok') return;
      if (result === 'throttled') throw KmsError.throttled();
      this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
      try {
        await this.refill(key, subject);
      } finally {
        const left = (this.waiting.get(key) ?? 1) - 1;
        if (left > 0) this.waiting.set(key, left);
        else this.waiting.delete(key);
      }
    }
    throw KmsError.throttled();
  }

  private refill(key: string, subject: QuotaSubject): Promise<void> {
    let pending = this.inflight.get(key);
    if (!pending) {
      const requested = Math.max(
        this.leases.batchSize(key, subject.hot),
        this.waiting.get(key) ?? 1,
      );
      pending = this.acquire({
        region: subject.region,
        accountId: subject.accountId,
        operation: subject.operation,
        requested,
      })
        .then((res) => {
          this.onAcquire?.(subject.quotaClass, requested, res.granted);
          this.leases.grant(
            key,
            requested,
            Math.max(0, res.granted),
            res.leaseTtlMs,
            res.retryAfterMs,
          );
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
