import { randomUUID } from 'node:crypto';
import {
  Counter,
  Gauge,
  KmsError,
  createRpcMetrics,
  regionLabel as awsRegionLabel,
} from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  AcquireRequest__Output,
  AcquireResponse,
  DeleteQuotaOverrideRequest__Output,
  DeleteQuotaOverrideResponse,
  GetQuotasRequest__Output,
  GetQuotasResponse,
  ListQuotaOverridesResponse,
  QuotaScope__Output,
  ReleaseRequest__Output,
  ReleaseResponse,
  SetQuotaRequest__Output,
  SetQuotaResponse,
} from '@keyhold/proto';
import type { Config } from './config.js';
import { createQuotaLimiter } from './limiter.js';
import type { QuotaLimiter } from './limiter.js';
import { MEMORY_STORE } from './override-store.js';
import type { OverrideStore } from './override-store.js';
import type { QuotaOverrides, QuotaScope } from './quotas.js';
import type { Clock } from './token-bucket.js';

export interface QuotaLimiterDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  /** Overrides from KEYHOLD_QUOTA_FILE. */
  readonly overrides: QuotaOverrides;
  /** Where SetQuota changes are kept; loaded at start. @default in memory only */
  readonly store?: OverrideStore;
  /** @default Date.now */
  readonly clock?: Clock;
}

export interface QuotaLimiterHandle {
  readonly address: string;
  /** The limiter itself, for tests and in-process callers. */
  readonly limiter: QuotaLimiter;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  close(graceMs?: number): Promise<void>;
}

/** How the in-process limiter behaves; the service's own values come from loadConfig. */
export interface QuotaLimiterServerConfig extends Pick<
  Config,
  'grpcListen' | 'leaseTtlMs' | 'idleBucketMs'
> {
  /** @default undefined (a grant is bounded by the bucket only) */
  readonly maxGrantMs?: number | undefined;
  /** @default false (buckets start full) */
  readonly coldStart?: boolean | undefined;
}

const scopeOf = (s: QuotaScope__Output | null | undefined): QuotaScope => ({
  region: s?.region || undefined,
  accountId: s?.accountId || undefined,
});

export async function startQuotaLimiter(
  deps: QuotaLimiterDeps,
  config: QuotaLimiterServerConfig,
): Promise<QuotaLimiterHandle> {
  const clock = deps.clock ?? Date.now;
  const store = deps.store ?? MEMORY_STORE;
  const limiter = createQuotaLimiter({
    overrides: deps.overrides,
    live: await store.load(),
    clock,
    leaseTtlMs: config.leaseTtlMs,
    idleMs: config.idleBucketMs,
    ...(config.maxGrantMs === undefined ? {} : { maxGrantMs: config.maxGrantMs }),
    ...(config.coldStart ? { coldStartAt: clock() } : {}),
    epoch: randomUUID(),
  });
  const configuredRegions = new Set(Object.keys(deps.overrides.regions));
  const regionLabel = (r: string): string => awsRegionLabel(r, configuredRegions);
  // Accounts are labels: they come from authenticated callers of the gateway,
  // so from the configured identities, a bounded set.
  const labelNames = ['region', 'account', 'quota_class'] as const;
  const granted = new Counter({
    name: 'keyhold_quota_tokens_granted_total',
    help: 'Tokens granted, by region, account and quota class',
    labelNames,
    registers: [deps.registry],
  });
  const denied = new Counter({
    name: 'keyhold_quota_tokens_denied_total',
    help: 'Tokens asked for but not granted (throttled), by region, account and quota class',
    labelNames,
    registers: [deps.registry],
  });
  const returned = new Counter({
    name: 'keyhold_quota_tokens_returned_total',
    help: 'Unspent leased tokens given back and credited, by region, account and quota class',
    labelNames,
    registers: [deps.registry],
  });
  const staleReleases = new Counter({
    name: 'keyhold_quota_stale_releases_total',
    help: 'Releases of tokens granted by an earlier limiter instance (ignored)',
    registers: [deps.registry],
  });
  const gauge = (
    name: string,
    help: string,
    value: (s: ReturnType<QuotaLimiter['snapshot']>[number]) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [deps.registry],
      collect() {
        this.reset();
        for (const s of limiter.snapshot()) {
          this.set(
            { region: regionLabel(s.region), account: s.accountId, quota_class: s.quotaClass },
            value(s),
          );
        }
      },
    });
  gauge(
    'keyhold_quota_limit_per_second',
    'Configured rate of each active bucket, by region, account and quota class',
    (s) => s.rate,
  );
  gauge(
    'keyhold_quota_available_tokens',
    'Tokens left in each active bucket, by region, account and quota class',
    (s) => s.available,
  );
  gauge(
    'keyhold_quota_used_last_second',
    'Tokens granted minus returned over the last full second: current usage',
    (s) => s.usedLastSecond,
  );

  const persist = async (previous: QuotaOverrides): Promise<void> => {
    try {
      await store.save(limiter.live);
    } catch (err) {
      limiter.restoreLive(previous);
      deps.logger.error({ err }, 'quota overrides not saved');
      throw KmsError.internal(err);
    }
  };

  const handlers = {
    Acquire: async (req: AcquireRequest__Output): Promise<AcquireResponse> => {
      const out = limiter.acquire(req);
      const labels = {
        region: regionLabel(req.region),
        account: req.accountId,
        quota_class: out.quotaClass,
      };
      if (out.granted > 0) granted.inc(labels, out.granted);
      if (out.granted < req.requested) denied.inc(labels, req.requested - out.granted);
      return out;
    },
    Release: async (req: ReleaseRequest__Output): Promise<ReleaseResponse> => {
      const accepted = limiter.release(req);
      if (req.epoch !== limiter.epoch) staleReleases.inc();
      else if (accepted > 0)
        returned.inc(
          { region: regionLabel(req.region), account: req.accountId, quota_class: req.quotaClass },
          accepted,
        );
      return { accepted };
    },
    GetQuotas: async (req: GetQuotasRequest__Output): Promise<GetQuotasResponse> => ({
      quotas: limiter.quotas(req.region, req.accountId),
    }),
    SetQuota: async (req: SetQuotaRequest__Output): Promise<SetQuotaResponse> => {
      const previous = limiter.live;
      const o = limiter.setOverride(
        scopeOf(req.scope),
        req.quotaClass,
        req.ratePerSecond,
        req.burst,
      );
      await persist(previous);
      deps.logger.info(
        { scope: o.scope, quotaClass: o.quotaClass, rate: o.ratePerSecond, burst: o.burst },
        'quota override set',
      );
      return { override: o };
    },
    DeleteQuotaOverride: async (
      req: DeleteQuotaOverrideRequest__Output,
    ): Promise<DeleteQuotaOverrideResponse> => {
      const previous = limiter.live;
      const scope = scopeOf(req.scope);
      const deleted = limiter.deleteOverride(scope, req.quotaClass);
      if (deleted) {
        await persist(previous);
        deps.logger.info({ scope, quotaClass: req.quotaClass }, 'quota override deleted');
      }
      return { deleted };
    },
    ListQuotaOverrides: async (): Promise<ListQuotaOverridesResponse> => ({
      overrides: limiter.listOverrides(),
    }),
  };

  const server = await startGrpcServer(config.grpcListen, [
    [
      serviceDefinitions().quotaLimiter,
      implement(handlers, { logger: deps.logger, metrics: createRpcMetrics(deps.registry) }),
    ],
  ]);
  deps.logger.info({ address: server.address, epoch: limiter.epoch }, 'quota limiter listening');
  return {
    address: server.address,
    limiter,
    serving: () => server.serving(),
    close: (graceMs) => server.close(graceMs),
  };
}
