import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@keyhold/core';
import { loadConfig } from './config.js';

const rootKey = randomBytes(32).toString('base64');
const keyring = JSON.stringify({ current: 1, keys: { '1': rootKey } });

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills every default', () => {
    const config = loadConfig({ KEYHOLD_ROOT_KEYRING: keyring });
    expect(config).toMatchObject({
      logLevel: 'info',
      grpcListen: '127.0.0.1:50053',
      metricsPort: 9103,
      natsUrl: 'nats://127.0.0.1:4222',
      natsPrefix: 'keyhold',
      keyManagerAddr: '127.0.0.1:50052',
      authorizerAddr: '127.0.0.1:50054',
      keyCacheTtlMs: 300_000,
    });
    expect(config.rootKeyring.currentVersion).toBe(1);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      KEYHOLD_ROOT_KEYRING: keyring,
      LOG_LEVEL: 'trace',
      GRPC_LISTEN: '127.0.0.1:0',
      METRICS_PORT: '0',
      NATS_URL: 'nats://nats:4222',
      KEYHOLD_NATS_PREFIX: 't_1',
      KEY_MANAGER_ADDR: 'km:1',
      AUTHORIZER_ADDR: 'az:2',
      KEYHOLD_KEY_CACHE_TTL_MS: '1000',
    });
    expect(config).toMatchObject({
      logLevel: 'trace',
      grpcListen: '127.0.0.1:0',
      metricsPort: 0,
      natsUrl: 'nats://nats:4222',
      natsPrefix: 't_1',
      keyManagerAddr: 'km:1',
      authorizerAddr: 'az:2',
      keyCacheTtlMs: 1000,
    });
  });

  it('wants exactly one keyring source', () => {
    expect(problems({}).join('\n')).toMatch(/KEYHOLD_ROOT_KEYRING.*exactly one/);
    expect(
      problems({ KEYHOLD_ROOT_KEYRING: keyring, KEYHOLD_ROOT_KEYRING_FILE: '/k.json' }).join('\n'),
    ).toMatch(/exactly one/);
  });

  it('reports every problem at once, without quoting root keys', () => {
    const bad = JSON.stringify({ current: 2, keys: { '1': rootKey } });
    const found = problems({
      KEYHOLD_ROOT_KEYRING: bad,
      GRPC_LISTEN: 'nope',
      KEYHOLD_KEY_CACHE_TTL_MS: 'x',
      LOG_LEVEL: 'loud',
      KEYHOLD_NATS_PREFIX: 'a.b',
    });
    const text = found.join('\n');
    expect(text).toMatch(/GRPC_LISTEN/);
    expect(text).toMatch(/KEYHOLD_KEY_CACHE_TTL_MS/);
    expect(text).toMatch(/LOG_LEVEL/);
    expect(text).toMatch(/no key with that version/);
    expect(text).not.toContain(rootKey);
  });

  it('does not show root keys when the config is logged', () => {
    const config = loadConfig({ KEYHOLD_ROOT_KEYRING: keyring });
    expect(JSON.stringify(config)).not.toContain(rootKey);
  });
});
