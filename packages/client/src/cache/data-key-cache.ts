import { createHash } from 'node:crypto';
import { encodeEncryptionContext } from '@keyhold/envelope';
import type { EncryptionContext } from '@keyhold/envelope';

/** Limits of a {@link DataKeyCache}; each has a default. */
export interface DataKeyCacheOptions {
  /** Entries held at most; the least recently used goes first. @default 100 */
  readonly capacity?: number;
  /** An entry older than this is never used again. @default 300_000 (5 min) */
  readonly maxAgeMs?: number;
  /** Messages one data key encrypts at most. @default 10_000 */
  readonly maxMessages?: number;
  /** Plaintext bytes one data key encrypts at most. @default 2^32 (4 GiB) */
  readonly maxBytes?: number;
  /** The clock, replaceable in tests. @default Date.now */
  readonly now?: () => number;
}

/** A data key for encrypting, with what goes in the message header. */
export interface EncryptionMaterials {
  readonly dataKey: Buffer;
  readonly encryptedDataKey: Buffer;
  /** The ARN of the KMS key that encrypted the data key. */
  readonly keyId: string;
}

interface Entry {
  readonly dataKey: Buffer;
  readonly encryptedDataKey: Buffer;
  readonly keyId: string;
  readonly createdAt: number;
  messages: number;
  bytes: number;
}

function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32BE(bytes.length, 0);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}

/** Where an encrypt entry lives: the key id the caller named and the encryption context. */
export function encryptPartition(keyId: string, context: EncryptionContext): string {
  return `e:${digest([keyId, encodeEncryptionContext(context)])}`;
}

/** Where a decrypt entry lives: the header's key id, context and encrypted data key. */
export function decryptPartition(
  keyId: string,
  context: EncryptionContext,
  encryptedDataKey: Uint8Array,
): string {
  return `d:${digest([keyId, encodeEncryptionContext(context), encryptedDataKey])}`;
}

/**
 * Reuses data keys, as the AWS Encryption SDK's caching materials manager
 * does: one GenerateDataKey serves many messages under the same key id and
 * encryption context until the entry reaches its age, message or byte limit,
 * and one Decrypt of an encrypted data key serves every message carrying it
 * until the age limit. Keys handed out are copies the caller owns and
 * zeroes; the cache zeroes its own on eviction and on {@link clear}.
 */
export class DataKeyCache {
  readonly capacity: number;
  readonly maxAgeMs: number;
  readonly maxMessages: number;
  readonly maxBytes: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: DataKeyCacheOptions = {}) {
    this.capacity = options.capacity ?? 100;
    this.maxAgeMs = options.maxAgeMs ?? 300_000;
    this.maxMessages = options.maxMessages ?? 10_000;
    this.maxBytes = options.maxBytes ?? 2 ** 32;
    this.now = options.now ?? Date.now;
    for (const [name, value] of Object.entries({
      capacity: this.capacity,
      maxAgeMs: this.maxAgeMs,
      maxMessages: this.maxMessages,
      maxBytes: this.maxBytes,
    })) {
      if (!(value > 0)) throw new RangeError(`DataKeyCache ${name} must be positive`);
    }
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * A copy of the cached materials for one more message of `bytes` plaintext
   * bytes, counted against the entry's limits; undefined when there is no
   * entry or using it would break a limit.
   */
  takeForEncrypt(partition: string, bytes: number): EncryptionMaterials | undefined {
    const entry = this.live(partition);
    if (!entry) return undefined;
    if (entry.messages + 1 > this.maxMessages || entry.bytes + bytes > this.maxBytes) {
      this.evict(partition);
      return undefined;
    }
    entry.messages += 1;
    entry.bytes += bytes;
    const out = copy(entry);
    if (entry.messages >= this.maxMessages) this.evict(partition);
    return out;
  }

  /** Caches fresh materials that have just encrypted one message of `bytes` bytes. */
  putForEncrypt(partition: string, materials: EncryptionMaterials, bytes: number): void {
    if (this.maxMessages <= 1 || bytes > this.maxBytes) return;
    this.store(partition, { ...copy(materials), createdAt: this.now(), messages: 1, bytes });
  }

  /** A copy of a cached Decrypt result, or undefined. */
  getForDecrypt(partition: string): Buffer | undefined {
    const entry = this.live(partition);
    return entry ? Buffer.from(entry.dataKey) : undefined;
  }

  putForDecrypt(partition: string, dataKey: Buffer): void {
    this.store(partition, {
      dataKey: Buffer.from(dataKey),
      encryptedDataKey: Buffer.alloc(0),
      keyId: '',
      createdAt: this.now(),
      messages: 0,
      bytes: 0,
    });
  }

  /** Zeroes and drops every entry. */
  clear(): void {
    for (const key of [...this.entries.keys()]) this.evict(key);
  }

  /** The entry if it is young enough, marked most recently used. */
  private live(partition: string): Entry | undefined {
    const entry = this.entries.get(partition);
    if (!entry) return undefined;
    if (this.now() - entry.createdAt >= this.maxAgeMs) {
      this.evict(partition);
      return undefined;
    }
    this.entries.delete(partition);
    this.entries.set(partition, entry);
    return entry;
  }

  private store(partition: string, entry: Entry): void {
    this.evict(partition);
    const now = this.now();
    for (const [key, old] of this.entries) {
      if (now - old.createdAt >= this.maxAgeMs) this.evict(key);
    }
    while (this.entries.size >= this.capacity) this.evict(this.entries.keys().next().value!);
    this.entries.set(partition, entry);
  }

  private evict(partition: string): void {
    const entry = this.entries.get(partition);
    if (!entry) return;
    entry.dataKey.fill(0);
    this.entries.delete(partition);
  }
}

function copy(m: EncryptionMaterials): EncryptionMaterials {
  return {
    dataKey: Buffer.from(m.dataKey),
    encryptedDataKey: Buffer.from(m.encryptedDataKey),
    keyId: m.keyId,
  };
}
