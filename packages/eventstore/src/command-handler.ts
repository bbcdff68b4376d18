import { setTimeout as sleep } from 'node:timers/promises';
import { KmsError } from '@keyhold/core';
import { isStreamVersionConflictError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { StateCache } from './state-cache.js';
import type { Decider, Event, EventMetadata, RecordedEvent } from './types.js';

/** How {@link commandHandler} finds streams and retries conflicts. */
export interface CommandHandlerOptions<Command, State = unknown> {
  /** The stream a command acts on, e.g. `(c) => keyStreamId(c.data.keyId)`. */
  readonly streamId: (command: Command) => string;
  /**
   * Retries after the first attempt when the append hits a version conflict;
   * each retry reads, folds and decides again.
   * @default 3
   */
  readonly retries?: number;
  /** Delay before the first retry, with jitter. @default 100 */
  readonly minDelayMs?: number;
  /** Growth of the delay per retry. @default 1.5 */
  readonly factor?: number;
  /**
   * Folded states to start from: a command then reads only the events after
   * the cached version, so its cost does not grow with the stream's length.
   */
  readonly cache?: StateCache<State>;
}

/** Per-call hook, run in the append transaction with the state after the new events. */
export type CommandInTransaction<Tx, State, E extends Event> = (
  tx: Tx,
  recorded: ReadonlyArray<RecordedEvent<E>>,
  newState: State,
) => Promise<void>;

/** Options of one command run. */
export interface HandleOptions<Tx, State, E extends Event> {
  readonly inTransaction?: CommandInTransaction<Tx, State, E>;
  /**
   * Stored with every event the command appends (over the event's own
   * metadata), e.g. the id of the request that caused them.
   */
  readonly metadata?: EventMetadata;
}

/** What a handled command produced. */
export interface CommandResult<State, E extends Event> {
  readonly newState: State;
  /** Empty when `decide` had nothing to say (an idempotent no-op); nothing was appended then. */
  readonly newEvents: ReadonlyArray<RecordedEvent<E>>;
  readonly nextExpectedVersion: number;
}

/** Handles one command against its stream; see {@link commandHandler}. */
export type CommandHandler<Tx, State, Command, E extends Event> = (
  command: Command,
  options?: HandleOptions<Tx, State, E>,
) => Promise<CommandResult<State, E>>;

/**
 * Read the stream, fold it with `evolve`, `decide`, append with the version
 * read; on a conflict run the whole cycle again (with backoff) so that the
 * decision is always made on the latest state, never overwritten. When the
 * retries are spent the caller gets KMSInternalException, which clients retry.
 */
export function commandHandler<Tx, State, Command, E extends Event>(
  store: EventStore<Tx>,
  decider: Decider<State, Command, E>,
  options: CommandHandlerOptions<Command, State>,
): CommandHandler<Tx, State, Command, E> {
  const retries = options.retries ?? 3;
  const minDelayMs = options.minDelayMs ?? 100;
  const factor = options.factor ?? 1.5;
  const cache = options.cache;

  return async (command, handleOptions = {}) => {
    const streamId = options.streamId(command);
    for (let attempt = 0; ; attempt++) {
      const start = cache?.get(streamId);
      const { events, currentVersion } = await store.readStream<E>(
        streamId,
        start ? { afterVersion: start.version } : {},
      );
      let state = start?.state ?? decider.initialState();
      for (const e of events) state = decider.evolve(state, e as unknown as E);
      if (events.length > 0) cache?.set(streamId, { version: currentVersion, state });
      const newEvents = decider.decide(command, state);
      if (newEvents.length === 0)
        return { newState: state, newEvents: [], nextExpectedVersion: currentVersion };
      const newState = newEvents.reduce((s, e) => decider.evolve(s, e), state);
      const hook = handleOptions.inTransaction;
      const extra = handleOptions.metadata;
      const toAppend = extra
        ? newEvents.map((e) => ({ ...e, metadata: { ...e.metadata, ...extra } }))
        : newEvents;
      try {
        const appended = await store.appendToStream<E>(streamId, toAppend, {
          expectedVersion: currentVersion,
          ...(hook
            ? {
                inTransaction: (tx: Tx, recorded: ReadonlyArray<RecordedEvent<E>>) =>
                  hook(tx, recorded, newState),
              }
            : {}),
        });
        cache?.set(streamId, { version: appended.nextExpectedVersion, state: newState });
        return {
          newState,
          newEvents: appended.recorded,
          nextExpectedVersion: appended.nextExpectedVersion,
        };
      } catch (err) {
        if (!isStreamVersionConflictError(err)) throw err;
        if (attempt >= retries) throw KmsError.internal(err);
        const base = minDelayMs * factor ** attempt;
        // Jitter spreads out contenders that collided on the same version.
        await sleep(base / 2 + Math.random() * (base / 2));
      }
    }
  };
}
