import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const KEY = Buffer.alloc(32, 7);
const required = {
  DATABASE_URL: 'postgres://keyhold@127.0.0.1:5432/keyhold',
  KEYHOLD_IDENTITY_KEY: KEY.toString('base64'),
};

describe('loadConfig', () => {
  it('fills defaults; the seed document is optional', () => {
    expect(loadConfig(required)).toEqual({
      logLevel: 'info',
      grpcListen: '127.0.0.1:50054',
      metricsPort: 9104,
      natsUrl: 'nats://127.0.0.1:4222',
      natsPrefix: 'keyhold',
      databaseUrl: 'postgres://keyhold@127.0.0.1:5432/keyhold',
      identities: undefined,
      identityKey: { kind: 'inline', key: KEY },
    });
    expect(loadConfig({ ...required, KEYHOLD_IDENTITIES: '{"accounts":[]}' }).identities).toEqual({
      kind: 'inline',
      json: '{"accounts":[]}',
    });
  });

  it('takes file paths', () => {
    const config = loadConfig({
      DATABASE_URL: required.DATABASE_URL,
      KEYHOLD_IDENTITY_KEY_FILE: '/run/secrets/identity-key',
      KEYHOLD_IDENTITIES_FILE: '/etc/keyhold/identities.json',
      GRPC_LISTEN: '0.0.0.0:7000',
      NATS_URL: 'nats://nats:4222',
      KEYHOLD_NATS_PREFIX: 't_1',
    });
    expect(config.identities).toEqual({ kind: 'file', path: '/etc/keyhold/identities.json' });
    expect(config.identityKey).toEqual({ kind: 'file', path: '/run/secrets/identity-key' });
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
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'GRPC_LISTEN',
      'KEYHOLD_IDENTITY_KEY, KEYHOLD_IDENTITY_KEY_FILE',
      'LOG_LEVEL',
      'METRICS_PORT',
      'NATS_URL',
    ]);
  });

  it('wants a 32-byte identity key and never repeats it', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    let error: unknown;
    try {
      loadConfig({ ...required, KEYHOLD_IDENTITY_KEY: short });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'KEYHOLD_IDENTITY_KEY: must be 32 bytes in base64',
    ]);
    expect(String((error as Error).message)).not.toContain(short);
  });

  it('refuses both identity sources', () => {
    expect(() =>
      loadConfig({ ...required, KEYHOLD_IDENTITIES: '{}', KEYHOLD_IDENTITIES_FILE: '/x' }),
    ).toThrow(/set only one of them/);
  });
});
