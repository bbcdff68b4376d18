import { ConfigError, readEnv } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STREAM_SETTINGS,
  STREAM_ENV,
  parseDuration,
  streamSettings,
} from './connection.js';

describe('stream settings from the environment', () => {
  it('parses durations with a unit, and a bare 0', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('0')).toBe(0);
    for (const bad of ['', '7', '7w', '-1d', '1.5h', 'd'])
      expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('defaults to one replica and a week of audit batches', () => {
    expect(streamSettings(readEnv('test', STREAM_ENV, {}))).toEqual(DEFAULT_STREAM_SETTINGS);
    expect(DEFAULT_STREAM_SETTINGS).toEqual({ replicas: 1, auditMaxAgeMs: 7 * 86_400_000 });
  });

  it('reads KEYHOLD_NATS_REPLICAS and KEYHOLD_AUDIT_STREAM_MAX_AGE', () => {
    const e = readEnv('test', STREAM_ENV, {
      KEYHOLD_NATS_REPLICAS: '3',
      KEYHOLD_AUDIT_STREAM_MAX_AGE: '36h',
    });
    expect(streamSettings(e)).toEqual({ replicas: 3, auditMaxAgeMs: 36 * 3_600_000 });
    expect(
      streamSettings(readEnv('test', STREAM_ENV, { KEYHOLD_AUDIT_STREAM_MAX_AGE: '0' })),
    ).toMatchObject({ auditMaxAgeMs: 0 });
  });

  it('rejects replicas outside 1-5 and ages shorter than the dedupe window, together', () => {
    let caught: unknown;
    try {
      readEnv('test', STREAM_ENV, {
        KEYHOLD_NATS_REPLICAS: '7',
        KEYHOLD_AUDIT_STREAM_MAX_AGE: '1m',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = String((caught as Error).message);
    expect(message).toContain('KEYHOLD_NATS_REPLICAS');
    expect(message).toContain('KEYHOLD_AUDIT_STREAM_MAX_AGE');
  });
});
