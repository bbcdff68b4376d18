/**
 * An immutable string-keyed map whose updates copy one bucket of a fixed
 * fan-out instead of the whole map: a key with 50,000 grants folds each new
 * grant in O(256 + n/256), not O(n), so a fold stays linear in the stream's
 * length and deciders can keep treating state as a value.
 */
export interface PersistentMap<V> {
  readonly size: number;
  readonly buckets: ReadonlyArray<ReadonlyMap<string, V> | undefined>;
}

const WIDTH = 256;
const EMPTY: PersistentMap<never> = Object.freeze({
  size: 0,
  buckets: Object.freeze(new Array<undefined>(WIDTH).fill(undefined)),
});

function slot(key: string): number {
  // FNV-1a: cheap and well spread over hex ids and names.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % WIDTH;
}

export function emptyMap<V>(): PersistentMap<V> {
  return EMPTY;
}

export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  return map.buckets[slot(key)]?.get(key);
}

export function mapSet<V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> {
  const i = slot(key);
  const bucket = new Map(map.buckets[i]);
  const had = bucket.has(key);
  bucket.set(key, value);
  const buckets = map.buckets.slice();
  buckets[i] = bucket;
  return { size: map.size + (had ? 0 : 1), buckets };
}

export function mapDelete<V>(map: PersistentMap<V>, key: string): PersistentMap<V> {
  const i = slot(key);
  const old = map.buckets[i];
  if (!old?.has(key)) return map;
  const bucket = new Map(old);
  bucket.delete(key);
  const buckets = map.buckets.slice();
  buckets[i] = bucket.size > 0 ? bucket : undefined;
  return { size: map.size - 1, buckets };
}

export function* mapValues<V>(map: PersistentMap<V>): Generator<V> {
  for (const b of map.buckets) if (b) yield* b.values();
}
