import type { ExpectedVersion } from './types.js';

const CONFLICT_MARK = Symbol.for('keyhold.StreamVersionConflictError');

/**
 * An append found the stream at another version than expected: someone else
 * appended in between. Command handlers retry the whole read-decide-append
 * cycle on it; it never reaches a client as such.
 */
export class StreamVersionConflictError extends Error {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  /** The version found, when known (a unique-index violation does not tell). */
  readonly actualVersion: number | undefined;
  readonly [CONFLICT_MARK] = true;

  constructor(
    streamId: string,
    expectedVersion: ExpectedVersion,
    actualVersion: number | undefined,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamId} expected at version ${String(expectedVersion)} but found ${
        actualVersion === undefined ? 'a newer one' : String(actualVersion)
      }`,
      options,
    );
    this.name = 'StreamVersionConflictError';
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** Duck-typed check that survives duplicate module copies. */
export function isStreamVersionConflictError(err: unknown): err is StreamVersionConflictError {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as Record<symbol, unknown>)[CONFLICT_MARK] === true
  );
}

/** Throws {@link StreamVersionConflictError} unless `current` satisfies `expected`. */
export function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  current: number,
): void {
  if (expected === 'any') return;
  const want = expected === 'no_stream' ? 0 : expected;
  if (want !== current) throw new StreamVersionConflictError(streamId, expected, current);
}
