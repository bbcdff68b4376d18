import { encodeEncryptionContext } from '@keyhold/envelope';
import type { EncryptionContext } from '@keyhold/envelope';
import type { ByteReader } from './byte-reader.js';
import { EnvelopeError } from './envelope-error.js';

/*
 * The envelope message, version 1 (all integers big-endian):
 *
 *   header  magic "KHEM" (4) | version 0x01 (1) | message id (32, random)
 *           | key id: u16 length + UTF-8 (the key ARN GenerateDataKey named)
 *           | encryption context: u16 count + sorted (u16 len key, u16 len value) pairs
 *           | encrypted data key: u16 length + bytes (a KMS ciphertext blob)
 *           | frame size: u32
 *           | header tag (16): AES-GCM tag over the header above, nonce 0, no plaintext
 *   frames  sequence number: u32, from 1 | final flag: u8 (0 or 1) | length: u32
 *           | ciphertext (length bytes) | tag (16)
 *
 * Every frame but the last holds exactly `frame size` plaintext bytes; the
 * last holds 0 to `frame size` and nothing may follow it. Frame keys and
 * nonces are in crypto.ts.
 */

export const MAGIC = Buffer.from('KHEM', 'ascii');
export const FORMAT_VERSION = 1;
export const MESSAGE_ID_BYTES = 32;
export const TAG_BYTES = 16;
/** Sequence number, final flag and length in front of each frame's ciphertext. */
export const FRAME_PREFIX_BYTES = 9;
export const DEFAULT_FRAME_SIZE = 64 * 1024;
/** Caps what a reader buffers for one frame. */
export const MAX_FRAME_SIZE = 4 * 1024 * 1024;
export const MAX_SEQUENCE = 0xffff_ffff;

/** What a message header says; readable without any key. */
export interface MessageHeader {
  readonly version: number;
  readonly messageId: Buffer;
  /** The ARN of the KMS key that encrypted the data key. */
  readonly keyId: string;
  readonly encryptionContext: EncryptionContext;
  readonly encryptedDataKey: Buffer;
  readonly frameSize: number;
}

export function assertFrameSize(frameSize: number): void {
  if (!Number.isInteger(frameSize) || frameSize < 1 || frameSize > MAX_FRAME_SIZE) {
    throw new RangeError(`frameSize must be an integer from 1 to ${MAX_FRAME_SIZE}`);
  }
}

function u16Prefixed(bytes: Buffer, what: string): Buffer {
  if (bytes.length > 0xffff) throw new RangeError(`${what} is longer than 65,535 bytes`);
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

/** The header's bytes up to (not including) its tag. */
export function encodeHeaderBody(header: MessageHeader): Buffer {
  const frameSize = Buffer.allocUnsafe(4);
  frameSize.writeUInt32BE(header.frameSize, 0);
  return Buffer.concat([
    MAGIC,
    Buffer.from([header.version]),
    header.messageId,
    u16Prefixed(Buffer.from(header.keyId, 'utf8'), 'the key id'),
    encodeEncryptionContext(header.encryptionContext),
    u16Prefixed(header.encryptedDataKey, 'the encrypted data key'),
    frameSize,
  ]);
}

const malformed = (what: string) =>
  new EnvelopeError('MalformedHeader', `Not a valid Keyhold envelope message: ${what}.`);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A header as read from a message: its fields, its exact bytes and its tag. */
export interface ReadHeader {
  readonly header: MessageHeader;
  readonly body: Buffer;
  readonly tag: Buffer;
}

/** Reads a header field by field, keeping the bytes it was read from. */
class HeaderParser {
  readonly parts: Buffer[] = [];
  constructor(private readonly reader: ByteReader) {}

  async bytes(n: number, what: string): Promise<Buffer> {
    const b = await this.reader.read(n);
    if (b.length < n) throw malformed(`the message ends inside the header (${what})`);
    this.parts.push(b);
    return b;
  }

  async u16Prefixed(what: string): Promise<Buffer> {
    return this.bytes((await this.bytes(2, what)).readUInt16BE(0), what);
  }

  async text(what: string): Promise<string> {
    return decodeUtf8(await this.u16Prefixed(what), what);
  }
}

function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw malformed(`${what} is not UTF-8`);
  }
}

async function readContext(p: HeaderParser): Promise<EncryptionContext> {
  const count = (await p.bytes(2, 'encryption context')).readUInt16BE(0);
  const context: Record<string, string> = Object.create(null) as Record<string, string>;
  let previous: Buffer | undefined;
  for (let i = 0; i < count; i++) {
    const keyBytes = await p.u16Prefixed('encryption context key');
    // The writer sorts the pairs; another order or a repeated key was not written by it.
    if (previous && Buffer.compare(previous, keyBytes) >= 0) {
      throw malformed('the encryption context is not in canonical order');
    }
    previous = keyBytes;
    context[decodeUtf8(keyBytes, 'an encryption context key')] = await p.text(
      'an encryption context value',
    );
  }
  return { ...context };
}

/** Reads and checks the header's layout; its tag is checked once the data key is known. */
export async function readHeader(reader: ByteReader): Promise<ReadHeader> {
  const p = new HeaderParser(reader);
  if (!(await p.bytes(MAGIC.length, 'magic')).equals(MAGIC)) {
    throw malformed('the magic bytes are wrong');
  }
  const version = (await p.bytes(1, 'version'))[0]!;
  if (version !== FORMAT_VERSION) {
    throw new EnvelopeError(
      'UnsupportedVersion',
      `Envelope format version ${version} is not supported (this library reads version ${FORMAT_VERSION}).`,
    );
  }
  const messageId = await p.bytes(MESSAGE_ID_BYTES, 'message id');
  const keyId = await p.text('key id');
  const encryptionContext = await readContext(p);
  const encryptedDataKey = await p.u16Prefixed('encrypted data key');
  const frameSize = (await p.bytes(4, 'frame size')).readUInt32BE(0);
  if (frameSize < 1 || frameSize > MAX_FRAME_SIZE)
    throw malformed('the frame size is out of range');
  if (keyId === '' || encryptedDataKey.length === 0) throw malformed('a required field is empty');
  const body = Buffer.concat(p.parts);
  const tag = await reader.read(TAG_BYTES);
  if (tag.length < TAG_BYTES) throw malformed('the message ends inside the header (tag)');
  return {
    header: { version, messageId, keyId, encryptionContext, encryptedDataKey, frameSize },
    body,
    tag,
  };
}

/** The 9 bytes in front of a frame's ciphertext. */
export function encodeFramePrefix(sequence: number, final: boolean, length: number): Buffer {
  const out = Buffer.allocUnsafe(FRAME_PREFIX_BYTES);
  out.writeUInt32BE(sequence, 0);
  out[4] = final ? 1 : 0;
  out.writeUInt32BE(length, 5);
  return out;
}
