import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  KMSClient,
  ListKeysCommand,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { dueBy, pickOperation } from './schedule.js';
import type { LoadOperation, MixEntry } from './schedule.js';
import { LoadStats } from './stats.js';
import type { SecondCounts } from './stats.js';

/** One (region, credentials) pair the load is spread over. */
export interface LoadTarget {
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Use this key instead of creating one. */
  readonly keyId?: string | undefined;
}

export interface LoadOptions {
  readonly endpoint: string;
  readonly targets: readonly LoadTarget[];
  readonly mix: readonly MixEntry[];
  /** Open loop: requests per second (after the ramp). Exclusive with `concurrency`. */
  readonly rate?: number | undefined;
  /** Closed loop: this many requests always in flight. */
  readonly concurrency?: number | undefined;
  readonly rampMs: number;
  readonly durationMs: number;
  /** Stops after sending this many. */
  readonly maxRequests: number;
  /** Open loop: a request due while this many are in flight is skipped (counted). */
  readonly maxInflight: number;
  /** Called once per elapsed second with what happened in it: requests sent, answers received. */
  readonly onSecond?: (second: number, counts: SecondCounts) => void;
  /** Stops sending early (Ctrl-C); requests in flight still finish. */
  readonly signal?: AbortSignal | undefined;
}

export interface LoadResult {
  readonly stats: LoadStats;
  readonly durationMs: number;
  /** Whole seconds the run lasted (the length of the per-second series). */
  readonly seconds: number;
  /** Open loop: requests due but not sent because maxInflight were in flight. */
  readonly skipped: number;
  /** Keys the tool created (none when every target named one). */
  readonly createdKeys: readonly string[];
}

interface Prepared {
  readonly region: string;
  readonly account: string;
  readonly client: KMSClient;
  readonly keyId: string;
  readonly ciphertext: Uint8Array | undefined;
}

const PLAINTEXT = randomBytes(64);

async function prepare(
  endpoint: string,
  t: LoadTarget,
  needsCiphertext: boolean,
  created: string[],
  sockets: number,
): Promise<Prepared> {
  const credentials = { accessKeyId: t.accessKeyId, secretAccessKey: t.secretAccessKey };
  // Setup calls retry (CreateKey has a 5/s quota); the measured calls never do.
  const setup = new KMSClient({ endpoint, region: t.region, credentials, maxAttempts: 6 });
  try {
    let keyId = t.keyId;
    let account = t.accessKeyId;
    if (keyId === undefined) {
      const res = await setup.send(new CreateKeyCommand({ Description: 'keyhold load test' }));
      keyId = res.KeyMetadata?.KeyId ?? '';
      account = res.KeyMetadata?.AWSAccountId ?? account;
      created.push(res.KeyMetadata?.Arn ?? keyId);
    } else {
      const res = await setup.send(new DescribeKeyCommand({ KeyId: keyId }));
      account = res.KeyMetadata?.AWSAccountId ?? account;
    }
    const ciphertext = needsCiphertext
      ? (await setup.send(new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT })))
          .CiphertextBlob
      : undefined;
    return {
      region: t.region,
      account,
      keyId,
      ciphertext,
      client: new KMSClient({
        endpoint,
        region: t.region,
        credentials,
        maxAttempts: 1,
        // The SDK's default of 50 sockets would queue requests inside the client.
        requestHandler: endpoint.startsWith('https:')
          ? { httpsAgent: new https.Agent({ keepAlive: true, maxSockets: sockets }) }
          : { httpAgent: new http.Agent({ keepAlive: true, maxSockets: sockets }) },
      }),
    };
  } finally {
    setup.destroy();
  }
}

function send(p: Prepared, op: LoadOperation): Promise<unknown> {
  const { client, keyId, ciphertext } = p;
  switch (op) {
    case 'Encrypt':
      return client.send(new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT }));
    case 'Decrypt':
      return client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext }));
    case 'GenerateDataKey':
      return client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    case 'GenerateDataKeyWithoutPlaintext':
      return client.send(
        new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }),
      );
    case 'GenerateRandom':
      return client.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
    case 'ReEncrypt':
      return client.send(
        new ReEncryptCommand({ CiphertextBlob: ciphertext, DestinationKeyId: keyId }),
      );
    case 'DescribeKey':
      return client.send(new DescribeKeyCommand({ KeyId: keyId }));
    case 'ListKeys':
      return client.send(new ListKeysCommand({ Limit: 10 }));
  }
}

/**
 * Drives the mix through the AWS SDK against one endpoint until the duration
 * or the request budget is spent, counting what was offered, admitted
 * (success), throttled (ThrottlingException) and failed, per second.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const needsCiphertext = options.mix.some(
    (m) => m.operation === 'Decrypt' || m.operation === 'ReEncrypt',
  );
  const createdKeys: string[] = [];
  const prepared: Prepared[] = [];
  for (const t of options.targets)
    prepared.push(
      await prepare(
        options.endpoint,
        t,
        needsCiphertext,
        createdKeys,
        options.concurrency ?? options.maxInflight,
      ),
    );

  const stats = new LoadStats();
  const inflight = new Set<Promise<void>>();
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  let sent = 0;
  let skipped = 0;
  let reported = 0;
  // The progress line shows what happened during each second (answers as they
  // come); the series, what became of each second's requests.
  let live: SecondCounts = { offered: 0, admitted: 0, throttled: 0, errors: 0 };
  const stopped = () =>
    elapsed() >= options.durationMs ||
    sent >= options.maxRequests ||
    options.signal?.aborted === true;

  const fire = (): Promise<void> => {
    const p = prepared[sent % prepared.length]!;
    sent += 1;
    const op = pickOperation(options.mix, Math.random());
    const t0 = elapsed();
    // Outcomes count in the second the request was sent: with a socket per
    // request in flight that is when the gateway admitted it, give or take its
    // queueing, whereas answers arrive after a variable backend latency.
    const second = Math.floor(t0 / 1000);
    stats.offered(second, p.region, p.account);
    live.offered += 1;
    const done = send(p, op).then(
      () => {
        stats.completed(second, p.region, p.account, 'admitted', elapsed() - t0);
        live.admitted += 1;
      },
      (err: unknown) => {
        const name = err instanceof Error ? err.name : 'Error';
        const outcome = name === 'ThrottlingException' ? 'throttled' : 'error';
        stats.completed(second, p.region, p.account, outcome, elapsed() - t0, name);
        if (outcome === 'throttled') live.throttled += 1;
        else live.errors += 1;
      },
    );
    const tracked = done.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
    return tracked;
  };

  const progress = setInterval(() => {
    const now = Math.floor(elapsed() / 1000);
    if (reported < now) {
      options.onSecond?.(reported, live);
      live = { offered: 0, admitted: 0, throttled: 0, errors: 0 };
      reported = now;
    }
  }, 50);

  try {
    if (options.concurrency !== undefined) {
      const worker = async (): Promise<void> => {
        while (!stopped()) await fire();
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
    } else {
      const schedule = { rate: options.rate ?? 0, rampMs: options.rampMs };
      while (!stopped()) {
        const due = Math.min(dueBy(elapsed(), schedule), options.maxRequests);
        while (sent + skipped < due && sent < options.maxRequests) {
          if (inflight.size >= options.maxInflight) skipped += 1;
          else void fire();
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    await Promise.all(inflight);
  } finally {
    clearInterval(progress);
    for (const p of prepared) p.client.destroy();
  }
  const durationMs = Math.min(elapsed(), Math.max(options.durationMs, 1));
  const seconds = Math.max(1, Math.ceil(durationMs / 1000));
  if (reported < seconds) options.onSecond?.(reported, live);
  return { stats, durationMs, seconds, skipped, createdKeys };
}
