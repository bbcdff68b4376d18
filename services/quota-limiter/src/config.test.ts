import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills defaults', () => {
    expect(loadConfig({})).toEqual({
      logLevel: 'info',
      grpcListen: '127.0.0.1:50055',
      metricsPort: 9105,
      quotaFile: undefined,
      stateFile: undefined,
      leaseTtlMs: 1000,
      idleBucketMs: 60_000,
      maxGrantMs: 100,
      coldStart: true,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        LOG_LEVEL: 'debug',
        GRPC_LISTEN: '0.0.0.0:0',
        METRICS_PORT: '0',
        KEYHOLD_QUOTA_FILE: '/etc/keyhold/quotas.json',
        KEYHOLD_QUOTA_LEASE_TTL_MS: '500',
        KEYHOLD_QUOTA_IDLE_BUCKET_MS: '5000',
        KEYHOLD_QUOTA_STATE_FILE: '/var/lib/keyhold/quota-overrides.json',
        KEYHOLD_QUOTA_MAX_GRANT_MS: '50',
        KEYHOLD_QUOTA_COLD_START: 'false',
      }),
    ).toEqual({
      logLevel: 'debug',
      grpcListen: '0.0.0.0:0',
      metricsPort: 0,
      quotaFile: '/etc/keyhold/quotas.json',
      stateFile: '/var/lib/keyhold/quota-overrides.json',
      leaseTtlMs: 500,
      idleBucketMs: 5000,
      maxGrantMs: 50,
      coldStart: false,
    });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        LOG_LEVEL: 'x',
        GRPC_LISTEN: 'x',
        METRICS_PORT: '-1',
        KEYHOLD_QUOTA_LEASE_TTL_MS: '0',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'GRPC_LISTEN',
      'KEYHOLD_QUOTA_LEASE_TTL_MS',
      'LOG_LEVEL',
      'METRICS_PORT',
    ]);
  });
});
