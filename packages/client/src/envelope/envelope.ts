import { randomBytes } from 'node:crypto';
import type { EncryptionContext } from '@keyhold/envelope';
import type {
  DecryptRequest,
  DecryptResponse__Output,
  GenerateDataKeyRequest,
  GenerateDataKeyResponse__Output,
} from '@keyhold/proto';
import { decryptPartition, encryptPartition } from '../cache/data-key-cache.js';
import type { DataKeyCache, EncryptionMaterials } from '../cache/data-key-cache.js';
import { ByteReader } from './byte-reader.js';
import { DATA_KEY_BYTES, deriveFrameKey, digestOf, headerTag, openHeader } from './crypto.js';
import { EnvelopeError } from './envelope-error.js';
import {
  DEFAULT_FRAME_SIZE,
  FORMAT_VERSION,
  MESSAGE_ID_BYTES,
  assertFrameSize,
  encodeHeaderBody,
  readHeader,
} from './format.js';
import type { MessageHeader } from './format.js';
import { openFrames, sealFrames } from './frames.js';

/** The two KMS operations envelope encryption needs; a KeyholdClient has both. */
export interface DataKeyService {
  generateDataKey(
    request: GenerateDataKeyRequest,
  ): Promise<Pick<GenerateDataKeyResponse__Output, 'keyId' | 'plaintext' | 'ciphertextBlob'>>;
  decrypt(request: DecryptRequest): Promise<Pick<DecryptResponse__Output, 'plaintext'>>;
}

export interface EnvelopeOptions {
  /** Plaintext bytes per frame: what a reader holds at once. @default 65_536 */
  readonly frameSize?: number;
  /** Reuses data keys across messages within the cache's limits. @default no cache */
  readonly cache?: DataKeyCache;
}

export interface EncryptParams {
  /** Key id, key ARN, alias name or alias ARN of a symmetric KMS key. */
  readonly keyId: string;
  /** Bound to the data key and stored in the header; not secret. @default {} */
  readonly encryptionContext?: EncryptionContext;
  /**
   * The plaintext's length when known in advance. The cache is used only
   * when it is (its byte limit needs it), and a longer plaintext fails.
   */
  readonly plaintextLength?: number;
}

export interface DecryptParams {
  /** Pairs the message's encryption context must contain, or decryption fails. */
  readonly encryptionContext?: EncryptionContext;
  /** Called with the header once it is read, before any KMS call. */
  readonly onHeader?: (header: MessageHeader) => void;
}

/** Chunks of bytes: a Node Readable, an async generator, an array of Buffers... */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Streaming envelope encryption with data keys from KMS; see {@link createEnvelope}. */
export interface Envelope {
  /** The message for `source`, as a stream of chunks (the header first). */
  encrypt(source: ByteSource, params: EncryptParams): AsyncGenerator<Buffer>;
  /**
   * The plaintext of a message, frame by frame; every chunk is authenticated
   * before it is yielded. A truncated message fails only at its end, so treat
   * the output as valid only once the stream has ended without an error.
   */
  decrypt(source: ByteSource, params?: DecryptParams): AsyncGenerator<Buffer>;
  /** {@link encrypt} on a buffer, collected. */
  encryptBuffer(
    plaintext: Uint8Array,
    params: Omit<EncryptParams, 'plaintextLength'>,
  ): Promise<Buffer>;
  /** {@link decrypt} on a buffer, collected. */
  decryptBuffer(message: Uint8Array, params?: DecryptParams): Promise<Buffer>;
}

async function* asAsync(source: ByteSource): AsyncGenerator<Uint8Array> {
  yield* source;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

function checkContext(header: MessageHeader, required: EncryptionContext | undefined): void {
  for (const [key, value] of Object.entries(required ?? {})) {
    if (header.encryptionContext[key] !== value) {
      throw new EnvelopeError(
        'ContextMismatch',
        `The message's encryption context does not have the required pair for '${key}'.`,
      );
    }
  }
}

/**
 * Envelope encryption for data of any size: GenerateDataKey (AES_256) under a
 * KMS key, AES-256-GCM locally in authenticated frames, the encrypted data
 * key and encryption context in a self-describing header; Decrypt of that
 * data key to read it back. Neither direction holds more than a frame.
 *
 * ```ts
 * const envelope = createEnvelope(kms);
 * await pipeline(
 *   fs.createReadStream('backup.tar'),
 *   (source) => envelope.encrypt(source, { keyId: 'alias/backups', encryptionContext: { db: 'orders' } }),
 *   fs.createWriteStream('backup.tar.khe'),
 * );
 * ```
 */
export function createEnvelope(kms: DataKeyService, options: EnvelopeOptions = {}): Envelope {
  const frameSize = options.frameSize ?? DEFAULT_FRAME_SIZE;
  assertFrameSize(frameSize);
  const cache = options.cache;

  async function encryptionMaterials(params: EncryptParams): Promise<EncryptionMaterials> {
    const context = params.encryptionContext ?? {};
    const bytes = params.plaintextLength;
    const partition =
      cache && bytes !== undefined ? encryptPartition(params.keyId, context) : undefined;
    const hit = partition ? cache!.takeForEncrypt(partition, bytes!) : undefined;
    if (hit) return hit;
    const res = await kms.generateDataKey({
      keyId: params.keyId,
      encryptionContext: { ...context },
      keySpec: 'AES_256',
    });
    const materials = {
      dataKey: Buffer.from(res.plaintext),
      encryptedDataKey: Buffer.from(res.ciphertextBlob),
      keyId: res.keyId || params.keyId,
    };
    res.plaintext.fill(0);
    if (materials.dataKey.length !== DATA_KEY_BYTES) {
      materials.dataKey.fill(0);
      throw new TypeError('GenerateDataKey returned a data key that is not 256 bits');
    }
    if (partition) cache!.putForEncrypt(partition, materials, bytes!);
    return materials;
  }

  async function decryptionKey(header: MessageHeader): Promise<Buffer> {
    const partition = cache
      ? decryptPartition(header.keyId, header.encryptionContext, header.encryptedDataKey)
      : undefined;
    const hit = partition ? cache!.getForDecrypt(partition) : undefined;
    if (hit) return hit;
    const res = await kms.decrypt({
      ciphertextBlob: header.encryptedDataKey,
      encryptionContext: { ...header.encryptionContext },
      keyId: header.keyId,
    });
    const dataKey = Buffer.from(res.plaintext);
    res.plaintext.fill(0);
    if (dataKey.length !== DATA_KEY_BYTES) {
      dataKey.fill(0);
      throw new EnvelopeError(
        'MalformedHeader',
        'The encrypted data key in the header does not hold a 256-bit key.',
      );
    }
    if (partition) cache!.putForDecrypt(partition, dataKey);
    return dataKey;
  }

  async function* encrypt(source: ByteSource, params: EncryptParams): AsyncGenerator<Buffer> {
    const materials = await encryptionMaterials(params);
    const header: MessageHeader = {
      version: FORMAT_VERSION,
      messageId: randomBytes(MESSAGE_ID_BYTES),
      keyId: materials.keyId,
      encryptionContext: params.encryptionContext ?? {},
      encryptedDataKey: materials.encryptedDataKey,
      frameSize,
    };
    const frameKey = deriveFrameKey(materials.dataKey, header.messageId);
    materials.dataKey.fill(0);
    try {
      const body = encodeHeaderBody(header);
      const tag = headerTag(frameKey, body);
      yield Buffer.concat([body, tag]);
      const keys = { frameKey, headerDigest: digestOf(body, tag) };
      yield* sealFrames(asAsync(source), keys, frameSize, params.plaintextLength);
    } finally {
      frameKey.fill(0);
    }
  }

  async function* decrypt(source: ByteSource, params: DecryptParams = {}): AsyncGenerator<Buffer> {
    const reader = new ByteReader(asAsync(source));
    const { header, body, tag } = await readHeader(reader);
    checkContext(header, params.encryptionContext);
    params.onHeader?.(header);
    const dataKey = await decryptionKey(header);
    const frameKey = deriveFrameKey(dataKey, header.messageId);
    dataKey.fill(0);
    try {
      yield* openFrames(reader, openHeader(frameKey, body, tag), header.frameSize);
    } finally {
      frameKey.fill(0);
    }
  }

  return {
    encrypt,
    decrypt,
    encryptBuffer: (plaintext, params) =>
      collect(encrypt([plaintext], { ...params, plaintextLength: plaintext.length })),
    decryptBuffer: (message, params) => collect(decrypt([message], params)),
  };
}
