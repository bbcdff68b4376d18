import { randomUUID } from 'node:crypto';
import { assertExpectedVersion } from './errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadStreamOptions,
  ReadStreamResult,
} from './event-store.js';
import type { Event, RecordedEvent } from './types.js';

/** What `inTransaction` gets from the in-memory store: nothing to write to. */
export interface InMemoryTransaction {
  readonly kind: 'in-memory';
}

/** The in-memory store, plus a view of everything appended for assertions. */
export interface InMemoryEventStore extends EventStore<InMemoryTransaction> {
  /** Every recorded event in commit order. */
  all(): ReadonlyArray<RecordedEvent>;
}

/**
 * An event store in a Map, for unit tests of command handlers only; services
 * and integration tests use the Postgres store. Appends run one at a time
 * (as the Postgres store serialises them) and an `inTransaction` throw leaves
 * nothing behind.
 */
export function createInMemoryEventStore(clock: () => Date = () => new Date()): InMemoryEventStore {
  const streams = new Map<string, RecordedEvent[]>();
  const log: RecordedEvent[] = [];
  let position = 0n;
  let tail: Promise<unknown> = Promise.resolve();

  const append = async <E extends Event>(
    streamId: string,
    events: readonly E[],
    options: AppendOptions<InMemoryTransaction, E>,
  ): Promise<AppendResult<E>> => {
    const stream = streams.get(streamId) ?? [];
    assertExpectedVersion(streamId, options.expectedVersion, stream.length);
    const now = clock();
    let next = position;
    const recorded = events.map((e, i) => {
      next += 1n;
      return {
        type: e.type,
        data: e.data,
        metadata: e.metadata ?? {},
        eventId: randomUUID(),
        streamId,
        version: stream.length + i + 1,
        position: next.toString(),
        recordedAt: now,
      } as unknown as RecordedEvent<E>;
    });
    if (options.inTransaction) await options.inTransaction({ kind: 'in-memory' }, recorded);
    position = next;
    const stored = recorded as unknown as RecordedEvent[];
    streams.set(streamId, [...stream, ...stored]);
    log.push(...stored);
    return { nextExpectedVersion: stream.length + stored.length, recorded };
  };

  return {
    all: () => [...log],

    async readStream<E extends Event = Event>(
      streamId: string,
      options: ReadStreamOptions = {},
    ): Promise<ReadStreamResult<E>> {
      const events = (streams.get(streamId) ?? []) as unknown as RecordedEvent<E>[];
      const after = options.afterVersion ?? 0;
      return {
        events: events.slice(after),
        currentVersion: Math.max(events.length, after),
      };
    },

    appendToStream<E extends Event = Event>(
      streamId: string,
      events: readonly E[],
      options: AppendOptions<InMemoryTransaction, E>,
    ): Promise<AppendResult<E>> {
      const result = tail.then(() => append(streamId, events, options));
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
