import { KmsError, isAccountId, isRegion } from '@keyhold/core';
import {
  NO_OVERRIDES,
  QUOTA_CLASSES,
  assertOverrideTarget,
  checkedLimit,
  overrideEntries,
  quotaClassOf,
  resolveLayered,
  withOverride,
  withoutOverride,
} from './quotas.js';
import type { QuotaLimit, QuotaOverrides, QuotaScope, QuotaSource } from './quotas.js';
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
  readonly epoch: string;
}

export interface ReleaseInput {
  readonly region: string;
  readonly accountId: string;
  readonly quotaClass: string;
  readonly tokens: number;
  readonly epoch: string;
}

export interface QuotaStatus {
  readonly quotaClass: string;
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly available: number;
  readonly source: QuotaSource;
}

/** One bucket as metrics see it. */
export interface BucketSnapshot {
  readonly region: string;
  readonly accountId: string;
  readonly quotaClass: string;
  readonly rate: number;
  readonly burst: number;
  readonly available: number;
  /** Tokens granted minus tokens returned over the last full second. */
  readonly usedLastSecond: number;
}

export interface OverrideView {
  readonly scope: { readonly region: string; readonly accountId: string };
  readonly quotaClass: string;
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly origin: 'file' | 'live';
}

export interface QuotaLimiterOptions {
  /** Overrides from KEYHOLD_QUOTA_FILE. */
  readonly overrides: QuotaOverrides;
  /** Overrides set through the admin RPC, restored from the store; they win over the file's. */
  readonly live?: QuotaOverrides;
  readonly clock: Clock;
  /** How long a caller may hold unspent granted tokens. @default 1000 */
  readonly leaseTtlMs?: number;
  /** A bucket unused this long and full again is dropped. @default 60_000 */
  readonly idleMs?: number;
  /**
   * One grant holds at most this many ms of the class rate (at least one
   * token), so that N holders share a small quota evenly and few tokens sit
   * in leases. Undefined: only the bucket bounds a grant.
   */
  readonly maxGrantMs?: number;
  /**
   * Buckets fill from empty at this time instead of starting full. After a
   * restart the previous instance's leases are still being spent, so a full
   * bucket would admit them twice; starting empty bounds the error to the
   * tokens those leases still hold. Undefined: buckets start full.
   */
  readonly coldStartAt?: number;
  /** Names this instance in grants; releases naming another are ignored. */
  readonly epoch?: string;
}

export interface QuotaLimiter {
  acquire(input: AcquireInput): AcquireResult;
  /** Credits unspent tokens back; returns how many were taken (0 for another epoch). */
  release(input: ReleaseInput): number;
  quotas(region: string, accountId: string): QuotaStatus[];
  /** Sets a live override; buckets in its scope take the new limit at once. */
  setOverride(scope: QuotaScope, quotaClass: string, rate: number, burst?: number): OverrideView;
  /** Removes a live override (file overrides stay); false when there was none. */
  deleteOverride(scope: QuotaScope, quotaClass: string): boolean;
  /** Live overrides first, then the file's. */
  listOverrides(): OverrideView[];
  /** The live overrides, for persisting. */
  readonly live: QuotaOverrides;
  /** Puts back earlier live overrides (a change that could not be persisted). */
  restoreLive(previous: QuotaOverrides): void;
  snapshot(): BucketSnapshot[];
  readonly epoch: string;
  /** Buckets held in memory. */
  readonly size: number;
}

const INT32_MAX = 2_147_483_647;

/** The most tokens one Acquire may ask for: leases are small batches. */
export const MAX_REQUESTED = 10_000;

interface Entry {
  readonly region: string;
  readonly accountId: string;
  readonly quotaClass: string;
  readonly bucket: TokenBucket;
  source: QuotaSource;
  windowStart: number;
  windowUsed: number;
  lastWindowUsed: number;
}

/** Token buckets per (region, account, quota class), made on first use, dropped when idle. */
export function createQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const { overrides: fileOverrides, clock } = options;
  const leaseTtlMs = options.leaseTtlMs ?? 1000;
  const idleMs = options.idleMs ?? 60_000;
  const epoch = options.epoch ?? '';
  let live = options.live ?? NO_OVERRIDES;
  const buckets = new Map<string, Entry>();
  let lastSweep = clock();

  const resolve = (region: string, accountId: string, quotaClass: string) =>
    resolveLayered([live, fileOverrides], region, accountId, quotaClass);

  const sweep = (): void => {
    const now = clock();
    if (now - lastSweep < idleMs) return;
    lastSweep = now;
    for (const [key, e] of buckets) if (e.bucket.isFullAndIdle(idleMs)) buckets.delete(key);
  };

  const count = (e: Entry, delta: number): void => {
    const now = clock();
    if (now - e.windowStart >= 1000) {
      e.lastWindowUsed = now - e.windowStart < 2000 ? e.windowUsed : 0;
      e.windowStart = now;
      e.windowUsed = 0;
    }
    e.windowUsed += delta;
  };

  const entryFor = (region: string, accountId: string, quotaClass: string): Entry => {
    const key = `${region}|${accountId}|${quotaClass}`;
    let e = buckets.get(key);
    if (!e) {
      const limit = resolve(region, accountId, quotaClass);
      const now = clock();
      const initial =
        options.coldStartAt === undefined
          ? limit.burst
          : (Math.max(0, now - options.coldStartAt) / 1000) * limit.rate;
      e = {
        region,
        accountId,
        quotaClass,
        bucket: new TokenBucket({ rate: limit.rate, burst: limit.burst, clock, initial }),
        source: limit.source,
        windowStart: now,
        windowUsed: 0,
        lastWindowUsed: 0,
      };
      buckets.set(key, e);
    }
    return e;
  };

  const reconfigureAll = (): void => {
    for (const e of buckets.values()) {
      const limit = resolve(e.region, e.accountId, e.quotaClass);
      e.bucket.reconfigure(limit.rate, limit.burst);
      e.source = limit.source;
    }
  };

  const assertScope = (region: string, accountId: string): void => {
    if (!isRegion(region)) throw KmsError.validation(`Region '${region}' is not valid.`);
    if (!isAccountId(accountId))
      throw KmsError.validation(`Account '${accountId}' is not a 12-digit account id.`);
  };

  const view = (
    entry: ReturnType<typeof overrideEntries>[number],
    origin: 'file' | 'live',
  ): OverrideView => ({
    scope: entry.scope,
    quotaClass: entry.quotaClass,
    ratePerSecond: entry.limit.rate,
    burst: entry.limit.burst,
    origin,
  });

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
      const e = entryFor(input.region, input.accountId, quotaClass);
      const cap =
        options.maxGrantMs === undefined
          ? input.requested
          : Math.max(1, Math.ceil((e.bucket.rate * options.maxGrantMs) / 1000));
      const granted = e.bucket.take(Math.min(input.requested, cap));
      if (granted > 0) count(e, granted);
      return {
        granted,
        quotaClass,
        leaseTtlMs,
        retryAfterMs:
          granted < input.requested ? Math.min(INT32_MAX, Math.max(1, e.bucket.msUntil(1))) : 0,
        epoch,
      };
    },

    release(input) {
      assertScope(input.region, input.accountId);
      if (input.epoch !== epoch) return 0;
      if (!Number.isInteger(input.tokens) || input.tokens < 0 || input.tokens > MAX_REQUESTED)
        throw KmsError.validation(`tokens must be an integer from 0 to ${MAX_REQUESTED}.`);
      const e = buckets.get(`${input.region}|${input.accountId}|${input.quotaClass}`);
      // A bucket dropped as idle is full: nothing to give back to.
      if (!e || input.tokens === 0) return 0;
      const accepted = e.bucket.give(input.tokens);
      count(e, -accepted);
      return accepted;
    },

    quotas(region, accountId) {
      assertScope(region, accountId);
      return QUOTA_CLASSES.map((quotaClass) => {
        const existing = buckets.get(`${region}|${accountId}|${quotaClass}`);
        const limit = resolve(region, accountId, quotaClass);
        return {
          quotaClass,
          ratePerSecond: limit.rate,
          burst: limit.burst,
          available: existing ? existing.bucket.available() : limit.burst,
          source: limit.source,
        };
      });
    },

    setOverride(scope, quotaClass, rate, burst) {
      assertOverrideTarget(scope, quotaClass);
      const limit: QuotaLimit = checkedLimit(rate, burst);
      live = withOverride(live, scope, quotaClass, limit);
      reconfigureAll();
      return {
        scope: { region: scope.region ?? '', accountId: scope.accountId ?? '' },
        quotaClass,
        ratePerSecond: limit.rate,
        burst: limit.burst,
        origin: 'live',
      };
    },

    deleteOverride(scope, quotaClass) {
      assertOverrideTarget(scope, quotaClass);
      const next = withoutOverride(live, scope, quotaClass);
      if (next === live) return false;
      live = next;
      reconfigureAll();
      return true;
    },

    listOverrides() {
      return [
        ...overrideEntries(live).map((e) => view(e, 'live')),
        ...overrideEntries(fileOverrides).map((e) => view(e, 'file')),
      ];
    },

    get live() {
      return live;
    },

    restoreLive(previous) {
      live = previous;
      reconfigureAll();
    },

    snapshot() {
      const now = clock();
      return [...buckets.values()].map((e) => ({
        region: e.region,
        accountId: e.accountId,
        quotaClass: e.quotaClass,
        rate: e.bucket.rate,
        burst: e.bucket.burst,
        available: e.bucket.available(),
        usedLastSecond:
          now - e.windowStart >= 2000
            ? 0
            : now - e.windowStart >= 1000
              ? e.windowUsed
              : e.lastWindowUsed,
      }));
    },

    epoch,

    get size() {
      return buckets.size;
    },
  };
}
