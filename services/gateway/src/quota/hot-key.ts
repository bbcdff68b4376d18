import { parseKeyArn } from '@keyhold/core';

/**
 * Operations that change a key's state. AWS throttles a burst or a sustained
 * rate of these on one key ("hot key") even below the per-API quota.
 */
export const STATE_CHANGING_OPERATIONS: ReadonlySet<string> = new Set([
  'EnableKey',
  'DisableKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'EnableKeyRotation',
  'DisableKeyRotation',
  'RotateKeyOnDemand',
  'ImportKeyMaterial',
  'DeleteImportedKeyMaterial',
  'UpdatePrimaryRegion',
]);

export interface HotKeyOptions {
  readonly now: () => number;
  /** Sustained state changes per second on one key. @default 1 */
  readonly rate?: number;
  /** State changes on one key allowed back to back. @default 10 */
  readonly burst?: number;
  /** Keys tracked at once; beyond it the least recently changed are forgotten. @default 10_000 */
  readonly maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key for state-changing operations, held by one gateway
 * process: protection of the key aggregate against flapping, not a quota, so
 * it is not shared between gateways.
 */
export class HotKeyGuard {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly rate: number;
  private readonly burst: number;
  private readonly maxKeys: number;

  constructor(options: HotKeyOptions) {
    this.now = options.now;
    this.rate = options.rate ?? 1;
    this.burst = options.burst ?? 10;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** True when `operation` on the key may go ahead (and counts it); other operations always may. */
  allow(region: string, accountId: string, keyId: string, operation: string): boolean {
    if (!STATE_CHANGING_OPERATIONS.has(operation)) return true;
    // An ARN and a bare id of the same key share one bucket.
    const arn = parseKeyArn(keyId);
    const key = arn
      ? `${arn.region}\n${arn.accountId}\n${arn.keyId}`
      : `${region}\n${accountId}\n${keyId}`;
    const now = this.now();
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(
        this.burst,
        b.tokens + (Math.max(0, now - b.updatedAt) / 1000) * this.rate,
      );
      b.updatedAt = Math.max(b.updatedAt, now);
      // Re-inserted so that the map's order is least recently used first.
      this.buckets.delete(key);
    } else {
      b = { tokens: this.burst, updatedAt: now };
    }
    this.buckets.set(key, b);
    this.evict();
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Keys tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
