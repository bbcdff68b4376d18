import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('fills defaults', () => {
    expect(loadConfig({ KEYHOLD_IDENTITIES: '{"accounts":[]}' })).toEqual({
      logLevel: 'info',
      grpcListen: '127.0.0.1:50054',
      metricsPort: 9104,
      natsUrl: 'nats://127.0.0.1:4222',
      natsPrefix: 'keyhold',
      identities: { kind: 'inline', json: '{"accounts":[]}' },
    });
  });

  it('takes a file path', () => {
    const config = loadConfig({
      KEYHOLD_IDENTITIES_FILE: '/etc/keyhold/identities.json',
      GRPC_LISTEN: '0.0.0.0:7000',
      NATS_URL: 'nats://nats:4222',
      KEYHOLD_NATS_PREFIX: 't_1',
    });
    expect(config.identities).toEqual({ kind: 'file', path: '/etc/keyhold/identities.json' });
    expect(config.grpcListen).toBe('0.0.0.0:7000');
    expect(config.natsUrl).toBe('nats://nats:4222');
    expect(config.natsPrefix).toBe('t_1');
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        LOG_LEVEL: 'loud',
        GRPC_LISTEN: 'nowhere',
        METRICS_PORT: '70000',
        NATS_URL: 'http://x',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining([
        'LOG_LEVEL',
        'GRPC_LISTEN',
        'METRICS_PORT',
        'NATS_URL',
        'KEYHOLD_IDENTITIES, KEYHOLD_IDENTITIES_FILE',
      ]),
    );
  });

  it('refuses both identity sources', () => {
    expect(() => loadConfig({ KEYHOLD_IDENTITIES: '{}', KEYHOLD_IDENTITIES_FILE: '/x' })).toThrow(
      /set only one of them/,
    );
  });
});
