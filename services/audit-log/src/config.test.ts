import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills defaults around the database URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://keyhold@127.0.0.1:5432/keyhold' })).toEqual({
      logLevel: 'info',
      grpcListen: '127.0.0.1:50056',
      metricsPort: 9106,
      databaseUrl: 'postgres://keyhold@127.0.0.1:5432/keyhold',
      natsUrl: 'nats://127.0.0.1:4222',
      natsPrefix: 'keyhold',
      consumerName: 'audit-log',
      nakDelayMs: 5_000,
      ackWaitMs: 30_000,
      writeDelayMs: 20,
      signingKey: undefined,
      signingKeyFile: undefined,
      digestEveryRecords: 10_000,
      digestIntervalMs: 60_000,
      retentionDays: 0,
      retentionIntervalMs: 3_600_000,
      streams: { replicas: 1, auditMaxAgeMs: 7 * 86_400_000 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/k',
      NATS_URL: 'nats://nats:4222',
      GRPC_LISTEN: '0.0.0.0:0',
      METRICS_PORT: '0',
      KEYHOLD_NATS_PREFIX: 't_123',
      KEYHOLD_AUDIT_CONSUMER: 'audit-2',
      KEYHOLD_AUDIT_RETRY_DELAY_MS: '250',
      KEYHOLD_AUDIT_WRITE_DELAY_MS: '0',
      KEYHOLD_AUDIT_SIGNING_KEY_FILE: '/etc/keyhold/audit.pem',
      KEYHOLD_AUDIT_DIGEST_RECORDS: '100',
      KEYHOLD_AUDIT_DIGEST_INTERVAL_MS: '500',
      KEYHOLD_AUDIT_RETENTION_DAYS: '90',
      KEYHOLD_NATS_REPLICAS: '3',
      KEYHOLD_AUDIT_STREAM_MAX_AGE: '0',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      natsPrefix: 't_123',
      consumerName: 'audit-2',
      nakDelayMs: 250,
      metricsPort: 0,
      signingKeyFile: '/etc/keyhold/audit.pem',
      digestEveryRecords: 100,
      digestIntervalMs: 500,
      retentionDays: 90,
      streams: { replicas: 3, auditMaxAgeMs: 0 },
    });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        NATS_URL: 'http://x',
        METRICS_PORT: 'x',
        KEYHOLD_NATS_PREFIX: 'a.b',
        LOG_LEVEL: 'chatty',
        KEYHOLD_NATS_REPLICAS: '0',
        KEYHOLD_AUDIT_STREAM_MAX_AGE: 'forever',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'KEYHOLD_AUDIT_STREAM_MAX_AGE',
      'KEYHOLD_NATS_PREFIX',
      'KEYHOLD_NATS_REPLICAS',
      'LOG_LEVEL',
      'METRICS_PORT',
      'NATS_URL',
    ]);
    expect((error as ConfigError).problems).toContain('DATABASE_URL: is required');
  });
});
