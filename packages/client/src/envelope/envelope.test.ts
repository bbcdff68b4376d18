import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { FakeKms } from '../testing/fake-kms.js';
import { createEnvelope } from './envelope.js';
import type { Envelope } from './envelope.js';
import { isEnvelopeError } from './envelope-error.js';
import type { EnvelopeErrorReason } from './envelope-error.js';
import { FRAME_PREFIX_BYTES, MESSAGE_ID_BYTES, TAG_BYTES } from './format.js';

const KEY = 'orders';
const CONTEXT = { tenant: 'acme', purpose: 'backup' };

/** A message as the encrypter yielded it: the header, then one buffer per frame. */
async function sealedParts(
  envelope: Envelope,
  plaintext: Uint8Array,
): Promise<{ header: Buffer; frames: Buffer[] }> {
  const parts: Buffer[] = [];
  for await (const p of envelope.encrypt([plaintext], { keyId: KEY, encryptionContext: CONTEXT }))
    parts.push(p);
  return { header: parts[0]!, frames: parts.slice(1) };
}

/** Splits bytes at the given cut points (any order, duplicates allowed). */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  return out;
}

/** The plaintext chunks yielded before decryption failed, and the failure. */
async function decryptUntilFailure(
  envelope: Envelope,
  message: Buffer[],
): Promise<{ released: Buffer; error: unknown }> {
  const released: Buffer[] = [];
  try {
    for await (const chunk of envelope.decrypt(message)) released.push(chunk);
  } catch (error) {
    return { released: Buffer.concat(released), error };
  }
  return { released: Buffer.concat(released), error: undefined };
}

async function failureReason(
  envelope: Envelope,
  message: Buffer[],
): Promise<EnvelopeErrorReason | string> {
  const { error } = await decryptUntilFailure(envelope, message);
  if (isEnvelopeError(error)) return error.reason;
  if (isKmsError(error)) return error.code;
  return error === undefined ? 'decrypted' : String(error);
}

const setup = fc.record({
  plaintext: fc.uint8Array({ maxLength: 400 }),
  frameSize: fc.integer({ min: 1, max: 64 }),
});

describe('envelope message format', () => {
  it('round-trips any plaintext at any frame size, however both sides are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (plaintext, frameSize, inCuts, outCuts) => {
          const envelope = createEnvelope(new FakeKms(), { frameSize });
          const source = chunked(Buffer.from(plaintext), inCuts);
          const parts: Buffer[] = [];
          for await (const p of envelope.encrypt(source, {
            keyId: KEY,
            encryptionContext: CONTEXT,
          }))
            parts.push(p);
          const message = Buffer.concat(parts);
          const frames = Math.max(1, Math.ceil(plaintext.length / frameSize));
          expect(parts).toHaveLength(1 + frames);
          const out = await envelope.decryptBuffer(Buffer.concat(chunked(message, outCuts)));
          expect(out.equals(Buffer.from(plaintext))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('encrypts 0 bytes as a header and one empty final frame, and 1 byte as one frame', async () => {
    const envelope = createEnvelope(new FakeKms());
    for (const size of [0, 1]) {
      const plaintext = Buffer.alloc(size, 7);
      const { header, frames } = await sealedParts(envelope, plaintext);
      expect(frames).toHaveLength(1);
      expect(frames[0]!.length).toBe(FRAME_PREFIX_BYTES + size + TAG_BYTES);
      expect(frames[0]![4]).toBe(1);
      const out = await envelope.decryptBuffer(Buffer.concat([header, ...frames]));
      expect(out.equals(plaintext)).toBe(true);
    }
  });

  it('carries the key ARN and the encryption context in the header, readable before decryption', async () => {
    const envelope = createEnvelope(new FakeKms());
    const message = await envelope.encryptBuffer(Buffer.from('hi'), {
      keyId: KEY,
      encryptionContext: CONTEXT,
    });
    const seen: unknown[] = [];
    await envelope.decryptBuffer(message, { onHeader: (h) => seen.push(h) });
    expect(seen).toEqual([
      expect.objectContaining({
        keyId: `arn:aws:kms:us-east-1:111122223333:key/${KEY}`,
        encryptionContext: CONTEXT,
        frameSize: 65_536,
        version: 1,
      }),
    ]);
    await expect(
      envelope.decryptBuffer(message, { encryptionContext: { tenant: 'other' } }),
    ).rejects.toMatchObject({ name: 'EnvelopeError', reason: 'ContextMismatch' });
    await expect(
      envelope.decryptBuffer(message, { encryptionContext: { tenant: 'acme' } }),
    ).resolves.toEqual(Buffer.from('hi'));
  });

  it('fails on any flipped bit of the header or of any frame, releasing only earlier frames', async () => {
    await fc.assert(
      fc.asyncProperty(
        setup,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async ({ plaintext, frameSize }, at, mask) => {
          const envelope = createEnvelope(new FakeKms(), { frameSize });
          const { header, frames } = await sealedParts(envelope, plaintext);
          const message = Buffer.concat([header, ...frames]);
          const i = at % message.length;
          message[i]! ^= mask;
          const { released, error } = await decryptUntilFailure(envelope, [message]);
          expect(isEnvelopeError(error) || isKmsError(error)).toBe(true);
          // Plaintext comes out only for whole frames that end before the flipped byte.
          const intactFrames =
            i < header.length
              ? 0
              : frames.findIndex((_, k) => header.length + frameEnd(frames, k) > i);
          expect(
            released.equals(Buffer.from(plaintext).subarray(0, intactFrames * frameSize)),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fails on reordered, dropped, repeated, truncated and extended frames', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 2, maxLength: 200 }),
        fc.integer({ min: 1, max: 16 }),
        fc.nat(),
        fc.nat(),
        async (plaintext, rawFrameSize, a, b) => {
          const frameSize = Math.min(rawFrameSize, plaintext.length - 1);
          const envelope = createEnvelope(new FakeKms(), { frameSize });
          const { header, frames } = await sealedParts(envelope, plaintext);
          const n = frames.length;
          const i = a % n;
          const j = (i + 1 + (b % (n - 1))) % n;
          const swapped = [...frames];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(await failureReason(envelope, [header, ...swapped])).toBe('FrameOrder');
          // Renumbering the swapped frames does not help: the number is in the nonce and AAD.
          const renumbered = swapped.map((f, k) => {
            const copy = Buffer.from(f);
            copy.writeUInt32BE(k + 1, 0);
            return copy;
          });
          expect(await failureReason(envelope, [header, ...renumbered])).toBe(
            'FrameAuthentication',
          );
          const dropped = frames.filter((_, k) => k !== i);
          expect(await failureReason(envelope, [header, ...dropped])).toBe(
            i === n - 1 ? 'Truncated' : 'FrameOrder',
          );
          const repeated = [...frames.slice(0, i + 1), frames[i]!, ...frames.slice(i + 1)];
          expect(await failureReason(envelope, [header, ...repeated])).toBe(
            i === n - 1 ? 'TrailingData' : 'FrameOrder',
          );
          const whole = Buffer.concat([header, ...frames]);
          const cut = header.length + (a % (whole.length - header.length));
          expect(await failureReason(envelope, [whole.subarray(0, cut)])).toBe('Truncated');
          expect(await failureReason(envelope, [whole, Buffer.from([b % 256])])).toBe(
            'TrailingData',
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fails on a message cut inside its header, or one that is not an envelope message', async () => {
    const envelope = createEnvelope(new FakeKms());
    const { header, frames } = await sealedParts(envelope, Buffer.from('x'));
    for (const cut of [0, 3, 5, 5 + MESSAGE_ID_BYTES, header.length - 1]) {
      expect(await failureReason(envelope, [header.subarray(0, cut)])).toBe('MalformedHeader');
    }
    expect(await failureReason(envelope, [Buffer.from('not a message at all')])).toBe(
      'MalformedHeader',
    );
    const v2 = Buffer.from(header);
    v2[4] = 2;
    expect(await failureReason(envelope, [v2, ...frames])).toBe('UnsupportedVersion');
  });

  it('fails when the encrypted data key belongs to another message or key', async () => {
    const kms = new FakeKms();
    const envelope = createEnvelope(kms, { frameSize: 8 });
    const one = await sealedParts(envelope, Buffer.from('first message'));
    const two = await sealedParts(envelope, Buffer.from('other message'));
    // A header from one message with the frames of another.
    expect(await failureReason(envelope, [one.header, ...two.frames])).toBe('FrameAuthentication');
    // Another KMS (another key) cannot open it.
    expect(await failureReason(createEnvelope(new FakeKms()), [one.header, ...one.frames])).toBe(
      'InvalidCiphertextException',
    );
  });

  it('streams: no output chunk is larger than a frame, whatever the input chunks', async () => {
    const frameSize = 4096;
    const envelope = createEnvelope(new FakeKms(), { frameSize });
    async function* big(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(65_536 + i, i);
    }
    let largestSealed = 0;
    let largestOpened = 0;
    let total = 0;
    async function* sealed(): AsyncGenerator<Buffer> {
      for await (const c of envelope.encrypt(big(), { keyId: KEY })) {
        largestSealed = Math.max(largestSealed, c.length);
        yield c;
      }
    }
    for await (const c of envelope.decrypt(sealed())) {
      largestOpened = Math.max(largestOpened, c.length);
      total += c.length;
    }
    expect(total).toBe(64 * 65_536 + (63 * 64) / 2);
    expect(largestOpened).toBe(frameSize);
    expect(largestSealed).toBeLessThanOrEqual(frameSize + FRAME_PREFIX_BYTES + TAG_BYTES);
  });

  it('refuses more plaintext than plaintextLength announced', async () => {
    const envelope = createEnvelope(new FakeKms(), { frameSize: 4 });
    const run = async () => {
      for await (const _ of envelope.encrypt([Buffer.alloc(10)], {
        keyId: KEY,
        plaintextLength: 9,
      }));
    };
    await expect(run()).rejects.toMatchObject({ name: 'EnvelopeError', reason: 'TooLarge' });
  });
});

/** Bytes from the start of the first frame to the end of frame k. */
function frameEnd(frames: Buffer[], k: number): number {
  return frames.slice(0, k + 1).reduce((n, f) => n + f.length, 0);
}
