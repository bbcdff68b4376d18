import * as grpc from '@grpc/grpc-js';
import { DEFAULT_RETRY } from './retry.js';
import type { RetryOptions } from './retry.js';

/** An access key the gateway knows; the secret never leaves the process. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Options of {@link createKeyholdClient}. */
export interface ClientOptions {
  /**
   * The gateway's gRPC address: `host:port`, or `http://host:port` /
   * `https://host:port` (TLS with the system's roots).
   * @default process.env.KEYHOLD_GRPC_ENDPOINT, else '127.0.0.1:50051' (the local launcher)
   */
  readonly endpoint?: string;
  /** @default process.env.AWS_REGION, else process.env.AWS_DEFAULT_REGION, else 'us-east-1' */
  readonly region?: string;
  /** @default from process.env.AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY */
  readonly credentials?: Credentials;
  /** Deadline of one call, retries and backoff included. @default 10_000 */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Replaces the TLS choice the endpoint's scheme makes, e.g. for a private CA. */
  readonly channelCredentials?: grpc.ChannelCredentials;
  /** Extra grpc-js channel options. */
  readonly channelOptions?: grpc.ChannelOptions;
}

/** Everything the client needs, defaults applied. */
export interface ResolvedOptions {
  /** host:port, sent as :authority and signed as `host`. */
  readonly authority: string;
  readonly region: string;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  readonly retry: Required<RetryOptions>;
  readonly channelCredentials: grpc.ChannelCredentials;
  readonly channelOptions: grpc.ChannelOptions;
}

export const DEFAULT_ENDPOINT = '127.0.0.1:50051';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_TIMEOUT_MS = 10_000;

type Env = Readonly<Record<string, string | undefined>>;

function parseEndpoint(endpoint: string): { authority: string; tls: boolean } {
  const m = /^(?:(https?):\/\/)?([^/]+?)\/?$/.exec(endpoint.trim());
  if (!m)
    throw new TypeError(`endpoint must be host:port or http(s)://host:port, got '${endpoint}'`);
  return { authority: m[2]!, tls: m[1] === 'https' };
}

function credentialsFrom(env: Env): Credentials {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) {
    throw new TypeError(
      'no credentials: pass options.credentials or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
  return { accessKeyId, secretAccessKey };
}

/** Applies the defaults; `env` is read only for options left out. */
export function resolveClientOptions(options: ClientOptions, env: Env): ResolvedOptions {
  const { authority, tls } = parseEndpoint(
    options.endpoint ?? env['KEYHOLD_GRPC_ENDPOINT'] ?? DEFAULT_ENDPOINT,
  );
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new TypeError('retry.maxAttempts must be an integer of at least 1');
  }
  return {
    authority,
    region: options.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? DEFAULT_REGION,
    credentials: options.credentials ?? credentialsFrom(env),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry,
    channelCredentials:
      options.channelCredentials ??
      (tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure()),
    channelOptions: options.channelOptions ?? {},
  };
}
