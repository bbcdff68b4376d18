import { Counter, Gauge, regionLabel } from '@keyhold/core';
import type { Registry } from '@keyhold/core';
import { HotKeyGuard } from './hot-key.js';
import type { HotKeyOptions } from './hot-key.js';
import { QuotaGate } from './quota-gate.js';
import type { AcquireFn, QuotaSubject, ReleaseFn, UnreachableMode } from './quota-gate.js';

export interface QuotaGateDeps {
  readonly acquire: AcquireFn;
  readonly release?: ReleaseFn;
  readonly registry: Registry;
  readonly now?: () => number;
  /** Once per Acquire with its outcome. */
  readonly onAcquire?: (quotaClass: string, requested: number, granted: number) => void;
}

export interface QuotaGateSettings {
  /** @default 'closed' */
  readonly unreachable?: UnreachableMode | undefined;
  /** false turns quotas off (benchmarks). @default true */
  readonly enforce?: boolean | undefined;
  readonly hotKey?: Omit<HotKeyOptions, 'now'> | undefined;
  /** How often unspent tokens of expired leases go back. @default 200 */
  readonly returnEveryMs?: number | undefined;
}

export interface QuotaGateHandle {
  readonly gate: QuotaGate;
  /** Stops the return timer and hands every held token back. */
  close(): Promise<void>;
}

/**
 * The gateway's quota gate with its metrics: admitted, throttled and
 * unmetered requests and tokens held, per region, account and class.
 * Accounts are labels because they come from authenticated callers, that is
 * from the configured identities, a bounded set; unknown regions show as
 * 'other'.
 */
export function createQuotaGate(
  deps: QuotaGateDeps,
  settings: QuotaGateSettings = {},
): QuotaGateHandle {
  const now = deps.now ?? Date.now;
  const labelNames = ['region', 'account', 'quota_class'] as const;
  const admitted = new Counter({
    name: 'keyhold_gateway_quota_admitted_total',
    help: 'Requests that spent a quota token, by region, account and quota class',
    labelNames,
    registers: [deps.registry],
  });
  const throttled = new Counter({
    name: 'keyhold_gateway_quota_throttled_total',
    help: 'Requests throttled (ThrottlingException), by region, account, quota class and reason',
    labelNames: [...labelNames, 'reason'],
    registers: [deps.registry],
  });
  const unmetered = new Counter({
    name: 'keyhold_gateway_quota_unmetered_total',
    help: 'Requests admitted without a token while quota-limiter was unreachable (fail open)',
    labelNames,
    registers: [deps.registry],
  });
  // Children cached per label set: the hot path then only adds to a number.
  const children = new Map<string, { admit: { inc(): void } }>();
  const labels = (s: QuotaSubject) => ({
    region: regionLabel(s.region),
    account: s.accountId,
    quota_class: s.quotaClass,
  });
  const hotKeys = new HotKeyGuard({ ...settings.hotKey, now });
  const gate = new QuotaGate({
    acquire: deps.acquire,
    ...(deps.release ? { release: deps.release } : {}),
    ...(deps.onAcquire ? { onAcquire: deps.onAcquire } : {}),
    now,
    hotKeys,
    unreachable: settings.unreachable ?? 'closed',
    enforce: settings.enforce ?? true,
    onAdmit: (s) => {
      const key = `${s.region}\n${s.accountId}\n${s.quotaClass}`;
      let child = children.get(key);
      if (!child) {
        child = { admit: admitted.labels(labels(s)) };
        children.set(key, child);
      }
      child.admit.inc();
    },
    onThrottle: (s, reason) => throttled.inc({ ...labels(s), reason }),
    onUnmetered: (s) => unmetered.inc(labels(s)),
  });
  new Gauge({
    name: 'keyhold_gateway_quota_held_tokens',
    help: 'Leased tokens this gateway holds unspent, by region, account and quota class',
    labelNames,
    registers: [deps.registry],
    collect() {
      this.reset();
      for (const h of gate.holdings()) {
        this.set(
          { region: regionLabel(h.region), account: h.accountId, quota_class: h.quotaClass },
          h.tokens,
        );
      }
    },
  });
  const timer = setInterval(() => void gate.flushReturns(), settings.returnEveryMs ?? 200);
  timer.unref();
  return {
    gate,
    close: async () => {
      clearInterval(timer);
      await gate.flushReturns(true);
    },
  };
}
