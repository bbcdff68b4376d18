import { env, readEnv } from '@keyhold/core';

/** How the gateway reaches crypto-worker and how many processes it runs. */
export interface TransportConfig {
  /** `stream` (multiplexed DataPlane streams, the default) or `unary` (one RPC per request). */
  readonly cryptoTransport: 'stream' | 'unary';
  /** TCP connections to crypto-worker carrying DataPlane streams. */
  readonly cryptoConnections: number;
  /** DataPlane streams per connection. */
  readonly cryptoStreamsPerConnection: number;
  /** Serving processes (node:cluster) sharing the HTTP and gRPC ports. */
  readonly processes: number;
}

/** Reads the transport settings; kept apart from config.ts, which other work owns. */
export function loadTransportConfig(
  source: Readonly<Record<string, string | undefined>>,
): TransportConfig {
  const e = readEnv(
    'gateway',
    {
      KEYHOLD_CRYPTO_TRANSPORT: env.oneOf(['stream', 'unary'] as const, 'stream'),
      KEYHOLD_CRYPTO_CONNECTIONS: env.int({ min: 1, max: 64, default: 4 }),
      KEYHOLD_CRYPTO_STREAMS_PER_CONNECTION: env.int({ min: 1, max: 64, default: 2 }),
      KEYHOLD_GATEWAY_PROCESSES: env.int({ min: 1, max: 64, default: 1 }),
    },
    source,
  );
  return Object.freeze({
    cryptoTransport: e.KEYHOLD_CRYPTO_TRANSPORT,
    cryptoConnections: e.KEYHOLD_CRYPTO_CONNECTIONS,
    cryptoStreamsPerConnection: e.KEYHOLD_CRYPTO_STREAMS_PER_CONNECTION,
    processes: e.KEYHOLD_GATEWAY_PROCESSES,
  });
}
