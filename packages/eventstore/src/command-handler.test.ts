import { describe, expect, it } from 'vitest';
import { KmsError, isKmsError } from '@keyhold/core';
import { commandHandler } from './command-handler.js';
import { StreamVersionConflictError, isStreamVersionConflictError } from './errors.js';
import type { EventStore } from './event-store.js';
import { createInMemoryEventStore } from './in-memory-event-store.js';
import { createStateCache } from './state-cache.js';
import type { InMemoryTransaction } from './in-memory-event-store.js';
import type { Decider, Event } from './types.js';

type Incremented = Event<'Incremented', { value: number }>;
type Command =
  | { type: 'Increment'; data: { id: string } }
  | { type: 'Reject'; data: { id: string } }
  | { type: 'Noop'; data: { id: string } };
type State = { value: number };

const counter: Decider<State, Command, Incremented> = {
  initialState: () => ({ value: 0 }),
  evolve: (state, event) => (event.type === 'Incremented' ? { value: event.data.value } : state),
  decide: (command, state) => {
    switch (command.type) {
      case 'Increment':
        return [{ type: 'Incremented', data: { value: state.value + 1 } }];
      case 'Reject':
        throw KmsError.validation('no');
      case 'Noop':
        return [];
    }
  },
};

const options = { streamId: (c: Command) => `counter-${c.data.id}`, minDelayMs: 1 };
const inc = (id = 'a'): Command => ({ type: 'Increment', data: { id } });

describe('commandHandler', () => {
  it('reads, folds, decides and appends with the version read', async () => {
    const store = createInMemoryEventStore();
    const handle = commandHandler(store, counter, options);
    await handle(inc());
    const result = await handle(inc());
    expect(result.newState).toEqual({ value: 2 });
    expect(result.nextExpectedVersion).toBe(2);
    expect(result.newEvents.map((e) => [e.type, e.data, e.version])).toEqual([
      ['Incremented', { value: 2 }, 2],
    ]);
    const { events } = await store.readStream<Incremented>('counter-a');
    expect(events.map((e) => e.data.value)).toEqual([1, 2]);
  });

  it('passes a rejection through and appends nothing', async () => {
    const store = createInMemoryEventStore();
    const handle = commandHandler(store, counter, options);
    await expect(handle({ type: 'Reject', data: { id: 'a' } })).rejects.toMatchObject({
      code: 'ValidationException',
    });
    expect(store.all()).toHaveLength(0);
  });

  it('appends nothing when decide returns no events', async () => {
    const store = createInMemoryEventStore();
    const result = await commandHandler(
      store,
      counter,
      options,
    )({ type: 'Noop', data: { id: 'a' } });
    expect(result.newEvents).toEqual([]);
    expect(store.all()).toHaveLength(0);
  });

  it('retries the whole cycle on a conflict and decides on the newer state', async () => {
    const inner = createInMemoryEventStore();
    let interfered = false;
    // Another writer appends between our read and our append, once.
    const store: EventStore<InMemoryTransaction> = {
      readStream: async (id) => {
        const read = await inner.readStream(id);
        if (!interfered) {
          interfered = true;
          await inner.appendToStream(id, [{ type: 'Incremented', data: { value: 100 } }], {
            expectedVersion: 'any',
          });
        }
        return read as never;
      },
      appendToStream: (id, events, opts) => inner.appendToStream(id, events, opts),
    };
    const result = await commandHandler(store, counter, options)(inc());
    expect(result.newState).toEqual({ value: 101 });
    const { events } = await inner.readStream<Incremented>('counter-a');
    expect(events.map((e) => [e.version, e.data.value])).toEqual([
      [1, 100],
      [2, 101],
    ]);
  });

  it('gives up with KMSInternalException after the retries', async () => {
    const inner = createInMemoryEventStore();
    let appends = 0;
    const store: EventStore<InMemoryTransaction> = {
      readStream: (id) => inner.readStream(id),
      appendToStream: async (id, _events, opts) => {
        appends++;
        throw new StreamVersionConflictError(id, opts.expectedVersion, 7);
      },
    };
    const err: unknown = await commandHandler(store, counter, { ...options, retries: 2 })(
      inc(),
    ).catch((e) => e);
    expect(isKmsError(err, 'KMSInternalException')).toBe(true);
    expect(isStreamVersionConflictError((err as Error).cause)).toBe(true);
    expect(appends).toBe(3);
  });

  it('runs inTransaction with the new state and rolls back when it throws', async () => {
    const store = createInMemoryEventStore();
    const handle = commandHandler(store, counter, options);
    const seen: unknown[] = [];
    await handle(inc(), {
      inTransaction: async (_tx, recorded, state) => {
        seen.push(recorded.length, state);
      },
    });
    expect(seen).toEqual([1, { value: 1 }]);
    await expect(
      handle(inc(), {
        inTransaction: async () => {
          throw new Error('projection failed');
        },
      }),
    ).rejects.toThrow('projection failed');
    expect((await store.readStream('counter-a')).currentVersion).toBe(1);
  });

  it('stores the metadata of a run with every event it appends', async () => {
    const store = createInMemoryEventStore();
    const handle = commandHandler(store, counter, options);
    await handle(inc(), { metadata: { requestId: 'req-1' } });
    await handle(inc());
    const { events } = await store.readStream<Incremented>('counter-a');
    expect(events.map((e) => e.metadata)).toEqual([{ requestId: 'req-1' }, {}]);
  });

  it('serialises concurrent handlers on one stream without losing an update', async () => {
    const store = createInMemoryEventStore();
    const handle = commandHandler(store, counter, { ...options, retries: 50 });
    await Promise.all(Array.from({ length: 20 }, () => handle(inc())));
    const { events } = await store.readStream<Incremented>('counter-a');
    expect(events.map((e) => e.data.value)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('starts from the cached state and reads only the tail', async () => {
    const inner = createInMemoryEventStore();
    const reads: Array<number | undefined> = [];
    const store: EventStore<InMemoryTransaction> = {
      readStream: (id, opts) => {
        reads.push(opts?.afterVersion);
        return inner.readStream(id, opts);
      },
      appendToStream: (id, events, opts) => inner.appendToStream(id, events, opts),
    };
    const cache = createStateCache<State>(10);
    const handle = commandHandler(store, counter, { ...options, cache });
    await handle(inc());
    await handle(inc());
    // Someone else (another replica) appends: the tail read picks it up.
    await inner.appendToStream('counter-a', [{ type: 'Incremented', data: { value: 50 } }], {
      expectedVersion: 2,
    });
    const result = await handle(inc());
    expect(result.newState).toEqual({ value: 51 });
    expect(reads).toEqual([undefined, 1, 2]);
    expect(cache.get('counter-a')).toEqual({ version: 4, state: { value: 51 } });
  });

  it('evicts the least recently used stream and never goes back in version', () => {
    const cache = createStateCache<number>(2);
    cache.set('a', { version: 1, state: 1 });
    cache.set('b', { version: 1, state: 1 });
    cache.get('a');
    cache.set('c', { version: 1, state: 1 });
    expect([cache.get('a'), cache.get('b')]).toEqual([{ version: 1, state: 1 }, undefined]);
    cache.set('a', { version: 5, state: 5 });
    cache.set('a', { version: 3, state: 3 });
    expect(cache.get('a')).toEqual({ version: 5, state: 5 });
  });
});
