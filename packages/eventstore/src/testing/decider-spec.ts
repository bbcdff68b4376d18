import assert from 'node:assert/strict';
import { isKmsError } from '@keyhold/core';
import type { KmsErrorCode } from '@keyhold/core';
import type { Decider, Event } from '../types.js';

/** The last step of a spec: what `decide` must return or throw. */
export interface DeciderThen<E extends Event> {
  /** `decide` returns exactly `expected` (deep equality). */
  then(expected: readonly E[]): void;
  /** `decide` throws a KmsError with `code` (and a message equal to or matching `message`). */
  thenThrows(code: KmsErrorCode, message?: string | RegExp): void;
}

export interface DeciderWhen<Command, E extends Event> {
  when(command: Command): DeciderThen<E>;
}

export interface DeciderSpec<Command, E extends Event> {
  /** The stream's past events, folded with `evolve` from `initialState()`. */
  given(events: readonly E[]): DeciderWhen<Command, E>;
}

/**
 * given/when/then for a pure decider: state comes only from past events, so
 * `evolve` is tested through `decide`. Fails with node:assert errors, which
 * every test runner reports.
 */
export function deciderSpec<State, Command, E extends Event>(
  decider: Decider<State, Command, E>,
): DeciderSpec<Command, E> {
  return {
    given: (events) => ({
      when: (command) => {
        const run = (): E[] => {
          const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
          return decider.decide(command, state);
        };
        return {
          then: (expected) => {
            assert.deepStrictEqual(run(), expected);
          },
          thenThrows: (code, message) => {
            let thrown: unknown;
            try {
              run();
            } catch (err) {
              thrown = err;
            }
            assert.ok(thrown !== undefined, `expected decide to throw ${code}, but it returned`);
            assert.ok(isKmsError(thrown), `expected a KmsError ${code}, got ${String(thrown)}`);
            assert.equal(
              thrown.code,
              code,
              `expected ${code}, got ${thrown.code}: ${thrown.message}`,
            );
            if (typeof message === 'string') assert.equal(thrown.message, message);
            else if (message) assert.match(thrown.message, message);
          },
        };
      },
    }),
  };
}
