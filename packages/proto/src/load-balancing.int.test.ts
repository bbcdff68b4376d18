import { createLogger } from '@keyhold/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_OPTIONS, createCryptoWorkerClient, serviceDefinitions } from './clients.js';
import type { Client, CryptoWorkerMethods } from './clients.js';
import { SERVER_OPTIONS, implement, startGrpcServer } from './server.js';
import type { GrpcServerHandle } from './server.js';

// Two replicas of a service behind one target: the channel options every
// internal client uses must spread calls over both, not pin one connection.

const logger = createLogger({ service: 'test', level: 'silent' });
const servers: GrpcServerHandle[] = [];
const served = [0, 0];
let client: Client<CryptoWorkerMethods>;

beforeAll(async () => {
  for (const replica of [0, 1]) {
    const server = await startGrpcServer('127.0.0.1:0', [
      [
        serviceDefinitions().cryptoWorker,
        implement(
          {
            GenerateRandom: async () => {
              served[replica] = (served[replica] ?? 0) + 1;
              return { plaintext: Buffer.from([replica]) };
            },
          },
          { logger },
        ),
      ],
    ]);
    server.serving();
    servers.push(server);
  }
  // grpc-js's ipv4 resolver: one target, both addresses (as DNS gives for a headless Service).
  client = createCryptoWorkerClient(`ipv4:${servers.map((s) => `127.0.0.1:${s.port}`).join(',')}`);
});

afterAll(async () => {
  client?.close();
  for (const s of servers) await s.close(1_000);
});

describe('internal gRPC clients', () => {
  it('configure round-robin load balancing, and servers bound connection age', () => {
    expect(JSON.parse(String(CLIENT_OPTIONS['grpc.service_config']))).toEqual({
      loadBalancingConfig: [{ round_robin: {} }],
    });
    expect(SERVER_OPTIONS['grpc.max_connection_age_ms']).toBeGreaterThan(0);
    expect(SERVER_OPTIONS['grpc.max_connection_age_grace_ms']).toBeGreaterThan(0);
  });

  it('spread calls over every address of the target', async () => {
    // Subchannels become ready one after the other; wait until both have answered once.
    for (let i = 0; i < 200 && (served[0] === 0 || served[1] === 0); i++) {
      await client.GenerateRandom({ numberOfBytes: 1 });
    }
    expect(served.every((n) => n > 0)).toBe(true);
    served.fill(0);
    const answeredBy = [0, 0];
    for (let i = 0; i < 40; i++) {
      const res = await client.GenerateRandom({ numberOfBytes: 1 });
      const replica = res.plaintext[0] ?? -1;
      answeredBy[replica] = (answeredBy[replica] ?? 0) + 1;
    }
    expect(answeredBy).toEqual(served);
    expect(served).toEqual([20, 20]);
  });
});
