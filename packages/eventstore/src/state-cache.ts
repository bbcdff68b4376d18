/** A stream's folded state at a version. */
export interface CachedState<State> {
  readonly version: number;
  readonly state: State;
}

/**
 * Folded states by stream, so that a command on a long stream reads and
 * folds only the events after the cached version instead of the whole
 * history. States must be immutable (deciders never mutate them). Being
 * only a starting point for the fold, a stale entry is harmless: the tail
 * read catches up and the append's version check catches the rest.
 */
export interface StateCache<State> {
  get(streamId: string): CachedState<State> | undefined;
  /** Keeps the newer of the cached and the given version. */
  set(streamId: string, entry: CachedState<State>): void;
  delete(streamId: string): void;
  readonly size: number;
}

/** An LRU {@link StateCache} of at most `maxEntries` streams. */
export function createStateCache<State>(maxEntries = 10_000): StateCache<State> {
  const entries = new Map<string, CachedState<State>>();
  return {
    get(streamId) {
      const hit = entries.get(streamId);
      if (hit) {
        // Re-insert: Map iteration order is the LRU order.
        entries.delete(streamId);
        entries.set(streamId, hit);
      }
      return hit;
    },
    set(streamId, entry) {
      const old = entries.get(streamId);
      if (old && old.version > entry.version) return;
      entries.delete(streamId);
      entries.set(streamId, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    delete(streamId) {
      entries.delete(streamId);
    },
    get size() {
      return entries.size;
    },
  };
}
