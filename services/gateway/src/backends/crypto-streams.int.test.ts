import type * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { loadProto, startGrpcServer } from '@keyhold/proto';
import type { DataPlaneRequest__Output, DataPlaneResponse, GrpcServerHandle } from '@keyhold/proto';

import { createCryptoStreams } from './crypto-streams.js';
import type { CryptoStreams } from './crypto-streams.js';

// The gateway's stream transport against a stand-in DataPlane server (the
// real worker's side is tested in crypto-worker): multiplexing, error
// mapping, per-request deadlines, and recovery after the worker restarts.

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

/**
 * Answers Encrypt with the plaintext reversed, "missing" with NotFound,
 * "hang" never, and "break-once" by ending its stream unanswered the first time.
 */
function standIn(seen: DataPlaneRequest__Output[]): grpc.UntypedServiceImplementation {
  let broken = false;
  const handler: grpc.handleBidiStreamingCall<DataPlaneRequest__Output, DataPlaneResponse> = (
    call,
  ) => {
    call.on('data', (frame: DataPlaneRequest__Output) => {
      seen.push(frame);
      const req = frame.encrypt!;
      if (req.keyId === 'hang') return;
      if (req.keyId === 'break-once' && !broken) {
        broken = true;
        call.end();
        return;
      }
      setTimeout(() => {
        if (req.keyId === 'missing') {
          call.write({ id: frame.id, error: { code: 'NotFoundException', message: 'nope' } });
        } else {
          call.write({
            id: frame.id,
            encrypt: {
              keyId: `arn:${req.keyId}`,
              ciphertextBlob: Buffer.from(req.plaintext).reverse(),
              encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
            },
          });
        }
      }, Math.random() * 5);
    });
    call.on('end', () => call.end());
  };
  return { DataPlane: handler as grpc.UntypedHandleCall };
}

async function startStandIn(address: string, seen: DataPlaneRequest__Output[]) {
  return startGrpcServer(address, [
    [loadProto().keyhold.crypto.v1.CryptoDataPlane.service, standIn(seen)],
  ]);
}

describe('createCryptoStreams', () => {
  let server: GrpcServerHandle | undefined;
  let streams: CryptoStreams | undefined;
  afterEach(async () => {
    streams?.close();
    await server?.close(500);
  });

  it('multiplexes concurrent calls over the streams and answers each by id', async () => {
    const seen: DataPlaneRequest__Output[] = [];
    server = await startStandIn('127.0.0.1:0', seen);
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
    expect(seen[0]!.context).toMatchObject(context);
    expect(streams.inFlight).toBe(0);
  });

  it('rebuilds KmsErrors and fails a request past its deadline', async () => {
    server = await startStandIn('127.0.0.1:0', []);
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 1 });
    const err = await streams
      .Encrypt({ keyId: 'missing', plaintext: Buffer.from('x') }, { context })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'NotFoundException')).toBe(true);
    expect((err as Error).message).toBe('nope');
    const started = Date.now();
    const late = await streams
      .Encrypt({ keyId: 'hang', plaintext: Buffer.from('x') }, { context, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(isKmsError(late, 'DependencyTimeoutException')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    // Other requests on the same stream are unaffected.
    const ok = await streams.Encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { context });
    expect(ok.keyId).toBe('arn:k');
  });

  it('sends a broken stream’s requests again on another open stream', async () => {
    const seen: DataPlaneRequest__Output[] = [];
    server = await startStandIn('127.0.0.1:0', seen);
    streams = createCryptoStreams(server.address, { connections: 1, streamsPerConnection: 2 });
    // Open both streams first, so that another one is there when the first breaks.
    await Promise.all(
      [0, 1].map(() => streams!.Encrypt({ keyId: 'k', plaintext: Buffer.from('x') }, { context })),
    );
    const r = await streams.Encrypt(
      { keyId: 'break-once', plaintext: Buffer.from('abc') },
      { context, timeoutMs: 5_000 },
    );
    expect(Buffer.from(r.ciphertextBlob).toString()).toBe('cba');
    const sent = seen.filter((f) => f.encrypt?.keyId === 'break-once');
    expect(sent).toHaveLength(2);
    // The second attempt carries the context and only the time left.
    expect(sent[1]!.context).toMatchObject({ requestId: 'r', viaService: context.viaService });
    expect(sent[1]!.timeoutMs).toBeLessThanOrEqual(5_000);
  });

  it('fails requests of a broken stream at once and reconnects to a restarted worker', async () => {
    server = await startStandIn('127.0.0.1:0', []);
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
    server = await startStandIn(address, []);
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
