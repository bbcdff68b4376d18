import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Option } from 'commander';
import type { Command } from 'commander';
import { DEFAULT_ENDPOINT, createEnvelope, createKeyholdClient } from '@keyhold/client';
import type { Envelope, EncryptionContext } from '@keyhold/client';
import { jsonOption, runCommand } from '../output.js';
import type { Output } from '../output.js';
import { keyValue } from './kms-client.js';

/** Files at least this large get a progress bar (when stderr is a terminal). */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

const endpointOption = () =>
  new Option('--endpoint <host:port>', "the gateway's gRPC address")
    .env('KEYHOLD_GRPC_ENDPOINT')
    .default(DEFAULT_ENDPOINT);

const contextOption = (what: string) =>
  new Option('--context <key=value>', `${what} (repeatable)`).argParser(keyValue);

interface CommonOptions {
  readonly in: string;
  readonly out: string;
  readonly context?: EncryptionContext;
  readonly endpoint: string;
  readonly json?: boolean;
}

const MIB = 1024 * 1024;

/** Counts bytes through; draws a bar on stderr for large inputs on a terminal. */
function progress(label: string, total: number) {
  const shown = process.stderr.isTTY === true && total >= PROGRESS_MIN_BYTES;
  let done = 0;
  let drawnAt = 0;
  const draw = () => {
    const ratio = total > 0 ? done / total : 1;
    const bar = '#'.repeat(Math.round(ratio * 30)).padEnd(30, '.');
    const amounts = `${(done / MIB).toFixed(1)}/${(total / MIB).toFixed(1)} MiB`;
    process.stderr.write(`\r${label} [${bar}] ${Math.floor(ratio * 100)}% ${amounts}\x1b[K`);
  };
  return {
    async *count(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        done += chunk.length;
        if (shown && Date.now() - drawnAt >= 100) {
          drawnAt = Date.now();
          draw();
        }
        yield chunk;
      }
      if (shown) {
        draw();
        process.stderr.write('\n');
      }
    },
  };
}

/**
 * Streams `input` through `transform` into `out`, by way of a temporary
 * file renamed into place on success: a failed run (a tampered or truncated
 * message) leaves no partial output behind.
 */
async function streamFile(
  input: string,
  out: string,
  label: string,
  transform: (source: AsyncIterable<Buffer>) => AsyncIterable<Buffer>,
): Promise<{ bytesIn: number; bytesOut: number }> {
  const bytesIn = (await stat(input)).size;
  const temporary = `${out}.${randomBytes(6).toString('hex')}.partial`;
  let bytesOut = 0;
  try {
    await pipeline(
      createReadStream(input),
      progress(label, bytesIn).count,
      transform,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytesOut += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(temporary, { flags: 'wx', mode: 0o600 }),
    );
    await rename(temporary, out);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
  return { bytesIn, bytesOut };
}

async function withEnvelope<T>(endpoint: string, run: (envelope: Envelope) => Promise<T>) {
  // Region from AWS_REGION, credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
  const client = createKeyholdClient({ endpoint });
  try {
    return await run(createEnvelope(client));
  } finally {
    client.close();
  }
}

async function encryptFile(o: CommonOptions & { readonly keyId: string }): Promise<Output> {
  const plaintextLength = (await stat(o.in)).size;
  const sizes = await withEnvelope(o.endpoint, (envelope) =>
    streamFile(o.in, o.out, 'encrypting', (source) =>
      envelope.encrypt(source, {
        keyId: o.keyId,
        encryptionContext: o.context ?? {},
        plaintextLength,
      }),
    ),
  );
  return {
    json: { in: o.in, out: o.out, keyId: o.keyId, ...sizes },
    text: `encrypted ${o.in} (${sizes.bytesIn} bytes) to ${o.out} under ${o.keyId}`,
  };
}

async function decryptFile(o: CommonOptions): Promise<Output> {
  let keyId = '';
  let encryptionContext: EncryptionContext = {};
  const sizes = await withEnvelope(o.endpoint, (envelope) =>
    streamFile(o.in, o.out, 'decrypting', (source) =>
      envelope.decrypt(source, {
        ...(o.context ? { encryptionContext: o.context } : {}),
        onHeader: (header) => {
          keyId = header.keyId;
          encryptionContext = header.encryptionContext;
        },
      }),
    ),
  );
  return {
    json: { in: o.in, out: o.out, keyId, encryptionContext, ...sizes },
    text: `decrypted ${o.in} to ${o.out} (${sizes.bytesOut} bytes), encrypted under ${keyId}`,
  };
}

/**
 * `keyhold encrypt` / `keyhold decrypt`: envelope encryption of files of any
 * size with @keyhold/client, streamed (a data key from GenerateDataKey,
 * AES-256-GCM in 64 KiB authenticated frames; Decrypt of the data key to
 * read it back).
 */
export function registerEnvelope(program: Command): void {
  const fileCommand = (name: string, description: string, input: string, output: string) =>
    program
      .command(name)
      .description(description)
      .requiredOption('--in <file>', input)
      .requiredOption('--out <file>', output)
      .addOption(endpointOption())
      .addOption(jsonOption());

  fileCommand(
    'encrypt',
    'envelope-encrypt a file under a KMS key, streaming',
    'the plaintext file',
    'where to write the encrypted message',
  )
    .requiredOption('--key-id <key>', 'key id, key ARN, alias name or alias ARN')
    .addOption(contextOption('encryption context pair'))
    .action((o: CommonOptions & { keyId: string }) =>
      runCommand('encrypt', o, () => encryptFile(o)),
    );

  fileCommand(
    'decrypt',
    'decrypt a file written by `keyhold encrypt`, streaming',
    'the encrypted message',
    'where to write the plaintext',
  )
    .addOption(contextOption('a pair the message must carry in its encryption context'))
    .action((o: CommonOptions) => runCommand('decrypt', o, () => decryptFile(o)));
}
