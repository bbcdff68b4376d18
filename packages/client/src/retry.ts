import { isKmsError } from '@keyhold/core';

/** How a call is retried; every field has a default (see {@link DEFAULT_RETRY}). */
export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. @default 3 */
  readonly maxAttempts?: number;
  /** Cap of the first backoff; it doubles per retry. @default 100 */
  readonly baseDelayMs?: number;
  /** No backoff is longer than this. @default 5_000 */
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
};

/**
 * Whether an error may be retried: a KmsError whose code the shared error
 * table in @keyhold/core marks retryable (ThrottlingException,
 * DependencyTimeoutException, KeyUnavailableException, KMSInternalException,
 * which is also what transport failures become, ...). Anything a retry
 * cannot fix (ValidationException, NotFoundException, AccessDeniedException,
 * InvalidCiphertextException, ...) and anything not a KmsError is final.
 */
export function isRetryable(err: unknown): boolean {
  return isKmsError(err) && err.retryable;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in
 * [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))), so that clients throttled
 * together do not come back together. `retry` counts from 1.
 */
export function backoffDelay(
  retry: number,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Clock and randomness of {@link withRetries}, replaceable in tests. */
export interface RetryDeps {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const SYSTEM_RETRY_DEPS: RetryDeps = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `attempt` until it succeeds, fails with an error that is not
 * retryable, runs out of attempts, or the next backoff would end past
 * `deadline` (epoch ms): then the last error is thrown as it is.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: Required<RetryOptions>,
  deadline: number,
  deps: RetryDeps = SYSTEM_RETRY_DEPS,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= options.maxAttempts || !isRetryable(err)) throw err;
      const delay = backoffDelay(n, options, deps.random);
      if (deps.now() + delay >= deadline) throw err;
      await deps.sleep(delay);
    }
  }
}
