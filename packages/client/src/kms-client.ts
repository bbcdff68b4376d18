import * as grpc from '@grpc/grpc-js';
import { KmsError } from '@keyhold/core';
import { signNativeCall } from '@keyhold/core/sigv4';
import type { NativeSignInput } from '@keyhold/core/sigv4';
import { CLIENT_OPTIONS, fromServiceError, loadProto } from '@keyhold/proto';
import type { KeyManagementServiceMethods } from '@keyhold/proto';
import { resolveClientOptions } from './options.js';
import type { ClientOptions, ResolvedOptions } from './options.js';
import { SYSTEM_RETRY_DEPS, withRetries } from './retry.js';
import type { RetryOptions } from './retry.js';

export const USER_AGENT = 'keyhold-client/0.1.0';

/** Per-call overrides of the client's options. */
export interface CallOptions {
  /** Deadline of this call, retries and backoff included. @default the client's timeoutMs */
  readonly timeoutMs?: number;
  /** Merged over the client's retry options; `{ maxAttempts: 1 }` turns retries off. */
  readonly retry?: RetryOptions;
  /**
   * For a service principal's client: the IAM principal ARN of the user the
   * call is made for, sent (and signed) as `x-keyhold-on-behalf-of`. The
   * gateway evaluates the call as that user with `kms:ViaService` naming the
   * service; only service principals may send it.
   */
  readonly onBehalfOf?: string;
}

type Operation<F> = F extends (request: infer Req, ...rest: never[]) => Promise<infer Res>
  ? (request: Req, options?: CallOptions) => Promise<Res>
  : never;

/**
 * Every RPC of kms.v1.KeyManagementService as a camel-cased promise method
 * (`Encrypt` is `encrypt`), typed by the generated request and response
 * messages: byte fields are Buffers, 64-bit integers strings, enums names.
 */
export type KmsOperations = {
  [K in keyof KeyManagementServiceMethods as Uncapitalize<K & string>]: Operation<
    KeyManagementServiceMethods[K]
  >;
};

/** A client of the gateway's native gRPC API. */
export type KeyholdClient = KmsOperations & {
  /** The region requests are signed for. */
  readonly region: string;
  /** Closes the channel; calls made after fail. */
  close(): void;
};

type AnyMethod = grpc.MethodDefinition<unknown, unknown>;

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function serialize(name: string, def: AnyMethod, request: unknown): Buffer {
  try {
    return def.requestSerialize(request);
  } catch (err) {
    throw new KmsError(
      'ValidationException',
      `The ${name} request does not match its message type: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** One attempt: the request serialized once, signed over those bytes, sent as they are. */
async function attempt(
  channel: grpc.Client,
  options: ResolvedOptions,
  def: AnyMethod,
  body: Buffer,
  deadline: number,
  headers: NativeSignInput['headers'],
): Promise<unknown> {
  const signed = await signNativeCall({
    host: options.authority,
    path: def.path,
    body,
    region: options.region,
    credentials: options.credentials,
    ...(headers ? { headers } : {}),
  });
  const metadata = new grpc.Metadata();
  for (const [name, value] of Object.entries(signed)) metadata.set(name, value);
  return new Promise((resolve, reject) => {
    channel.makeUnaryRequest(
      def.path,
      (bytes: Buffer) => bytes,
      def.responseDeserialize,
      body,
      metadata,
      { deadline },
      (err, res) => (err ? reject(fromServiceError(err)) : resolve(res)),
    );
  });
}

/**
 * A typed client of the gateway's native gRPC API. Each call is signed with
 * SigV4 over its serialized request (re-signed on every attempt), retried
 * with jittered exponential backoff on retryable errors only, and fails with
 * a `KmsError` whose `code` is the AWS exception name.
 *
 * ```ts
 * const kms = createKeyholdClient({ endpoint: '127.0.0.1:50051', region: 'us-east-1' });
 * const { keyMetadata } = await kms.createKey({ description: 'orders' });
 * const { ciphertextBlob } = await kms.encrypt({ keyId: keyMetadata!.keyId, plaintext: Buffer.from('hi') });
 * kms.close();
 * ```
 */
export function createKeyholdClient(clientOptions: ClientOptions = {}): KeyholdClient {
  const options = resolveClientOptions(clientOptions, process.env);
  const channel = new grpc.Client(options.authority, options.channelCredentials, {
    ...CLIENT_OPTIONS,
    'grpc.default_authority': options.authority,
    'grpc.primary_user_agent': USER_AGENT,
    ...options.channelOptions,
  });
  const service = loadProto().kms.v1.KeyManagementService.service as grpc.ServiceDefinition;
  const out: Record<string, unknown> = {
    region: options.region,
    close: () => channel.close(),
  };
  for (const [name, def] of Object.entries(service)) {
    out[camel(name)] = async (request: unknown, call: CallOptions = {}) => {
      const body = serialize(name, def, request);
      const deadline = Date.now() + (call.timeoutMs ?? options.timeoutMs);
      const retry = { ...options.retry, ...call.retry };
      const headers =
        call.onBehalfOf === undefined ? undefined : { 'x-keyhold-on-behalf-of': call.onBehalfOf };
      return withRetries(
        () => attempt(channel, options, def, body, deadline, headers),
        retry,
        deadline,
        SYSTEM_RETRY_DEPS,
      );
    };
  }
  return out as KeyholdClient;
}
