import type * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { loadProto, startGrpcServer } from '@keyhold/proto';
import type {
  CryptoDataPlaneClient,
  DataPlaneRequest__Output,
  DataPlaneRequests,
  DataPlaneRequests__Output,
  DataPlaneResponse,
  DataPlaneResponses,
  DataPlaneResponses__Output,
  GrpcServerHandle,
} from '@keyhold/proto';

import { createCryptoStreams } from './crypto-streams.js';
import type { CryptoStreams } from './crypto-streams.js';

// The gateway's stream transport against a stand-in DataPlaneBatch server
// (the real worker's side is tested in crypto-worker): batching,
// multiplexing, error mapping, per-request deadlines, and recovery after the
// worker restarts.

const context = {
  requestId: 'r',
  region: 'us-east-1',
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/a',
  sourceIp: '',
  userAgent: '',
  viaService: 's3.us-east-1.amazonaws.com',
  operation: 'Encrypt',
};

/** What the stand-in received: every frame, and how many came in each message. */
interface Received {
  readonly frames: DataPlaneRequest__Output[];
  readonly messages: number[];
}

const received = (): Received => ({ frames: [], messages: [] });

/**
 * Answers Encrypt with the plaintext reversed, "missing" with NotFound,
 * "hang" never, and "break-once" by ending its stream unanswered the first
 * time; each answer in a message of its own.
 */
function standIn(log: Received): grpc.UntypedServiceImplementation {
  let broken = false;
  const handler: grpc.handleBidiStreamingCall<DataPlaneRequests__Output, DataPlaneResponses> = (
    call,
  ) => {
    const answer = (response: DataPlaneResponse): void => {
      call.write({ responses: [response] });
    };
    call.on('data', (message: DataPlaneRequests__Output) => {
      log.messages.push(message.requests.length);
      for (const frame of message.requests) {
        log.frames.push(frame);
        const req = frame.encrypt!;
        if (req.keyId === 'hang') continue;
        if (req.keyId === 'break-once' && !broken) {
          broken = true;
          call.end();
          return;
        }
        setTimeout(() => {
          if (req.keyId === 'missing') {
            answer({ id: frame.id, error: { code: 'NotFoundException', message: 'nope' } });
          } else {
            answer({
              id: frame.id,
              encrypt: {
                keyId: `arn:${req.keyId}`,
                ciphertextBlob: Buffer.from(req.plaintext).reverse(),
                encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
              },
            });
          }
        }, Math.random() * 5);
      }
    });
    call.on('end', () => call.end());
  };
  return { DataPlaneBatch: handler as grpc.UntypedHandleCall };
}

async function startStandIn(address: string, log: Received) {
  return startGrpcServer(address, [
    [loadProto().keyhold.crypto.v1.CryptoDataPlane.service, standIn(log)],
  ]);
}

const encrypt = (streams: CryptoStreams, keyId: string, plaintext = Buffer.from(keyId)) =>
  streams.Encrypt({ keyId, plaintext }, { context, timeoutMs: 5_000 });

/** Collects the DataPlaneBatch streams the lanes open, in order. */
function spyOnOpenedStreams(): grpc.ClientDuplexStream<
  DataPlaneRequests,
  DataPlaneResponses__Output
>[] {
  const opened: grpc.ClientDuplexStream<DataPlaneRequests, DataPlaneResponses__Output>[] = [];
  const proto = (
    loadProto().keyhold.crypto.v1.CryptoDataPlane as unknown as {
      prototype: CryptoDataPlaneClient;
    }
  ).prototype;
  const open = proto.DataPlaneBatch;
  vi.spyOn(proto, 'DataPlaneBatch').mockImplementation(function (this: CryptoDataPlaneClient) {
    const stream = open.call(this);
    opened.push(stream);
    return stream;
  });
  return opened;
}

describe('createCryptoStreams', () => {
  let server: GrpcServerHandle | undefined;
  let streams: CryptoStreams | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    streams?.close();
    await server?.close(500);
  });

  it('multiplexes concurrent calls over the streams and answers each by id', async () => {
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 2, streamsPerConnection: 2 });
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        streams!.Encrypt(
          { keyId: `k${i}`, plaintext: Buffer.from(`p${i}`) },
          { context, timeoutMs: 5_000 },
        ),
      ),
    );
    results.forEach((r, i) => {
      expect(r.keyId).toBe(`arn:k${i}`);
      expect(Buffer.from(r.ciphertextBlob).toString()).toBe(`p${i}`.split('').reverse().join(''));
    });
    // The context travels in each frame, via-service included.
    expect(log.frames[0]!.context).toMatchObject(context);
    expect(streams.inFlight).toBe(0);
  });

  it('sends the requests of one loop turn together, in as few messages as the cap allows', async () => {
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 2, streamsPerConnection: 2 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => encrypt(streams!, `k${i}`)),
    );
    results.forEach((r, i) => expect(r.keyId).toBe(`arn:k${i}`));
    expect(log.frames).toHaveLength(200);
    // One frame per message would be 200 messages, one message per stream 4:
    // the turn fills one stream's message up to the cap, then the next.
    expect([...log.messages].sort((a, b) => b - a)).toEqual([128, 72]);
  });

  it('spreads successive loop turns over the streams', async () => {
    const opened = spyOnOpenedStreams();
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 2, streamsPerConnection: 2 });
    for (let turn = 0; turn < 8; turn++) {
      await Promise.all(Array.from({ length: 5 }, (_, i) => encrypt(streams!, `t${turn}-${i}`)));
    }
    // A message per turn, and every stream had turns (a stream opens on first use).
    expect(log.messages).toEqual(Array.from({ length: 8 }, () => 5));
    expect(opened).toHaveLength(4);
  });

  it('writes a queue at 128 frames or 512 KiB without waiting for the loop turn', async () => {
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 1 });
    await Promise.all(Array.from({ length: 300 }, (_, i) => encrypt(streams!, `k${i}`)));
    expect(log.messages).toEqual([128, 128, 44]);
    // Six of 200 KiB in one message would pass the worker's 1 MiB limit and break the stream.
    log.messages.length = 0;
    const big = Buffer.alloc(200 * 1024, 'x');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => encrypt(streams!, `big${i}`, big)),
    );
    results.forEach((r) => expect(r.ciphertextBlob).toHaveLength(big.length));
    expect(log.messages).toEqual([3, 3]);
  });

  it('rebuilds KmsErrors and fails a request past its deadline', async () => {
    server = await startStandIn('127.0.0.1:0', received());
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 1 });
    const err = await streams
      .Encrypt({ keyId: 'missing', plaintext: Buffer.from('x') }, { context })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'NotFoundException')).toBe(true);
    expect((err as Error).message).toBe('nope');
    const failsAtDeadline = async (s: CryptoStreams): Promise<void> => {
      const started = Date.now();
      const late = await s
        .Encrypt({ keyId: 'hang', plaintext: Buffer.from('x') }, { context, timeoutMs: 100 })
        .catch((e: unknown) => e);
      expect(isKmsError(late, 'DependencyTimeoutException')).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
    };
    await failsAtDeadline(streams);
    // Other requests on the same stream are unaffected.
    const ok = await streams.Encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { context });
    expect(ok.keyId).toBe('arn:k');
    // The deadline sweep stops while nothing is pending and starts again with the next request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await failsAtDeadline(streams);
  });

  it('sends a broken stream’s requests again on another open stream', async () => {
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 2 });
    // Open both streams first, so that another one is there when the first breaks.
    await Promise.all([0, 1].map(() => encrypt(streams!, 'k')));
    const r = await encrypt(streams, 'break-once', Buffer.from('abc'));
    expect(Buffer.from(r.ciphertextBlob).toString()).toBe('cba');
    const sent = log.frames.filter((f) => f.encrypt?.keyId === 'break-once');
    expect(sent).toHaveLength(2);
    // The second attempt carries the context and only the time left.
    expect(sent[1]!.context).toMatchObject({ requestId: 'r', viaService: context.viaService });
    expect(sent[1]!.timeoutMs).toBeLessThanOrEqual(5_000);
  });

  it('sends frames still queued on a broken stream on another one, or fails them when none is open', async () => {
    // The lanes' streams, to break one while frames wait in its queue.
    const opened = spyOnOpenedStreams();
    const log = received();
    server = await startStandIn('127.0.0.1:0', log);
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 2 });
    // One turn each: both lanes open, and the next turn starts on the first again.
    await encrypt(streams, 'k');
    await encrypt(streams, 'k');
    expect(opened).toHaveLength(2);
    const queued = Array.from({ length: 10 }, (_, i) => encrypt(streams!, `q${i}`));
    // Broken before the lane's end-of-turn write.
    opened[0]!.cancel();
    const results = await Promise.all(queued);
    results.forEach((r, i) => expect(r.keyId).toBe(`arn:q${i}`));
    // Each went out once: none of the retried ones also from the broken lane’s stale queue.
    const sent = log.frames.filter((f) => f.encrypt?.keyId.startsWith('q'));
    expect(sent).toHaveLength(10);

    const alone = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 1 });
    try {
      await encrypt(alone, 'k');
      const started = Date.now();
      const failing = encrypt(alone, 'q').catch((e: unknown) => e);
      opened[2]!.cancel();
      expect(isKmsError(await failing, 'DependencyTimeoutException')).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      alone.close();
    }
  });

  it('fails requests of a broken stream at once and reconnects to a restarted worker', async () => {
    server = await startStandIn('127.0.0.1:0', received());
    const address = server.address;
    streams = createCryptoStreams(address, { connections: 1, streamsPerConnection: 2 });
    await streams.Encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { context });
    const hanging = streams
      .Encrypt({ keyId: 'hang', plaintext: Buffer.from('x') }, { context, timeoutMs: 10_000 })
      .catch((e: unknown) => e);
    await server.close(0);
    const started = Date.now();
    expect(isKmsError(await hanging, 'DependencyTimeoutException')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    server = await startStandIn(address, received());
    await expect
      .poll(
        () =>
          streams!
            .Encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { context, timeoutMs: 1_000 })
            .then(
              (r) => r.keyId,
              (e: unknown) => String(e),
            ),
        { timeout: 10_000, interval: 200 },
      )
      .toBe('arn:k');
  });
});
