import { describe, expect, it } from 'vitest';
import { SecretScan } from './secret-scan.js';

describe('SecretScan', () => {
  const key = Buffer.from(
    '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    'hex',
  );

  it('finds a registered secret as itself, base64, base64url or hex, without printing it', () => {
    for (const line of [
      `{"plaintext":"${key.toString('base64')}"}`,
      `k=${key.toString('base64url')}`,
      `hex ${key.toString('hex').toUpperCase()}`,
    ]) {
      const scan = new SecretScan();
      scan.register(key);
      scan.scanLog('gateway', line);
      expect(() => scan.assertClean()).toThrow(
        'a registered secret leaked into: a log line of gateway',
      );
      try {
        scan.assertClean();
      } catch (err) {
        expect((err as Error).message).not.toContain(key.toString('base64'));
      }
    }
    const text = new SecretScan();
    text.register('a plaintext sentence');
    text.scanLog('crypto-worker', 'request {"p":"a plaintext sentence"}');
    expect(() => text.assertClean()).toThrow(/crypto-worker/);
  });

  it('passes clean lines and refuses secrets too short to scan for', () => {
    const scan = new SecretScan();
    scan.register(key);
    scan.scanLog('gateway', 'served Encrypt in 2 ms');
    expect(() => scan.assertClean()).not.toThrow();
    expect(() => scan.register('hi')).toThrow(/too short/);
  });
});
