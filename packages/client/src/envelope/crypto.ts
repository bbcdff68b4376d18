import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import type { DecipherGCM } from 'node:crypto';
import { EnvelopeError } from './envelope-error.js';
import { FRAME_PREFIX_BYTES, TAG_BYTES } from './format.js';

/*
 * Keys and nonces. The data key never encrypts data itself: each message
 * derives its own frame key, HKDF-SHA256(data key, salt = message id), so a
 * data key reused across messages (the cache) never repeats a (key, nonce)
 * pair. Under the frame key the nonce is the frame's sequence number (the
 * header tag uses 0, frames 1 and up), and each frame's AAD is the SHA-256 of
 * the header followed by the frame's prefix: a frame authenticates its
 * header, its position and whether it is the last.
 */

const ALGORITHM = 'aes-256-gcm';
const HKDF_INFO = Buffer.from('keyhold envelope v1 frame key', 'ascii');
export const DATA_KEY_BYTES = 32;

/** What encrypting or decrypting frames needs once the header is settled. */
export interface FrameKeys {
  readonly frameKey: Buffer;
  /** SHA-256 of the whole header, tag included. */
  readonly headerDigest: Buffer;
}

export function deriveFrameKey(dataKey: Buffer, messageId: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, messageId, HKDF_INFO, DATA_KEY_BYTES));
}

function nonce(sequence: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeUInt32BE(sequence, 8);
  return out;
}

/** The header tag: GMAC of the header body under the frame key with nonce 0. */
export function headerTag(frameKey: Buffer, body: Buffer): Buffer {
  const cipher = createCipheriv(ALGORITHM, frameKey, nonce(0));
  cipher.setAAD(body);
  cipher.final();
  return cipher.getAuthTag();
}

/** Verifies the tag set on `decipher`, or fails with `reason`. */
function verify(
  decipher: DecipherGCM,
  reason: 'HeaderAuthentication' | 'FrameAuthentication',
  message: string,
): void {
  try {
    decipher.final();
  } catch (cause) {
    throw new EnvelopeError(reason, message, { cause });
  }
}

/** Checks a header tag; the keys that decrypt the frames after it. */
export function openHeader(frameKey: Buffer, body: Buffer, tag: Buffer): FrameKeys {
  const decipher = createDecipheriv(ALGORITHM, frameKey, nonce(0));
  decipher.setAAD(body);
  decipher.setAuthTag(tag);
  verify(
    decipher,
    'HeaderAuthentication',
    'The message header failed authentication: it was changed after it was written.',
  );
  return { frameKey, headerDigest: digestOf(body, tag) };
}

export function digestOf(body: Buffer, tag: Buffer): Buffer {
  return createHash('sha256').update(body).update(tag).digest();
}

function aad(keys: FrameKeys, prefix: Buffer): Buffer {
  return Buffer.concat([keys.headerDigest, prefix]);
}

/** One frame on the wire: prefix, ciphertext, tag. */
export function sealFrame(keys: FrameKeys, prefix: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv(ALGORITHM, keys.frameKey, nonce(prefix.readUInt32BE(0)));
  cipher.setAAD(aad(keys, prefix));
  const out = Buffer.allocUnsafe(FRAME_PREFIX_BYTES + plaintext.length + TAG_BYTES);
  prefix.copy(out, 0);
  let at = FRAME_PREFIX_BYTES + cipher.update(plaintext).copy(out, FRAME_PREFIX_BYTES);
  at += cipher.final().copy(out, at);
  cipher.getAuthTag().copy(out, at);
  return out;
}

/** A frame's plaintext, released only once its tag verifies. */
export function openFrame(keys: FrameKeys, prefix: Buffer, sealed: Buffer): Buffer {
  const sequence = prefix.readUInt32BE(0);
  const decipher = createDecipheriv(ALGORITHM, keys.frameKey, nonce(sequence));
  decipher.setAAD(aad(keys, prefix));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    verify(
      decipher,
      'FrameAuthentication',
      `Frame ${sequence} failed authentication: the message was changed, reordered or cut.`,
    );
  } catch (err) {
    plaintext.fill(0);
    throw err;
  }
  return plaintext;
}
