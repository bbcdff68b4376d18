import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  AcquireRequest__Output,
  AcquireResponse,
  GetQuotasRequest__Output,
  GetQuotasResponse,
} from '@keyhold/proto';
import type { Config } from './config.js';
import { createQuotaLimiter } from './limiter.js';
import type { QuotaOverrides } from './quotas.js';
import type { Clock } from './token-bucket.js';

export interface QuotaLimiterDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly overrides: QuotaOverrides;
  /** @default Date.now */
  readonly clock?: Clock;
}

export interface QuotaLimiterHandle {
  readonly address: string;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  close(graceMs?: number): Promise<void>;
}

// Regions are labels only when known, so that a caller inventing region names
// cannot grow the metric series without bound.
const AWS_REGIONS = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
]);

export async function startQuotaLimiter(
  deps: QuotaLimiterDeps,
  config: Pick<Config, 'grpcListen' | 'leaseTtlMs' | 'idleBucketMs'>,
): Promise<QuotaLimiterHandle> {
  const limiter = createQuotaLimiter({
    overrides: deps.overrides,
    clock: deps.clock ?? Date.now,
    leaseTtlMs: config.leaseTtlMs,
    idleMs: config.idleBucketMs,
  });
  const knownRegions = new Set([...AWS_REGIONS, ...Object.keys(deps.overrides.regions)]);
  const regionLabel = (r: string): string => (knownRegions.has(r) ? r : 'other');
  const granted = new Counter({
    name: 'keyhold_quota_tokens_granted_total',
    help: 'Tokens granted, by region and quota class',
    labelNames: ['region', 'quota_class'],
    registers: [deps.registry],
  });
  const denied = new Counter({
    name: 'keyhold_quota_tokens_denied_total',
    help: 'Tokens asked for but not granted (throttled), by region and quota class',
    labelNames: ['region', 'quota_class'],
    registers: [deps.registry],
  });

  const handlers = {
    Acquire: async (req: AcquireRequest__Output): Promise<AcquireResponse> => {
      const out = limiter.acquire(req);
      const labels = { region: regionLabel(req.region), quota_class: out.quotaClass };
      if (out.granted > 0) granted.inc(labels, out.granted);
      if (out.granted < req.requested) denied.inc(labels, req.requested - out.granted);
      return out;
    },
    GetQuotas: async (req: GetQuotasRequest__Output): Promise<GetQuotasResponse> => ({
      quotas: limiter.quotas(req.region, req.accountId),
    }),
  };

  const server = await startGrpcServer(config.grpcListen, [
    [
      serviceDefinitions().quotaLimiter,
      implement(handlers, { logger: deps.logger, metrics: createRpcMetrics(deps.registry) }),
    ],
  ]);
  deps.logger.info({ address: server.address }, 'quota limiter listening');
  return {
    address: server.address,
    serving: () => server.serving(),
    close: (graceMs) => server.close(graceMs),
  };
}
