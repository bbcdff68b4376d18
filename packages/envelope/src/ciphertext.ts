import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { KmsError, isKeyId, memoize } from '@keyhold/core';
import { encodeEncryptionContext } from './encryption-context.js';
import type { EncryptionContext } from './encryption-context.js';
import { hkdfSha256 } from './kdf.js';

/*
 * Ciphertext blob, format v1 (all integers big-endian):
 *
 *   u8   format version = 0x01
 *   u8   key id kind: 0x01 = UUID, 16 raw bytes follow
 *                     0x02 = text id (e.g. mrk-<hex>), u8 length (1..255) then ASCII
 *   ...  key id
 *   u32  key material version (>= 1)
 *   32B  derivation nonce
 *   12B  AES-GCM IV
 *   ...  AES-256-GCM ciphertext (same length as the plaintext)
 *   16B  GCM tag
 *
 * Everything before the ciphertext is the header. Each blob is sealed under
 * its own key, HKDF-SHA256(material, salt = nonce, info = label || header),
 * as AWS KMS derives a fresh key per request from the backing key and a
 * random nonce: no material version ever nears GCM's 2^32 random-IV limit.
 * AAD = header || canonical encryption context, so any change to the header
 * (key id, version, nonce, IV) or to the context fails authentication. The
 * blob names no region so multi-Region replicas can decrypt it.
 */

/** The only format this version of the package writes and reads. */
export const FORMAT_VERSION = 1;
/** AWS's limit on Encrypt's Plaintext. */
export const MAX_PLAINTEXT_BYTES = 4096;
/** AWS's limit on Decrypt's CiphertextBlob; every v1 blob of a valid plaintext fits. */
export const MAX_BLOB_BYTES = 6144;
/** Size of key material and of each derived key (AES-256). */
export const MATERIAL_BYTES = 32;

const KIND_UUID = 0x01;
const KIND_TEXT = 0x02;
const NONCE_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_MATERIAL_VERSION = 0xffffffff;
const TEXT_ID = /^[A-Za-z0-9_-]{1,255}$/;
const KDF_LABEL = Buffer.from('keyhold/v1\0', 'utf8');
/** The smallest possible header (UUID id) plus the tag. */
const MIN_BLOB_BYTES = 2 + 16 + 4 + NONCE_BYTES + IV_BYTES + TAG_BYTES;

/** What the cleartext header of a blob says. */
export interface CiphertextHeader {
  readonly formatVersion: number;
  /** The key id (a lowercase UUID, or a text id such as `mrk-…`). */
  readonly keyId: string;
  readonly materialVersion: number;
}

interface ParsedHeader extends CiphertextHeader {
  readonly headerLength: number;
  readonly nonce: Buffer;
  readonly iv: Buffer;
}

/** Arguments of {@link encrypt}. */
export interface EncryptInput {
  /** The key id written into the header (not the ARN: the blob names no region). */
  readonly keyId: string;
  /** Which material version `material` is; written into the header. */
  readonly materialVersion: number;
  /** The 32 bytes of unwrapped key material. */
  readonly material: Uint8Array;
  /** 0..4096 bytes. */
  readonly plaintext: Uint8Array;
  readonly encryptionContext?: EncryptionContext | undefined;
}

/** Arguments of {@link decrypt}. */
export interface DecryptInput {
  readonly blob: Uint8Array;
  /** The material of the key and version named in the blob's header. */
  readonly material: Uint8Array;
  readonly encryptionContext?: EncryptionContext | undefined;
}

// Random bytes are drawn from a pooled buffer, refilled when used up: one
// getrandom call per ~90 blobs instead of one per blob. Bytes are never reused.
const POOL = Buffer.allocUnsafe(4096);
let poolAt = POOL.length;
function randomBytesFromPool(n: number): Buffer {
  if (poolAt + n > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const out = Buffer.from(POOL.subarray(poolAt, poolAt + n));
  POOL.fill(0, poolAt, poolAt + n);
  poolAt += n;
  return out;
}

/**
 * The key id's bytes in the header, remembered by id (every blob of a key
 * starts with the same bytes); callers copy them, never write to them.
 */
const encodeKeyId = memoize((keyId: string): Buffer => {
  if (isKeyId(keyId)) {
    const out = Buffer.allocUnsafe(17);
    out[0] = KIND_UUID;
    Buffer.from(keyId.replace(/-/g, ''), 'hex').copy(out, 1);
    return out;
  }
  if (!TEXT_ID.test(keyId))
    throw new RangeError('key id must be a lowercase UUID or 1-255 of [A-Za-z0-9_-]');
  const text = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([KIND_TEXT, text.length]), text]);
});

function uuidFromBytes(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function assertMaterial(material: Uint8Array): void {
  // A wrong-sized key is a bug in the caller, never the client's fault.
  if (material.length !== MATERIAL_BYTES)
    throw new RangeError(`key material must be ${MATERIAL_BYTES} bytes`);
}

function deriveKey(material: Uint8Array, nonce: Buffer, header: Buffer): Buffer {
  return hkdfSha256(material, nonce, Buffer.concat([KDF_LABEL, header]));
}

function readHeader(blob: Uint8Array): ParsedHeader {
  const b = Buffer.isBuffer(blob)
    ? blob
    : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (b.length < MIN_BLOB_BYTES || b.length > MAX_BLOB_BYTES) throw KmsError.invalidCiphertext();
  if (b[0] !== FORMAT_VERSION) throw KmsError.invalidCiphertext();
  let at = 2;
  let keyId: string;
  if (b[1] === KIND_UUID) {
    keyId = uuidFromBytes(b.subarray(at, at + 16));
    at += 16;
  } else if (b[1] === KIND_TEXT) {
    const len = b[at]!;
    at += 1;
    keyId = b.subarray(at, at + len).toString('latin1');
    at += len;
    // Only one encoding per id: a UUID written as text would be a second header for the same key.
    if (!TEXT_ID.test(keyId) || isKeyId(keyId)) throw KmsError.invalidCiphertext();
  } else {
    throw KmsError.invalidCiphertext();
  }
  if (b.length < at + 4 + NONCE_BYTES + IV_BYTES + TAG_BYTES) throw KmsError.invalidCiphertext();
  const materialVersion = b.readUInt32BE(at);
  if (materialVersion < 1) throw KmsError.invalidCiphertext();
  at += 4;
  const nonce = b.subarray(at, at + NONCE_BYTES);
  at += NONCE_BYTES;
  const iv = b.subarray(at, at + IV_BYTES);
  at += IV_BYTES;
  return { formatVersion: FORMAT_VERSION, keyId, materialVersion, headerLength: at, nonce, iv };
}

/**
 * Reads the cleartext header of a blob, unauthenticated: use it to find the
 * key and material version, then {@link decrypt} authenticates everything.
 *
 * @throws KmsError InvalidCiphertextException when the blob is too short or
 * too long, of an unknown format version, or its header is malformed.
 */
export function parseHeader(blob: Uint8Array): CiphertextHeader {
  const h = readHeader(blob);
  return { formatVersion: h.formatVersion, keyId: h.keyId, materialVersion: h.materialVersion };
}

/**
 * Encrypts `plaintext` under a key derived from `material` and a fresh
 * random nonce, with the header and the canonical encryption context as AAD.
 *
 * @throws RangeError on a caller bug (material not 32 bytes, bad key id or
 * version, plaintext over 4096 bytes); KmsError ValidationException when the
 * encryption context cannot be encoded.
 */
export function encrypt(input: EncryptInput): Buffer {
  assertMaterial(input.material);
  if (input.plaintext.length > MAX_PLAINTEXT_BYTES) {
    throw new RangeError(`plaintext must be at most ${MAX_PLAINTEXT_BYTES} bytes`);
  }
  const v = input.materialVersion;
  if (!Number.isInteger(v) || v < 1 || v > MAX_MATERIAL_VERSION)
    throw new RangeError('bad material version');
  const contextBytes = encodeEncryptionContext(input.encryptionContext);
  const keyIdBytes = encodeKeyId(input.keyId);
  const random = randomBytesFromPool(NONCE_BYTES + IV_BYTES);
  const header = Buffer.allocUnsafe(1 + keyIdBytes.length + 4 + NONCE_BYTES + IV_BYTES);
  let at = header.writeUInt8(FORMAT_VERSION, 0);
  at += keyIdBytes.copy(header, at);
  at = header.writeUInt32BE(v, at);
  random.copy(header, at);
  const nonce = header.subarray(at, at + NONCE_BYTES);
  const iv = header.subarray(at + NONCE_BYTES, at + NONCE_BYTES + IV_BYTES);
  const key = deriveKey(input.material, nonce, header);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, contextBytes]));
    const body = cipher.update(input.plaintext);
    const last = cipher.final();
    return Buffer.concat([header, body, last, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/**
 * Authenticates and decrypts a blob. All or nothing: any tampered byte, a
 * different encryption context, or material of another key or version gives
 * InvalidCiphertextException and no output.
 *
 * @throws KmsError InvalidCiphertextException; RangeError when `material` is
 * not 32 bytes (a caller bug).
 */
export function decrypt(input: DecryptInput): Buffer {
  assertMaterial(input.material);
  const blob = Buffer.isBuffer(input.blob)
    ? input.blob
    : Buffer.from(input.blob.buffer, input.blob.byteOffset, input.blob.byteLength);
  const h = readHeader(blob);
  let contextBytes: Buffer;
  try {
    contextBytes = encodeEncryptionContext(input.encryptionContext);
  } catch {
    // A context that cannot be encoded cannot have been used to encrypt.
    throw KmsError.invalidCiphertext();
  }
  const header = blob.subarray(0, h.headerLength);
  const body = blob.subarray(h.headerLength, blob.length - TAG_BYTES);
  const tag = blob.subarray(blob.length - TAG_BYTES);
  const key = deriveKey(input.material, h.nonce, header);
  let out: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, h.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([header, contextBytes]));
    decipher.setAuthTag(tag);
    out = decipher.update(body);
    decipher.final();
    return out;
  } catch {
    // Unauthenticated output must not survive in memory, let alone escape.
    out?.fill(0);
    throw KmsError.invalidCiphertext();
  } finally {
    key.fill(0);
  }
}
