import type { Event, ExpectedVersion, RecordedEvent } from './types.js';

/** A stream as read: its events in order and the version of the last one (0 when empty). */
export interface ReadStreamResult<E extends Event = Event> {
  readonly events: ReadonlyArray<RecordedEvent<E>>;
  readonly currentVersion: number;
}

/**
 * Runs inside the append's transaction, after the events are written: any
 * write through `tx` commits with them or not at all, and a throw rolls the
 * whole append back (and reaches the caller of `appendToStream`).
 */
export type InTransaction<Tx, E extends Event = Event> = (
  tx: Tx,
  recorded: ReadonlyArray<RecordedEvent<E>>,
) => Promise<void>;

export interface AppendOptions<Tx, E extends Event = Event> {
  readonly expectedVersion: ExpectedVersion;
  /** Projections, cross-stream uniqueness, side tables: committed atomically with the events. */
  readonly inTransaction?: InTransaction<Tx, E>;
}

export interface AppendResult<E extends Event = Event> {
  /** The stream's version after the append: pass it as the next `expectedVersion`. */
  readonly nextExpectedVersion: number;
  readonly recorded: ReadonlyArray<RecordedEvent<E>>;
}

/**
 * An append-only log of streams with optimistic concurrency. `Tx` is what
 * `inTransaction` callbacks get: a Postgres transaction for the Postgres
 * store.
 */
/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /**
   * Only events after this version: a caller holding the state at a version
   * reads just the tail. `currentVersion` is then at least `afterVersion`.
   * @default 0
   */
  readonly afterVersion?: number;
}

export interface EventStore<Tx = unknown> {
  readStream<E extends Event = Event>(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<ReadStreamResult<E>>;
  /**
   * Appends `events` after checking `expectedVersion`.
   * @throws StreamVersionConflictError when the stream moved on.
   */
  appendToStream<E extends Event = Event>(
    streamId: string,
    events: readonly E[],
    options: AppendOptions<Tx, E>,
  ): Promise<AppendResult<E>>;
}
