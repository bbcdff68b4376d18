import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KMS_ERRORS, KmsError } from '@keyhold/core';
import type { KmsErrorCode } from '@keyhold/core';
import { DEFAULT_RETRY, backoffDelay, isRetryable, withRetries } from './retry.js';
import type { RetryDeps } from './retry.js';

function fakeDeps(random = 0.5) {
  const state = { t: 0, sleeps: [] as number[] };
  const deps: RetryDeps = {
    now: () => state.t,
    sleep: (ms) => {
      state.sleeps.push(ms);
      state.t += ms;
      return Promise.resolve();
    },
    random: () => random,
  };
  return { state, deps };
}

/** An attempt function failing with the given codes in turn, then answering 'ok'. */
function failing(...codes: KmsErrorCode[]) {
  const calls: number[] = [];
  const fn = (n: number) => {
    calls.push(n);
    const code = codes[n - 1];
    return code ? Promise.reject(new KmsError(code, code)) : Promise.resolve('ok');
  };
  return { fn, calls };
}

describe('retry classification', () => {
  it.each([
    'ThrottlingException',
    'DependencyTimeoutException',
    'KeyUnavailableException',
    'KMSInternalException',
  ] as const)('retries %s', (code) => {
    expect(isRetryable(new KmsError(code, ''))).toBe(true);
  });

  it.each([
    'ValidationException',
    'NotFoundException',
    'AccessDeniedException',
    'InvalidCiphertextException',
    'IncorrectKeyException',
    'DisabledException',
    'KMSInvalidStateException',
    'InvalidSignatureException',
    'LimitExceededException',
  ] as const)('never retries %s', (code) => {
    expect(isRetryable(new KmsError(code, ''))).toBe(false);
  });

  it('follows the shared error table for every code, and never retries a non-KmsError', () => {
    for (const [code, row] of Object.entries(KMS_ERRORS)) {
      expect(isRetryable(new KmsError(code as KmsErrorCode, ''))).toBe(row.retryable);
    }
    expect(isRetryable(new Error('ECONNRESET'))).toBe(false);
  });
});

describe('backoff', () => {
  it('draws full jitter below a doubling ceiling capped at maxDelayMs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const ceiling = Math.min(
            DEFAULT_RETRY.maxDelayMs,
            DEFAULT_RETRY.baseDelayMs * 2 ** (retry - 1),
          );
          const d = backoffDelay(retry, DEFAULT_RETRY, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(ceiling);
        },
      ),
    );
    const nearlyOne = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_RETRY, nearlyOne))).toEqual([
      99, 199, 399, 799,
    ]);
    expect(backoffDelay(20, DEFAULT_RETRY, nearlyOne)).toBe(4999);
  });
});

describe('withRetries', () => {
  it('retries retryable errors with backoff until an attempt succeeds', async () => {
    const { state, deps } = fakeDeps();
    const { fn, calls } = failing('ThrottlingException', 'DependencyTimeoutException');
    await expect(withRetries(fn, DEFAULT_RETRY, 60_000, deps)).resolves.toBe('ok');
    expect(calls).toEqual([1, 2, 3]);
    expect(state.sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { deps } = fakeDeps();
    const { fn, calls } = failing(
      'ThrottlingException',
      'ThrottlingException',
      'KMSInternalException',
    );
    await expect(withRetries(fn, DEFAULT_RETRY, 60_000, deps)).rejects.toMatchObject({
      code: 'KMSInternalException',
    });
    expect(calls).toEqual([1, 2, 3]);
  });

  it('fails at once on an error a retry cannot fix', async () => {
    const { state, deps } = fakeDeps();
    const { fn, calls } = failing('NotFoundException');
    await expect(withRetries(fn, DEFAULT_RETRY, 60_000, deps)).rejects.toMatchObject({
      code: 'NotFoundException',
    });
    expect(calls).toEqual([1]);
    expect(state.sleeps).toEqual([]);
  });

  it('does not sleep past the deadline', async () => {
    const { deps } = fakeDeps();
    const { fn, calls } = failing('ThrottlingException', 'ThrottlingException');
    await expect(withRetries(fn, DEFAULT_RETRY, 60, deps)).rejects.toMatchObject({
      code: 'ThrottlingException',
    });
    // The first backoff (50 ms) fits before 60, the second (100 ms) does not.
    expect(calls).toEqual([1, 2]);
  });

  it('does not retry when maxAttempts is 1', async () => {
    const { deps } = fakeDeps();
    const { fn, calls } = failing('ThrottlingException');
    await expect(
      withRetries(fn, { ...DEFAULT_RETRY, maxAttempts: 1 }, 60_000, deps),
    ).rejects.toThrow();
    expect(calls).toEqual([1]);
  });
});
