import { describe, expect, it } from 'vitest';
import { ConfigError } from '@keyhold/core';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills every default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://kh:pw@127.0.0.1:5432/keyhold' })).toEqual({
      databaseUrl: 'postgres://kh:pw@127.0.0.1:5432/keyhold',
      natsUrl: 'nats://127.0.0.1:4222',
      grpcListen: '127.0.0.1:50052',
      metricsPort: 9102,
      cryptoWorkerAddr: '127.0.0.1:50053',
      authorizerAddr: '127.0.0.1:50054',
      natsPrefix: 'keyhold',
      logLevel: 'info',
      maxKeysPerRegion: 100_000,
      maxGrantsPerKey: 50_000,
      maxAliasesPerKey: 50,
      jobIntervalMs: 60_000,
      stateCacheSize: 10_000,
      streams: { replicas: 1, auditMaxAgeMs: 7 * 86_400_000 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://db/keyhold',
      NATS_URL: 'nats://nats:4222',
      GRPC_LISTEN: '0.0.0.0:6000',
      METRICS_PORT: '0',
      CRYPTO_WORKER_ADDR: 'crypto:7000',
      AUTHORIZER_ADDR: 'authz:7001',
      KEYHOLD_NATS_PREFIX: 'kh_prod',
      LOG_LEVEL: 'debug',
      KEYHOLD_MAX_KEYS_PER_REGION: '5',
      KEYHOLD_MAX_GRANTS_PER_KEY: '7',
      KEYHOLD_MAX_ALIASES_PER_KEY: '3',
      KEYHOLD_JOB_INTERVAL_MS: '1000',
      KEYHOLD_STATE_CACHE_SIZE: '0',
      KEYHOLD_NATS_REPLICAS: '3',
      KEYHOLD_AUDIT_STREAM_MAX_AGE: '12h',
    });
    expect(config).toMatchObject({
      grpcListen: '0.0.0.0:6000',
      metricsPort: 0,
      cryptoWorkerAddr: 'crypto:7000',
      authorizerAddr: 'authz:7001',
      natsPrefix: 'kh_prod',
      logLevel: 'debug',
      maxKeysPerRegion: 5,
      maxGrantsPerKey: 7,
      maxAliasesPerKey: 3,
      jobIntervalMs: 1000,
      stateCacheSize: 0,
      streams: { replicas: 3, auditMaxAgeMs: 12 * 3_600_000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({
        NATS_URL: 'http://nats',
        GRPC_LISTEN: 'nowhere',
        METRICS_PORT: '70000',
        LOG_LEVEL: 'loud',
        KEYHOLD_MAX_KEYS_PER_REGION: '0',
        KEYHOLD_NATS_PREFIX: 'a.b',
        KEYHOLD_NATS_REPLICAS: '9',
        KEYHOLD_AUDIT_STREAM_MAX_AGE: '1m',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(
      [
        'DATABASE_URL',
        'NATS_URL',
        'GRPC_LISTEN',
        'METRICS_PORT',
        'LOG_LEVEL',
        'KEYHOLD_MAX_KEYS_PER_REGION',
        'KEYHOLD_NATS_PREFIX',
        'KEYHOLD_NATS_REPLICAS',
        'KEYHOLD_AUDIT_STREAM_MAX_AGE',
      ].sort(),
    );
    expect((err as ConfigError).problems).toContain('DATABASE_URL: is required');
  });
});
