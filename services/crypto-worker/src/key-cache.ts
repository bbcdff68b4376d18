import type { Counter } from '@keyhold/core';
import type { RequestContext } from '@keyhold/proto';
import { decodeGrantToken } from '@keyhold/policy';
import type { DecisionBundle, Policy } from '@keyhold/policy';

/** A key as crypto operations need it, material unwrapped. Never logged. */
export interface ResolvedKey {
  readonly arn: string;
  readonly keyId: string;
  readonly accountId: string;
  readonly region: string;
  readonly keyState: string;
  readonly keyUsage: string;
  readonly keySpec: string;
  readonly currentMaterialVersion: number;
  /** Material version -> 32 bytes of unwrapped material. */
  readonly materials: ReadonlyMap<number, Buffer>;
  /** The key stream version key-manager read this view at (0 when unknown). */
  readonly streamVersion: number;
}

/** What a bundle fetch asks for beyond the key. */
export interface BundleFetch {
  /** The bundle must be at least this version of the key's stream. */
  readonly minVersion: number;
  /** A grant a grant token named, not in the cached bundle. */
  readonly grantId?: string;
}

export interface KeyCacheOptions {
  /** Resolves a KeyId (id, ARN, later alias) in the context's region and account. */
  readonly fetchKey: (
    keyId: string,
    context: RequestContext,
    options: { readonly anyAccount: boolean },
  ) => Promise<ResolvedKey>;
  readonly fetchBundle: (
    keyArn: string,
    context: RequestContext,
    fetch: BundleFetch,
  ) => Promise<DecisionBundle>;
  /** The caller's identity policies, parsed. */
  readonly fetchIdentityPolicies: (context: RequestContext) => Promise<readonly Policy[]>;
  /** Safety TTL; key events evict sooner. */
  readonly ttlMs: number;
  /**
   * How long a principal's identity policies are kept: no event announces a
   * change to them, so this bounds how late a change takes effect. @default 1000
   */
  readonly identityTtlMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
  readonly lookups?: Counter<'cache' | 'result'>;
}

interface CachedBundle {
  readonly bundle: DecisionBundle;
  /** Grant ids a grant token named that a fresh fetch did not find either: not fetched again. */
  readonly missing: Set<string>;
}

/** The grant id a grant token names when the token is for `keyArn` (@keyhold/policy's format). */
export function grantIdOfToken(token: string, keyArn: string): string | undefined {
  const read = decodeGrantToken(token);
  return read?.keyArn === keyArn ? read.grantId : undefined;
}

interface Entry<V> {
  readonly value: V;
  readonly keyId: string;
  readonly storedAt: number;
}

/**
 * The crypto-worker's view of keys: resolution (region, account, given id) ->
 * key ARN, key ARN -> key with unwrapped material, key ARN -> decision bundle.
 * Concurrent misses share one fetch (single-flight). Entries expire after a
 * safety TTL and are dropped on any event for their key id.
 *
 * A fetch that started before an eviction of the same key may return what
 * the key looked like before the event: its result is handed to the callers
 * already waiting but not stored, so the next request fetches again.
 */
export class KeyCache {
  readonly #options: KeyCacheOptions;
  readonly #now: () => number;
  readonly #resolutions = new Map<string, Entry<string>>();
  readonly #keys = new Map<string, Entry<ResolvedKey>>();
  readonly #bundles = new Map<string, Entry<CachedBundle>>();
  readonly #identities = new Map<string, { policies: readonly Policy[]; storedAt: number }>();
  readonly #inflight = new Map<string, Promise<unknown>>();
  /** Bumped on every eviction; a fetch remembers the value it started at. */
  #epoch = 0;
  #clearedAt = 0;
  /** Key id -> epoch of its last eviction; only fetches still running can need it. */
  readonly #evictedAt = new Map<string, number>();
  #running = 0;

  constructor(options: KeyCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The key named by `givenId` for a caller in `context`'s region and account.
   * `maxAgeMs` refuses a cached entry older than that (to look for a material
   * version newer than the cached one). `anyAccount` resolves a bare key id
   * in any account of the region: a blob names only its key id, and whether
   * another account may use that key is authorization's question, not lookup's.
   */
  async getKey(
    context: RequestContext,
    givenId: string,
    maxAgeMs?: number,
    anyAccount = false,
  ): Promise<ResolvedKey> {
    // A caller's own key is found under its account first, so that Encrypt
    // and a later Decrypt of the same key share one cache entry.
    const own = `${context.region}\0${context.accountId}\0${givenId}`;
    const any = `${context.region}\0*\0${givenId}`;
    for (const resolution of anyAccount ? [own, any] : [own]) {
      const arn = this.#fresh(this.#resolutions, resolution);
      const key = arn === undefined ? undefined : this.#fresh(this.#keys, arn.value);
      if (key && (maxAgeMs === undefined || this.#now() - key.storedAt <= maxAgeMs)) {
        this.#count('key', 'hit');
        return key.value;
      }
    }
    this.#count('key', 'miss');
    return this.#singleFlight(`k\0${anyAccount ? any : own}`, async () => {
      const started = this.#epoch;
      const fetched = await this.#options.fetchKey(givenId, context, { anyAccount });
      if (this.#current(fetched.keyId, started)) {
        const storedAt = this.#now();
        const entry = { value: fetched.arn, keyId: fetched.keyId, storedAt };
        this.#keys.set(fetched.arn, { value: fetched, keyId: fetched.keyId, storedAt });
        if (anyAccount) this.#resolutions.set(any, entry);
        if (!anyAccount || fetched.accountId === context.accountId) {
          this.#resolutions.set(own, entry);
        }
      }
      return fetched;
    });
  }

  /**
   * The decision bundle of `key`, fetched once and kept until the key's next
   * event. A grant token naming a grant the cached bundle lacks (a grant
   * created since) fetches once more, asking the authorizer to wait for it.
   */
  async getBundle(
    context: RequestContext,
    key: ResolvedKey,
    grantTokens: readonly string[] = [],
  ): Promise<DecisionBundle> {
    const cached = this.#fresh(this.#bundles, key.arn);
    let grantId: string | undefined;
    for (const token of grantTokens) {
      const id = grantIdOfToken(token, key.arn);
      if (id === undefined || cached?.value.missing.has(id)) continue;
      if (!cached || !cached.value.bundle.grants.some((g) => g.grantId === id)) grantId = id;
    }
    if (cached && grantId === undefined) {
      this.#count('bundle', 'hit');
      return cached.value.bundle;
    }
    this.#count('bundle', 'miss');
    return this.#singleFlight(`b\0${key.arn}\0${grantId ?? ''}`, async () => {
      const started = this.#epoch;
      const bundle = await this.#options.fetchBundle(key.arn, context, {
        minVersion: key.streamVersion,
        ...(grantId !== undefined ? { grantId } : {}),
      });
      const missing = new Set(cached?.value.missing);
      if (grantId !== undefined && !bundle.grants.some((g) => g.grantId === grantId)) {
        missing.add(grantId);
      }
      if (this.#current(key.keyId, started)) {
        this.#bundles.set(key.arn, {
          value: { bundle, missing },
          keyId: key.keyId,
          storedAt: this.#now(),
        });
      }
      return bundle;
    });
  }

  /** The caller's identity policies, kept for at most `identityTtlMs`. */
  async getIdentityPolicies(context: RequestContext): Promise<readonly Policy[]> {
    const principal = context.principalArn;
    const cached = this.#identities.get(principal);
    if (cached && this.#now() - cached.storedAt < (this.#options.identityTtlMs ?? 1_000)) {
      return cached.policies;
    }
    return this.#singleFlight(`i\0${principal}`, async () => {
      const policies = await this.#options.fetchIdentityPolicies(context);
      if (this.#identities.size >= 10_000) this.#identities.clear();
      this.#identities.set(principal, { policies, storedAt: this.#now() });
      return policies;
    });
  }

  /** Drops everything cached for `keyId` (material, resolutions, bundle). */
  evictKey(keyId: string): void {
    this.#epoch += 1;
    this.#evictedAt.set(keyId, this.#epoch);
    // Key events are rare next to requests, so a scan beats keeping reverse indexes in step.
    for (const map of [this.#resolutions, this.#keys, this.#bundles] as Map<
      string,
      Entry<unknown>
    >[]) {
      for (const [k, entry] of map) if (entry.keyId === keyId) map.delete(k);
    }
    // Callers arriving from now on must not join a fetch that may predate the event.
    this.#inflight.clear();
  }

  /** Drops everything, e.g. after a NATS reconnect during which events may have been missed. */
  clear(): void {
    this.#epoch += 1;
    this.#clearedAt = this.#epoch;
    this.#evictedAt.clear();
    this.#resolutions.clear();
    this.#keys.clear();
    this.#bundles.clear();
    this.#identities.clear();
    this.#inflight.clear();
  }

  /** How many keys hold unwrapped material right now. */
  get size(): number {
    return this.#keys.size;
  }

  #current(keyId: string, startedAt: number): boolean {
    return this.#clearedAt <= startedAt && (this.#evictedAt.get(keyId) ?? 0) <= startedAt;
  }

  #fresh<V>(map: Map<string, Entry<V>>, key: string): Entry<V> | undefined {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (this.#now() - entry.storedAt >= this.#options.ttlMs) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  #singleFlight<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.#inflight.get(key);
    if (running) return running as Promise<T>;
    this.#running += 1;
    const promise = load().finally(() => {
      if (this.#inflight.get(key) === promise) this.#inflight.delete(key);
      this.#running -= 1;
      if (this.#running === 0) this.#evictedAt.clear();
    });
    this.#inflight.set(key, promise);
    return promise;
  }

  #count(cache: 'key' | 'bundle', result: 'hit' | 'miss'): void {
    this.#options.lookups?.inc({ cache, result });
  }
}
