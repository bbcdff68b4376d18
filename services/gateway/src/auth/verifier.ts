import { KmsError, isKmsError } from '@keyhold/core';
import {
  SERVICE,
  assertSignature,
  checkSignedDate,
  stringToSign,
  unrecognizedClient,
} from '@keyhold/core/sigv4';
import type { ParsedAuthorization, SignableRequest } from '@keyhold/core/sigv4';

/** The authenticated caller. */
export interface Caller {
  readonly accountId: string;
  readonly principalArn: string;
  readonly accessKeyId: string;
  /** The service principal name when the access key is a service's (principalArn is it too). */
  readonly servicePrincipal?: string;
}

export interface AuthenticateRequest {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

/**
 * Asks the authority (policy-authorizer) for the caller and the signing key
 * derived for (date, region, service). Resolves undefined, or rejects with
 * UnrecognizedClientException, for an unknown access key.
 */
export type AuthenticateFn = (
  request: AuthenticateRequest,
) => Promise<{ readonly caller: Caller; readonly signingKey: Uint8Array } | undefined>;

export interface VerifierOptions {
  readonly authenticate: AuthenticateFn;
  /** @default Date.now */
  readonly now?: () => number;
  /** How long a derived signing key is reused. @default 300_000 */
  readonly cacheTtlMs?: number;
  /** How long an unknown access key is remembered as unknown. @default 5_000 */
  readonly negativeTtlMs?: number;
  /** Bounds memory against floods of made-up access keys. @default 10_000 */
  readonly maxEntries?: number;
  /** Regions served; a credential scoped to another is rejected. Empty (the default): any. */
  readonly regions?: readonly string[];
}

type Entry =
  | {
      readonly kind: 'known';
      readonly caller: Caller;
      readonly signingKey: Uint8Array;
      readonly expiresAt: number;
    }
  | { readonly kind: 'unknown'; readonly expiresAt: number };

const ACCESS_KEY_ID = /^[A-Za-z0-9_+=,.@-]{1,128}$/;

/**
 * Verifies SigV4 signatures. Signing keys are cached per (access key, date,
 * region) so that the authorizer is asked once per key and day, not per
 * request; concurrent misses share one call.
 */
export class SigV4Verifier {
  private readonly authenticate: AuthenticateFn;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly maxEntries: number;
  private readonly regions: ReadonlySet<string>;
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  /** Bumped by every eviction: a lookup that started before one must not cache its answer. */
  private generation = 0;

  constructor(options: VerifierOptions) {
    this.authenticate = options.authenticate;
    this.now = options.now ?? Date.now;
    this.ttlMs = options.cacheTtlMs ?? 300_000;
    this.negativeTtlMs = options.negativeTtlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.regions = new Set(options.regions ?? []);
  }

  /** Resolves with the caller, or rejects with the AWS authentication error. */
  async verify(auth: ParsedAuthorization, request: SignableRequest): Promise<Caller> {
    // What AWS answers a credential scoped to a region its endpoint does not serve.
    if (this.regions.size > 0 && !this.regions.has(auth.region)) {
      throw new KmsError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid region, not '${auth.region}'.`,
      );
    }
    const amzDate = checkSignedDate(auth, request.headers['x-amz-date']?.[0], this.now());
    if (!ACCESS_KEY_ID.test(auth.accessKeyId)) throw unrecognizedClient();
    // A cache hit (nearly every request) is answered without a promise.
    const key = `${auth.accessKeyId}\n${auth.date}\n${auth.region}`;
    const cached = this.cache.get(key);
    const entry =
      cached !== undefined && cached.expiresAt > this.now() ? cached : await this.lookup(key, auth);
    if (entry.kind === 'unknown') throw unrecognizedClient();
    assertSignature(entry.signingKey, stringToSign(request, auth, amzDate), auth.signature);
    return entry.caller;
  }

  /**
   * Forgets what is cached for an access key (every date and region) and for
   * every key of a principal, so that the next request asks the authority:
   * a deactivated or deleted key is rejected from then on. Naming neither
   * forgets everything (changes may have been missed).
   */
  evict(change: { readonly accessKeyId?: string; readonly principalArn?: string }): void {
    this.generation += 1;
    this.inflight.clear();
    if (change.accessKeyId === undefined && change.principalArn === undefined) {
      this.cache.clear();
      return;
    }
    const keyPrefix = change.accessKeyId ? `${change.accessKeyId}\n` : undefined;
    for (const [key, entry] of this.cache) {
      if (
        (keyPrefix !== undefined && key.startsWith(keyPrefix)) ||
        (change.principalArn !== undefined &&
          entry.kind === 'known' &&
          entry.caller.principalArn === change.principalArn)
      ) {
        this.cache.delete(key);
      }
    }
  }

  /** Number of cached entries (known and unknown). */
  get size(): number {
    return this.cache.size;
  }

  /** Asks the authority on a miss (verify found no unexpired entry under `key`). */
  private async lookup(key: string, auth: ParsedAuthorization): Promise<Entry> {
    this.cache.delete(key);
    let pending = this.inflight.get(key);
    if (!pending) {
      const generation = this.generation;
      const fetched = this.fetch(auth);
      pending = fetched.finally(() => {
        if (this.inflight.get(key) === pending) this.inflight.delete(key);
      });
      this.inflight.set(key, pending);
      const entry = await pending;
      // An eviction while asking may have made this answer stale: use it once, keep it not.
      if (generation === this.generation) this.store(key, entry);
      return entry;
    }
    return pending;
  }

  private async fetch(auth: ParsedAuthorization): Promise<Entry> {
    try {
      const res = await this.authenticate({
        accessKeyId: auth.accessKeyId,
        date: auth.date,
        region: auth.region,
        service: SERVICE,
      });
      if (res === undefined || res.signingKey.length === 0) {
        return { kind: 'unknown', expiresAt: this.now() + this.negativeTtlMs };
      }
      return {
        kind: 'known',
        caller: res.caller,
        signingKey: res.signingKey,
        expiresAt: this.now() + this.ttlMs,
      };
    } catch (err) {
      if (isKmsError(err, 'UnrecognizedClientException') || isKmsError(err, 'NotFoundException')) {
        return { kind: 'unknown', expiresAt: this.now() + this.negativeTtlMs };
      }
      // Authority unreachable and the like: not cached, the next request asks again.
      throw err;
    }
  }

  private store(key: string, entry: Entry): void {
    if (this.cache.size >= this.maxEntries) {
      // Map iteration is insertion order: drop the oldest entry.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, entry);
  }
}
