import { describe, expect, it } from 'vitest';
import { ConfigError } from '@keyhold/core';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills every default', () => {
    expect(loadConfig({})).toEqual({
      httpListen: '127.0.0.1:4599',
      grpcListen: '127.0.0.1:50051',
      metricsPort: 9101,
      keyManagerAddr: '127.0.0.1:50052',
      cryptoWorkerAddr: '127.0.0.1:50053',
      authorizerAddr: '127.0.0.1:50054',
      quotaLimiterAddr: '127.0.0.1:50055',
      natsUrl: 'nats://127.0.0.1:4222',
      natsPrefix: 'keyhold',
      logLevel: 'info',
      maxBodyBytes: 65536,
      bodyTimeoutMs: 10_000,
      auditFailMode: 'closed',
      auditWireFormat: 2,
      auditLingerMs: 1,
      quotaUnreachable: 'closed',
      quotaEnforce: true,
      regions: [],
      streams: { replicas: 1, auditMaxAgeMs: 7 * 86_400_000 },
    });
  });

  it('reads the regions served and the stream settings', () => {
    const c = loadConfig({
      KEYHOLD_REGIONS: ' eu-west-1, eu-central-1 ',
      KEYHOLD_NATS_REPLICAS: '3',
      KEYHOLD_AUDIT_STREAM_MAX_AGE: '3d',
    });
    expect(c.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(c.streams).toEqual({ replicas: 3, auditMaxAgeMs: 3 * 86_400_000 });
    expect(() => loadConfig({ KEYHOLD_REGIONS: 'us-east-1,Mars' })).toThrow(/KEYHOLD_REGIONS/);
  });

  it('reads the audit wire format: 1 for audit-logs older than version 2', () => {
    expect(loadConfig({ KEYHOLD_AUDIT_WIRE_FORMAT: '1' }).auditWireFormat).toBe(1);
    expect(loadConfig({ KEYHOLD_AUDIT_WIRE_FORMAT: '2' }).auditWireFormat).toBe(2);
    expect(loadConfig({ KEYHOLD_AUDIT_WIRE_FORMAT: '' }).auditWireFormat).toBe(2);
    for (const bad of ['3', '0', 'v2', '2.0'])
      expect(() => loadConfig({ KEYHOLD_AUDIT_WIRE_FORMAT: bad }), bad).toThrow(
        /KEYHOLD_AUDIT_WIRE_FORMAT/,
      );
  });

  it('reads how long a new audit batch waits for records on their way: 1 ms unless set', () => {
    expect(loadConfig({}).auditLingerMs).toBe(1);
    expect(loadConfig({ KEYHOLD_AUDIT_LINGER_MS: '0' }).auditLingerMs).toBe(0);
    expect(loadConfig({ KEYHOLD_AUDIT_LINGER_MS: '5' }).auditLingerMs).toBe(5);
    for (const bad of ['-1', '51', '0.5', 'soon'])
      expect(() => loadConfig({ KEYHOLD_AUDIT_LINGER_MS: bad }), bad).toThrow(
        /KEYHOLD_AUDIT_LINGER_MS/,
      );
  });

  it('reads given values and freezes the result', () => {
    const c = loadConfig({
      HTTP_LISTEN: '0.0.0.0:8080',
      GRPC_LISTEN: '127.0.0.1:0',
      METRICS_PORT: '0',
      KEY_MANAGER_ADDR: 'km:1',
      NATS_URL: 'nats://nats:4222',
      KEYHOLD_NATS_PREFIX: 't_1',
      LOG_LEVEL: 'debug',
      KEYHOLD_MAX_BODY_BYTES: '4096',
    });
    expect(c.httpListen).toBe('0.0.0.0:8080');
    expect(c.grpcListen).toBe('127.0.0.1:0');
    expect(c.metricsPort).toBe(0);
    expect(c.keyManagerAddr).toBe('km:1');
    expect(c.natsUrl).toBe('nats://nats:4222');
    expect(c.natsPrefix).toBe('t_1');
    expect(c.logLevel).toBe('debug');
    expect(c.maxBodyBytes).toBe(4096);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reports every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({
        HTTP_LISTEN: 'nope',
        METRICS_PORT: 'x',
        NATS_URL: 'http://a:1',
        LOG_LEVEL: 'loud',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['HTTP_LISTEN', 'METRICS_PORT', 'NATS_URL', 'LOG_LEVEL'])
      expect(problems).toContain(name);
  });
});
