import { KmsError, isAccountId, isRegion } from '@keyhold/core';
import { QUOTA_CLASSES, quotaClassOf, resolveLimit } from './quotas.js';
import type { QuotaOverrides } from './quotas.js';
import { TokenBucket } from './token-bucket.js';
import type { Clock } from './token-bucket.js';

export interface AcquireInput {
  readonly region: string;
  readonly accountId: string;
  /** AWS operation name. */
  readonly operation: string;
  readonly requested: number;
}

export interface AcquireResult {
  readonly granted: number;
  readonly quotaClass: string;
  readonly leaseTtlMs: number;
  /** 0 when everything asked was granted. */
  readonly retryAfterMs: number;
}

export interface QuotaStatus {
  readonly quotaClass: string;
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly available: number;
}

export interface QuotaLimiterOptions {
  readonly overrides: QuotaOverrides;
  readonly clock: Clock;
  /** How long a caller may hold unspent granted tokens. @default 1000 */
  readonly leaseTtlMs?: number;
  /** A bucket unused this long and full again is dropped. @default 60_000 */
  readonly idleMs?: number;
}

export interface QuotaLimiter {
  acquire(input: AcquireInput): AcquireResult;
  quotas(region: string, accountId: string): QuotaStatus[];
  /** Buckets held in memory. */
  readonly size: number;
}

const INT32_MAX = 2_147_483_647;

/** The most tokens one Acquire may ask for: leases are small batches. */
export const MAX_REQUESTED = 10_000;

/** Token buckets per (region, account, quota class), made on first use, dropped when idle. */
export function createQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const { overrides, clock } = options;
  const leaseTtlMs = options.leaseTtlMs ?? 1000;
  const idleMs = options.idleMs ?? 60_000;
  const buckets = new Map<string, TokenBucket>();
  let lastSweep = clock();

  const sweep = (): void => {
    const now = clock();
    if (now - lastSweep < idleMs) return;
    lastSweep = now;
    for (const [key, bucket] of buckets) if (bucket.isFullAndIdle(idleMs)) buckets.delete(key);
  };

  const bucketFor = (region: string, accountId: string, quotaClass: string): TokenBucket => {
    const key = `${region}|${accountId}|${quotaClass}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({
        ...resolveLimit(overrides, region, accountId, quotaClass),
        clock,
      });
      buckets.set(key, bucket);
    }
    return bucket;
  };

  const assertScope = (region: string, accountId: string): void => {
    if (!isRegion(region)) throw KmsError.validation(`Region '${region}' is not valid.`);
    if (!isAccountId(accountId))
      throw KmsError.validation(`Account '${accountId}' is not a 12-digit account id.`);
  };

  return {
    acquire(input) {
      assertScope(input.region, input.accountId);
      const quotaClass = quotaClassOf(input.operation);
      if (!quotaClass)
        throw KmsError.validation(`Operation '${input.operation}' has no request quota.`);
      if (
        !Number.isInteger(input.requested) ||
        input.requested < 1 ||
        input.requested > MAX_REQUESTED
      ) {
        throw KmsError.constraint(
          'requested',
          input.requested,
          `Member must have value greater than or equal to 1 and less than or equal to ${MAX_REQUESTED}`,
        );
      }
      sweep();
      const bucket = bucketFor(input.region, input.accountId, quotaClass);
      const granted = bucket.take(input.requested);
      return {
        granted,
        quotaClass,
        leaseTtlMs,
        retryAfterMs:
          granted < input.requested ? Math.min(INT32_MAX, Math.max(1, bucket.msUntil(1))) : 0,
      };
    },

    quotas(region, accountId) {
      assertScope(region, accountId);
      return QUOTA_CLASSES.map((quotaClass) => {
        const existing = buckets.get(`${region}|${accountId}|${quotaClass}`);
        const limit = existing ?? resolveLimit(overrides, region, accountId, quotaClass);
        return {
          quotaClass,
          ratePerSecond: limit.rate,
          burst: limit.burst,
          available: existing ? existing.available() : limit.burst,
        };
      });
    },

    get size() {
      return buckets.size;
    },
  };
}
