import type { ByteReader } from './byte-reader.js';
import { openFrame, sealFrame } from './crypto.js';
import type { FrameKeys } from './crypto.js';
import { EnvelopeError } from './envelope-error.js';
import { FRAME_PREFIX_BYTES, MAX_SEQUENCE, TAG_BYTES, encodeFramePrefix } from './format.js';

/**
 * Cuts a plaintext stream into frames of `frameSize` bytes and seals each.
 * A full frame goes out only when more input follows it, so the last frame
 * (flagged final) holds 1 to `frameSize` bytes, or 0 for empty input.
 * Memory: one frame, whatever the input's chunk sizes.
 */
export async function* sealFrames(
  source: AsyncIterable<Uint8Array>,
  keys: FrameKeys,
  frameSize: number,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<Buffer> {
  const frame = Buffer.allocUnsafe(frameSize);
  let filled = 0;
  let sequence = 1;
  let total = 0;
  try {
    for await (const chunk of source) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      total += bytes.length;
      if (total > maxBytes) {
        throw new EnvelopeError(
          'TooLarge',
          `The plaintext is longer than the ${maxBytes} bytes announced in plaintextLength.`,
        );
      }
      for (let at = 0; at < bytes.length;) {
        if (filled === frameSize) {
          if (sequence === MAX_SEQUENCE) {
            throw new EnvelopeError(
              'TooLarge',
              'The plaintext needs more frames than fit a message.',
            );
          }
          yield sealFrame(keys, encodeFramePrefix(sequence++, false, frameSize), frame);
          filled = 0;
        }
        const n = bytes.copy(frame, filled, at, at + frameSize - filled);
        filled += n;
        at += n;
      }
    }
    yield sealFrame(keys, encodeFramePrefix(sequence, true, filled), frame.subarray(0, filled));
  } finally {
    frame.fill(0);
  }
}

const truncated = (sequence: number) =>
  new EnvelopeError(
    'Truncated',
    `The message ends inside or before frame ${sequence}, before its final frame.`,
  );

/**
 * Reads, checks and opens frames in order; each frame's plaintext is
 * yielded only after its tag verifies, and the final frame's only once the
 * stream is known to end with it.
 */
export async function* openFrames(
  reader: ByteReader,
  keys: FrameKeys,
  frameSize: number,
): AsyncGenerator<Buffer> {
  for (let expected = 1; ; expected++) {
    const prefix = await reader.read(FRAME_PREFIX_BYTES);
    if (prefix.length < FRAME_PREFIX_BYTES) throw truncated(expected);
    const sequence = prefix.readUInt32BE(0);
    const flag = prefix[4]!;
    const length = prefix.readUInt32BE(5);
    if (sequence !== expected) {
      throw new EnvelopeError(
        'FrameOrder',
        `Expected frame ${expected} but found frame ${sequence}: frames were reordered, dropped or repeated.`,
      );
    }
    if (flag > 1 || length > frameSize || (flag === 0 && length !== frameSize)) {
      throw new EnvelopeError(
        'FrameAuthentication',
        `Frame ${sequence} has an invalid flag or length: the message was changed.`,
      );
    }
    const sealed = await reader.read(length + TAG_BYTES);
    if (sealed.length < length + TAG_BYTES) throw truncated(expected);
    const plaintext = openFrame(keys, prefix, sealed);
    if (flag === 1) {
      if (!(await reader.atEnd())) {
        plaintext.fill(0);
        throw new EnvelopeError('TrailingData', 'Bytes follow the final frame of the message.');
      }
      if (plaintext.length > 0) yield plaintext;
      return;
    }
    yield plaintext;
  }
}
