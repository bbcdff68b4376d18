import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A bad keyring document, a bad keyring source, or wrapped material that does
 * not authenticate. Messages never quote key bytes or the document.
 */
export class KeyringError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KeyringError';
  }
}

/** The JSON document of a root keyring, as in `KEYHOLD_ROOT_KEYRING`. */
export interface KeyringDocument {
  /** The root key version new material is wrapped under. */
  readonly current: number;
  /** Root key versions to base64 of 32 random bytes; old versions stay for unwrapping. */
  readonly keys: Readonly<Record<string, string>>;
}

/*
 * Wrapped material (all integers big-endian):
 *   u8  wrap format = 0x01
 *   u32 root key version
 *   12B IV
 *   ... AES-256-GCM ciphertext
 *   16B tag
 * AAD = label || the first five bytes || the caller's associated data, so the
 * named root version cannot be swapped and material can be bound to its key.
 */
const WRAP_FORMAT = 0x01;
const ROOT_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX_BYTES = 5;
const MAX_VERSION = 0xffffffff;
const WRAP_LABEL = Buffer.from('keyhold/root/v1\0', 'utf8');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Versioned root keys that wrap key material (AES-256-GCM). New material is
 * wrapped under the current version; unwrapping uses the version the wrapped
 * bytes name, so rotating the root key leaves old material readable. The raw
 * root keys cannot be read back and never show in JSON, strings or inspect.
 */
export class RootKeyring {
  readonly #keys: ReadonlyMap<number, Buffer>;
  /** The root key version {@link wrap} uses. */
  readonly currentVersion: number;

  /** @internal use {@link parseKeyring} or {@link loadKeyring}. */
  constructor(currentVersion: number, keys: ReadonlyMap<number, Buffer>) {
    if (!keys.has(currentVersion))
      throw new KeyringError('current root key version is not in the keyring');
    this.currentVersion = currentVersion;
    this.#keys = keys;
  }

  /** Every root key version held, ascending. */
  get versions(): readonly number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /**
   * Wraps `material` under the current root key. `associatedData` (e.g. the
   * key id and material version) must be given again to {@link unwrap}.
   */
  wrap(material: Uint8Array, associatedData: Uint8Array = Buffer.alloc(0)): Buffer {
    if (material.length < 1) throw new KeyringError('nothing to wrap');
    const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
    prefix.writeUInt8(WRAP_FORMAT, 0);
    prefix.writeUInt32BE(this.currentVersion, 1);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.currentVersion)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.concat([WRAP_LABEL, prefix, associatedData]));
    const body = Buffer.concat([cipher.update(material), cipher.final()]);
    return Buffer.concat([prefix, iv, body, cipher.getAuthTag()]);
  }

  /**
   * Unwraps material wrapped by {@link wrap} under any root version held.
   *
   * @throws KeyringError when the bytes are malformed, name an unknown root
   * version, were tampered with, or `associatedData` differs.
   */
  unwrap(wrapped: Uint8Array, associatedData: Uint8Array = Buffer.alloc(0)): Buffer {
    const w = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
    if (w.length < PREFIX_BYTES + IV_BYTES + 1 + TAG_BYTES || w[0] !== WRAP_FORMAT) {
      throw new KeyringError('wrapped key material is malformed');
    }
    const version = w.readUInt32BE(1);
    const root = this.#keys.get(version);
    if (!root)
      throw new KeyringError(
        `wrapped key material names root key version ${version}, which is not in the keyring`,
      );
    const iv = w.subarray(PREFIX_BYTES, PREFIX_BYTES + IV_BYTES);
    const body = w.subarray(PREFIX_BYTES + IV_BYTES, w.length - TAG_BYTES);
    let out: Buffer | undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', root, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.concat([WRAP_LABEL, w.subarray(0, PREFIX_BYTES), associatedData]));
      decipher.setAuthTag(w.subarray(w.length - TAG_BYTES));
      out = decipher.update(body);
      decipher.final();
      return out;
    } catch {
      out?.fill(0);
      throw new KeyringError('wrapped key material failed authentication');
    }
  }

  /** The version of the root key that wrapped `wrapped`, e.g. to find material to re-wrap. */
  static rootVersionOf(wrapped: Uint8Array): number | undefined {
    if (wrapped.length < PREFIX_BYTES || wrapped[0] !== WRAP_FORMAT) return undefined;
    return Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength).readUInt32BE(1);
  }

  toJSON(): { currentVersion: number; versions: readonly number[] } {
    return { currentVersion: this.currentVersion, versions: this.versions };
  }

  toString(): string {
    return `RootKeyring(current=${this.currentVersion}, versions=[${this.versions.join(',')}])`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

function isStrictBase64(s: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0;
}

/**
 * Parses and validates a keyring document: `current` names a held version,
 * versions are integers 1..2^32-1, each key is base64 of exactly 32 bytes.
 *
 * @throws KeyringError listing every problem (never the key bytes).
 */
export function parseKeyring(json: string): RootKeyring {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    // JSON.parse messages quote the input, which holds the keys.
    throw new KeyringError('root keyring is not valid JSON');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new KeyringError('root keyring must be a JSON object {"current": n, "keys": {...}}');
  }
  const { current, keys } = doc as { current?: unknown; keys?: unknown };
  const problems: string[] = [];
  if (
    typeof current !== 'number' ||
    !Number.isInteger(current) ||
    current < 1 ||
    current > MAX_VERSION
  ) {
    problems.push('"current" must be an integer from 1 to 4294967295');
  }
  const held = new Map<number, Buffer>();
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
    problems.push('"keys" must be an object of version to base64 key');
  } else {
    for (const [name, value] of Object.entries(keys)) {
      const version = Number(name);
      if (!/^[1-9][0-9]{0,9}$/.test(name) || version > MAX_VERSION) {
        problems.push(`key version "${name}" must be an integer from 1 to 4294967295`);
        continue;
      }
      if (typeof value !== 'string' || !isStrictBase64(value)) {
        problems.push(`key version ${name} must be a base64 string`);
        continue;
      }
      const bytes = Buffer.from(value, 'base64');
      if (bytes.length !== ROOT_KEY_BYTES) {
        problems.push(
          `key version ${name} must decode to ${ROOT_KEY_BYTES} bytes, got ${bytes.length}`,
        );
        continue;
      }
      held.set(version, bytes);
    }
    if (Object.keys(keys).length === 0) problems.push('"keys" must hold at least one key');
  }
  if (problems.length === 0 && typeof current === 'number' && !held.has(current)) {
    problems.push(`"current" is ${current} but there is no key with that version`);
  }
  if (problems.length > 0) {
    for (const b of held.values()) b.fill(0);
    throw new KeyringError(`invalid root keyring: ${problems.join('; ')}`);
  }
  return new RootKeyring(current as number, held);
}

/** Where a keyring comes from: exactly one of the two. */
export interface KeyringSource {
  /** The JSON document itself (`KEYHOLD_ROOT_KEYRING`). */
  readonly inline?: string | undefined;
  /** A path to the JSON document (`KEYHOLD_ROOT_KEYRING_FILE`). */
  readonly file?: string | undefined;
}

/**
 * Loads a keyring from inline JSON or from a file (read synchronously, once,
 * at start-up: the one I/O in this package).
 *
 * @throws KeyringError when neither or both are given, the file cannot be
 * read, or the document is invalid.
 */
export function loadKeyring(source: KeyringSource): RootKeyring {
  const hasInline = source.inline !== undefined && source.inline.trim() !== '';
  const hasFile = source.file !== undefined && source.file.trim() !== '';
  if (hasInline === hasFile) {
    throw new KeyringError(
      'exactly one of an inline root keyring or a root keyring file is required',
    );
  }
  if (hasInline) return parseKeyring(source.inline!);
  let text: string;
  try {
    text = readFileSync(source.file!, 'utf8');
  } catch (err) {
    throw new KeyringError(`cannot read root keyring file ${source.file!}`, { cause: err });
  }
  return parseKeyring(text);
}
