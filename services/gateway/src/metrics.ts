import { Counter, Histogram } from '@keyhold/core';
import type { Registry } from '@keyhold/core';

/**
 * The gateway's metrics. Labels hold only bounded, non-secret values:
 * operation names we serve (or 'unknown') and AWS error codes.
 */
export interface GatewayMetrics {
  readonly requests: Counter<'operation' | 'code'>;
  readonly latency: Histogram<'operation'>;
  readonly auditPublishFailures: Counter;
  readonly quotaAcquires: Counter<'quota_class' | 'result'>;
}

export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  return {
    requests: new Counter({
      name: 'keyhold_gateway_requests_total',
      help: 'HTTP requests answered, by operation and result code (AWS exception name or OK)',
      labelNames: ['operation', 'code'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'keyhold_gateway_request_duration_seconds',
      help: 'Time from request start to response, audit acknowledgement included',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5],
      registers: [registry],
    }),
    auditPublishFailures: new Counter({
      name: 'keyhold_audit_publish_failures_total',
      help: 'Audit batches given up on after every retry (their records are lost)',
      registers: [registry],
    }),
    quotaAcquires: new Counter({
      name: 'keyhold_gateway_quota_acquires_total',
      help: 'Acquire calls to quota-limiter, by class and whether any token was granted',
      labelNames: ['quota_class', 'result'],
      registers: [registry],
    }),
  };
}
