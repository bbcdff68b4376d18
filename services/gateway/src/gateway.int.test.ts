import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOutcome, busNames, connectBus, decodeAuditBatch } from '@keyhold/bus';
import type { AuditRecord, Bus } from '@keyhold/bus';
import {
  KmsError,
  createLogger,
  createMetricsRegistry,
  deriveSigningKey,
  keyArn,
} from '@keyhold/core';
import type { Registry } from '@keyhold/core';
import {
  checkHealth,
  createAuthorizerClient,
  createCryptoWorkerClient,
  createKeyManagerClient,
  createQuotaLimiterClient,
  implement,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import type {
  AcquireRequest__Output,
  AuthenticateRequest__Output,
  CallInfo,
  CreateKeyRequest__Output,
  DecryptRequest__Output,
  DescribeKeyRequest__Output,
  EncryptRequest__Output,
  GenerateDataKeyRequest__Output,
  GrpcServerHandle,
  KeyMetadata,
  RequestContext,
} from '@keyhold/proto';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';
import { startGateway } from './server.js';
import type { GatewayHandle } from './server.js';

const ACCOUNT = '111122223333';
const THROTTLED_ACCOUNT = '444455556666';
const ACCESS_KEY = 'AKIDGATEWAYTEST';
const THROTTLED_KEY = 'AKIDTHROTTLED';
const SECRET = 'gateway-test-secret';
const REGION = 'us-east-1';
const PLAINTEXT = Buffer.from('the plaintext that must never be audited');
const MAX_BODY = 8 * 1024;

const logger = createLogger({ service: 'gateway-test', level: 'silent' });
const contexts: RequestContext[] = [];
let acquireCalls: AcquireRequest__Output[] = [];
const keys = new Map<string, KeyMetadata>();

function metadata(ctx: RequestContext, description: string): KeyMetadata {
  const id = randomUUID();
  return {
    awsAccountId: ctx.accountId,
    keyId: id,
    arn: keyArn(ctx.region, ctx.accountId, id),
    creationDate: 1_764_417_600.25,
    enabled: true,
    description,
    keyUsage: 'ENCRYPT_DECRYPT',
    keyState: 'Enabled',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    multiRegion: false,
  };
}

function findKey(keyId: string): KeyMetadata {
  for (const m of keys.values()) if (m.keyId === keyId || m.arn === keyId) return m;
  throw KmsError.notFound(keyId);
}

// Stand-in ciphertext: key ARN + reversed plaintext. Enough to round-trip through the gateway.
const seal = (arn: string, plaintext: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${arn}|`), Buffer.from(plaintext).reverse()]);

async function startStandIns(): Promise<GrpcServerHandle> {
  const defs = serviceDefinitions();
  const record = (call: CallInfo): void => void contexts.push(call.context);
  const server = await startGrpcServer('127.0.0.1:0', [
    [
      defs.keyManager,
      implement(
        {
          CreateKey: async (req: CreateKeyRequest__Output, call: CallInfo) => {
            record(call);
            const m = metadata(call.context, req.description ?? '');
            keys.set(m.keyId!, m);
            return { keyMetadata: m };
          },
          DescribeKey: async (req: DescribeKeyRequest__Output, call: CallInfo) => {
            record(call);
            return { keyMetadata: findKey(req.keyId) };
          },
          ListKeys: async (_req: unknown, call: CallInfo) => {
            record(call);
            return {
              keys: [...keys.values()].map((m) => ({ keyId: m.keyId, keyArn: m.arn })),
              truncated: false,
            };
          },
        },
        { logger },
      ),
    ],
    [
      defs.cryptoWorker,
      implement(
        {
          Encrypt: async (req: EncryptRequest__Output, call: CallInfo) => {
            record(call);
            if (req.keyId === 'crash') throw new Error('boom: internal detail');
            if (req.keyId === 'slow') {
              await new Promise((resolve) => setTimeout(resolve, 300));
              const slowArn = keyArn(call.context.region, call.context.accountId, randomUUID());
              return {
                ciphertextBlob: seal(slowArn, req.plaintext),
                keyId: slowArn,
                encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
              };
            }
            const m = findKey(req.keyId);
            if (m.awsAccountId !== call.context.accountId) {
              throw KmsError.accessDenied(call.context.principalArn, 'kms:Encrypt', m.arn!);
            }
            return {
              ciphertextBlob: seal(m.arn!, req.plaintext),
              keyId: m.arn,
              encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
            };
          },
          Decrypt: async (req: DecryptRequest__Output, call: CallInfo) => {
            record(call);
            const text = req.ciphertextBlob.toString('latin1');
            const bar = text.indexOf('|');
            if (bar < 0) throw KmsError.invalidCiphertext();
            return {
              keyId: text.slice(0, bar),
              plaintext: Buffer.from(req.ciphertextBlob.subarray(bar + 1)).reverse(),
              encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
            };
          },
          GenerateDataKey: async (req: GenerateDataKeyRequest__Output, call: CallInfo) => {
            record(call);
            const m = findKey(req.keyId);
            const plaintext = Buffer.alloc(req.numberOfBytes ?? 32, 7);
            return { ciphertextBlob: seal(m.arn!, plaintext), plaintext, keyId: m.arn };
          },
        },
        { logger },
      ),
    ],
    [
      defs.authorizer,
      implement(
        {
          Authenticate: async (req: AuthenticateRequest__Output) => {
            const account =
              req.accessKeyId === ACCESS_KEY
                ? ACCOUNT
                : req.accessKeyId === THROTTLED_KEY
                  ? THROTTLED_ACCOUNT
                  : undefined;
            if (!account)
              throw new KmsError(
                'UnrecognizedClientException',
                'The security token included in the request is invalid.',
              );
            return {
              principal: {
                accountId: account,
                principalArn: `arn:aws:iam::${account}:user/test`,
                accessKeyId: req.accessKeyId,
              },
              signingKey: deriveSigningKey(SECRET, req.date, req.region, req.service),
            };
          },
        },
        { logger },
      ),
    ],
    [
      defs.quotaLimiter,
      implement(
        {
          Acquire: async (req: AcquireRequest__Output) => {
            acquireCalls.push(req);
            if (req.accountId === THROTTLED_ACCOUNT) {
              return {
                granted: 0,
                quotaClass: req.operation,
                leaseTtlMs: 1_000,
                retryAfterMs: 60_000,
              };
            }
            return {
              granted: req.requested,
              quotaClass: req.operation,
              leaseTtlMs: 10_000,
              retryAfterMs: 0,
            };
          },
        },
        { logger },
      ),
    ],
  ]);
  server.serving();
  return server;
}

let standIns: GrpcServerHandle;
let bus: Bus;
let gateway: GatewayHandle;
let registry: Registry;
let kms: KMSClient;
let clients: Array<{ close(): void }> = [];
/** requestId -> expected audit outcome, for every request sent. */
const expected = new Map<string, string>();

function kmsClient(accessKeyId: string, secretAccessKey: string): KMSClient {
  return new KMSClient({
    endpoint: gateway.endpoint,
    region: REGION,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

async function sdkError(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; requestId: string; status: number }> {
  try {
    await p;
  } catch (err) {
    const e = err as {
      name: string;
      message: string;
      $metadata: { requestId: string; httpStatusCode: number };
    };
    return {
      name: e.name,
      message: e.message,
      requestId: e.$metadata.requestId,
      status: e.$metadata.httpStatusCode,
    };
  }
  throw new Error('expected an error');
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: { __type?: string; message?: string };
}

async function raw(init: {
  target?: string;
  body: string;
  sign?: boolean;
  method?: string;
}): Promise<RawResponse> {
  const url = new URL(gateway.endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
  };
  if (init.target) headers['x-amz-target'] = init.target;
  if (init.sign !== false) {
    const signer = new SignatureV4({
      service: 'kms',
      region: REGION,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      sha256: Sha256,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        headers,
        body: init.body,
      }),
    );
    Object.assign(headers, signed.headers);
  }
  delete headers['host'];
  const res = await fetch(gateway.endpoint, {
    method: init.method ?? 'POST',
    headers,
    ...(init.method === 'GET' ? {} : { body: init.body }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as RawResponse['body'],
  };
}

/** Sends headers and part of a body by hand; resolves with the status, body and whether the socket closed. */
function rawHttp(opts: {
  contentLength?: number;
  chunks: Buffer[];
  pauseMs?: number;
}): Promise<{ status: number; body: string; closed: boolean }> {
  const url = new URL(gateway.endpoint);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'TrentService.Encrypt',
    };
    if (opts.contentLength !== undefined) headers['content-length'] = String(opts.contentLength);
    const req = http.request({
      host: url.hostname,
      port: Number(url.port),
      method: 'POST',
      path: '/',
      headers,
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        const done = (closed: boolean) => resolve({ status: res.statusCode ?? 0, body, closed });
        const socket = req.socket;
        if (!socket || socket.destroyed) done(true);
        else {
          const t = setTimeout(() => done(false), 3_000);
          socket.once('close', () => {
            clearTimeout(t);
            done(true);
          });
        }
      });
    });
    for (const c of opts.chunks) req.write(c);
    if (opts.pauseMs === undefined) req.end();
  });
}

beforeAll(async () => {
  standIns = await startStandIns();
  const names = busNames(testBusPrefix());
  bus = await connectBus({ url: testNatsUrl(), name: 'gateway-test', names, logger });
  registry = createMetricsRegistry('gateway');
  const keyManager = createKeyManagerClient(standIns.address);
  const cryptoWorker = createCryptoWorkerClient(standIns.address);
  const authorizer = createAuthorizerClient(standIns.address);
  const quotaLimiter = createQuotaLimiterClient(standIns.address);
  clients = [keyManager, cryptoWorker, authorizer, quotaLimiter];
  gateway = await startGateway(
    { logger, registry, keyManager, cryptoWorker, authorizer, quotaLimiter, bus },
    {
      httpListen: '127.0.0.1:0',
      grpcListen: '127.0.0.1:0',
      maxBodyBytes: MAX_BODY,
      bodyTimeoutMs: 500,
    },
  );
  kms = kmsClient(ACCESS_KEY, SECRET);
});

afterAll(async () => {
  kms?.destroy();
  await gateway?.close(2_000);
  for (const c of clients) c.close();
  await bus?.close();
  await standIns?.close(1_000);
});

describe('gateway over HTTP with the AWS SDK', () => {
  let keyId = '';
  let arn = '';
  let ciphertext: Uint8Array = new Uint8Array();

  it('serves gRPC health', async () => {
    expect(await checkHealth(gateway.address)).toBe('SERVING');
  });

  it('creates a key with the caller, region and a fresh request id in the context', async () => {
    contexts.length = 0;
    const res = await kms.send(new CreateKeyCommand({ Description: 'gateway test' }));
    expected.set(res.$metadata.requestId!, 'Allowed');
    const m = res.KeyMetadata!;
    keyId = m.KeyId!;
    arn = m.Arn!;
    expect(arn).toBe(`arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`);
    expect(m.AWSAccountId).toBe(ACCOUNT);
    expect(m.KeyState).toBe('Enabled');
    expect(m.KeySpec).toBe('SYMMETRIC_DEFAULT');
    expect(m.CustomerMasterKeySpec).toBe('SYMMETRIC_DEFAULT');
    expect(m.Description).toBe('gateway test');
    expect(m.CreationDate).toEqual(new Date(1_764_417_600_250));
    expect(m.EncryptionAlgorithms).toEqual(['SYMMETRIC_DEFAULT']);
    expect(res.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({
      requestId: res.$metadata.requestId,
      region: REGION,
      accountId: ACCOUNT,
      principalArn: `arn:aws:iam::${ACCOUNT}:user/test`,
      sourceIp: expect.stringContaining('127.0.0.1'),
      operation: 'CreateKey',
    });
    expect(contexts[0]!.userAgent).toContain('aws-sdk-js');
  });

  it('encrypts, decrypts and generates a data key', async () => {
    const enc = await kms.send(
      new EncryptCommand({
        KeyId: keyId,
        Plaintext: PLAINTEXT,
        EncryptionContext: { purpose: 'test' },
      }),
    );
    expected.set(enc.$metadata.requestId!, 'Allowed');
    expect(enc.KeyId).toBe(arn);
    expect(enc.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    ciphertext = enc.CiphertextBlob!;
    const dec = await kms.send(
      new DecryptCommand({ CiphertextBlob: ciphertext, EncryptionContext: { purpose: 'test' } }),
    );
    expected.set(dec.$metadata.requestId!, 'Allowed');
    expect(Buffer.from(dec.Plaintext!)).toEqual(PLAINTEXT);
    expect(dec.KeyId).toBe(arn);
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: arn, NumberOfBytes: 32 }));
    expected.set(dk.$metadata.requestId!, 'Allowed');
    expect(dk.Plaintext).toHaveLength(32);
    expect(dk.KeyId).toBe(arn);
  });

  it('describes and lists keys', async () => {
    const d = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expected.set(d.$metadata.requestId!, 'Allowed');
    expect(d.KeyMetadata?.Arn).toBe(arn);
    const l = await kms.send(new ListKeysCommand({ Limit: 10 }));
    expected.set(l.$metadata.requestId!, 'Allowed');
    expect(l.Keys).toContainEqual({ KeyId: keyId, KeyArn: arn });
    expect(l.Truncated).toBe(false);
  });

  it('passes backend errors through with their AWS code', async () => {
    const nf = await sdkError(kms.send(new DescribeKeyCommand({ KeyId: randomUUID() })));
    expected.set(nf.requestId, 'Failed');
    expect(nf.name).toBe('NotFoundException');
    const bad = await sdkError(
      kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from('garbage') })),
    );
    expected.set(bad.requestId, 'Failed');
    expect(bad.name).toBe('InvalidCiphertextException');
  });

  it('answers AccessDenied from the backend and audits it as Denied', async () => {
    const foreign = metadata({ ...contexts[0]!, accountId: '999988887777' }, 'foreign');
    keys.set(foreign.keyId!, foreign);
    const err = await sdkError(
      kms.send(new EncryptCommand({ KeyId: foreign.arn!, Plaintext: PLAINTEXT })),
    );
    expected.set(err.requestId, 'Denied');
    expect(err.name).toBe('AccessDeniedException');
  });

  it('hides a backend crash behind KMSInternalException', async () => {
    const err = await sdkError(
      kms.send(new EncryptCommand({ KeyId: 'crash', Plaintext: PLAINTEXT })),
    );
    expected.set(err.requestId, 'Failed');
    expect(err.name).toBe('KMSInternalException');
    expect(err.status).toBe(500);
    expect(err.message).not.toContain('boom');
  });

  it('rejects a wrong secret with InvalidSignatureException', async () => {
    const c = kmsClient(ACCESS_KEY, 'not-the-secret');
    const err = await sdkError(c.send(new ListKeysCommand({})));
    c.destroy();
    expected.set(err.requestId, 'Failed');
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toContain('The request signature we calculated does not match');
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const c = kmsClient('AKIDNOBODY', SECRET);
    const err = await sdkError(c.send(new ListKeysCommand({})));
    c.destroy();
    expected.set(err.requestId, 'Failed');
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('lets the SDK correct its clock after "Signature expired"', async () => {
    const c = new KMSClient({
      endpoint: gateway.endpoint,
      region: REGION,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      systemClockOffset: -40 * 60_000,
      maxAttempts: 3,
    });
    const res = await c.send(new ListKeysCommand({}));
    c.destroy();
    expect(res.$metadata.attempts).toBe(2);
    expect(res.Keys?.length).toBeGreaterThan(0);
  });

  it('throttles when the limiter grants nothing, without asking it per request', async () => {
    const c = kmsClient(THROTTLED_KEY, SECRET);
    acquireCalls = [];
    for (let i = 0; i < 3; i++) {
      const err = await sdkError(
        c.send(new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT })),
      );
      expected.set(err.requestId, 'Throttled');
      expect(err.name).toBe('ThrottlingException');
      expect(err.status).toBe(400);
    }
    c.destroy();
    expect(acquireCalls).toHaveLength(1);
    expect(acquireCalls[0]).toMatchObject({
      region: REGION,
      accountId: THROTTLED_ACCOUNT,
      operation: 'Encrypt',
    });
  });

  it('leases crypto tokens in batches', async () => {
    acquireCalls = [];
    for (let i = 0; i < 15; i++) {
      const r = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: PLAINTEXT }));
      expected.set(r.$metadata.requestId!, 'Allowed');
    }
    // Batches of at least 10: 15 requests need at most two Acquire calls.
    expect(acquireCalls.length).toBeLessThanOrEqual(2);
    for (const c of acquireCalls) expect(c.requested).toBeGreaterThanOrEqual(10);
  });
});

describe('gateway over raw HTTP', () => {
  it('answers malformed JSON with 400 SerializationException and a request id', async () => {
    const r = await raw({ target: 'TrentService.Encrypt', body: '{"KeyId": "x", ' });
    expect(r.status).toBe(400);
    expect(r.body.__type).toBe('SerializationException');
    expect(r.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const rid = r.headers.get('x-amzn-requestid');
    expect(rid).toMatch(/^[0-9a-f-]{36}$/);
    expected.set(rid!, 'Failed');
  });

  it('answers a mistyped member with SerializationException', async () => {
    const r = await raw({ target: 'TrentService.Encrypt', body: '{"KeyId":"x","Plaintext":123}' });
    expect([r.status, r.body.__type]).toEqual([400, 'SerializationException']);
    expected.set(r.headers.get('x-amzn-requestid')!, 'Failed');
  });

  it('answers an unknown or missing target with UnknownOperationException', async () => {
    for (const target of ['TrentService.Frobnicate', undefined]) {
      const r = await raw({ ...(target ? { target } : {}), body: '{}' });
      expect([r.status, r.body.__type]).toEqual([400, 'UnknownOperationException']);
      expected.set(r.headers.get('x-amzn-requestid')!, 'Failed');
    }
  });

  it('answers an unsigned request with 403 MissingAuthenticationTokenException', async () => {
    const r = await raw({ target: 'TrentService.ListKeys', body: '{}', sign: false });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    expected.set(r.headers.get('x-amzn-requestid')!, 'Failed');
  });

  it('answers GET with an AWS-style error', async () => {
    const r = await raw({ body: '', method: 'GET', sign: false });
    expect(r.status).toBe(400);
    expect(r.body.__type).toBe('UnknownOperationException');
    expected.set(r.headers.get('x-amzn-requestid')!, 'Failed');
  });

  it('answers an oversized body with 413 and closes the connection', async () => {
    const declared = await rawHttp({
      contentLength: MAX_BODY + 1,
      chunks: [Buffer.alloc(1024, 0x20)],
      pauseMs: 1,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).__type).toBe('RequestEntityTooLargeException');
    expect(declared.closed).toBe(true);
    const chunked = await rawHttp({
      chunks: Array.from({ length: 12 }, () => Buffer.alloc(1024, 0x20)),
    });
    expect(chunked.status).toBe(413);
    expect(chunked.closed).toBe(true);
  });

  it('answers a body that stalls with 408 within the body timeout', async () => {
    const started = Date.now();
    const r = await rawHttp({
      contentLength: 100,
      chunks: [Buffer.from('{"KeyId":')],
      pauseMs: 10_000,
    });
    expect(r.status).toBe(408);
    expect(JSON.parse(r.body).__type).toBe('RequestTimeoutException');
    expect(r.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, flushes its audit record, then stops accepting', async () => {
    const keyManager = createKeyManagerClient(standIns.address);
    const cryptoWorker = createCryptoWorkerClient(standIns.address);
    const authorizer = createAuthorizerClient(standIns.address);
    const quotaLimiter = createQuotaLimiterClient(standIns.address);
    clients.push(keyManager, cryptoWorker, authorizer, quotaLimiter);
    const second = await startGateway(
      {
        logger,
        registry: createMetricsRegistry('gateway'),
        keyManager,
        cryptoWorker,
        authorizer,
        quotaLimiter,
        bus,
      },
      {
        httpListen: '127.0.0.1:0',
        grpcListen: '127.0.0.1:0',
        maxBodyBytes: MAX_BODY,
        bodyTimeoutMs: 500,
      },
    );
    const c = new KMSClient({
      endpoint: second.endpoint,
      region: REGION,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      maxAttempts: 1,
    });
    const inFlight = c.send(new EncryptCommand({ KeyId: 'slow', Plaintext: PLAINTEXT }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = second.close(5_000);
    const res = await inFlight;
    expected.set(res.$metadata.requestId!, 'Allowed');
    expect(res.CiphertextBlob?.length).toBeGreaterThan(0);
    await closed;
    await expect(fetch(second.endpoint, { method: 'POST', body: '{}' })).rejects.toThrow();
    await expect(checkHealth(second.address, 500)).rejects.toThrow();
    c.destroy();
  });
});

describe('audit fail mode', () => {
  // A prefix whose audit stream does not exist: JetStream refuses every batch.
  async function gatewayWithoutStream(auditFailMode: 'closed' | 'open') {
    const keyManager = createKeyManagerClient(standIns.address);
    const cryptoWorker = createCryptoWorkerClient(standIns.address);
    const authorizer = createAuthorizerClient(standIns.address);
    const quotaLimiter = createQuotaLimiterClient(standIns.address);
    clients.push(keyManager, cryptoWorker, authorizer, quotaLimiter);
    const broken = { acks: bus.acks, names: busNames(testBusPrefix()) };
    return startGateway(
      {
        logger,
        registry: createMetricsRegistry('gateway'),
        keyManager,
        cryptoWorker,
        authorizer,
        quotaLimiter,
        bus: broken,
      },
      {
        httpListen: '127.0.0.1:0',
        grpcListen: '127.0.0.1:0',
        maxBodyBytes: MAX_BODY,
        bodyTimeoutMs: 500,
        auditFailMode,
      },
    );
  }

  it('refuses a request it cannot audit with a retryable 503 (closed, the default)', async () => {
    const g = await gatewayWithoutStream('closed');
    const c = new KMSClient({
      endpoint: g.endpoint,
      region: REGION,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      maxAttempts: 1,
    });
    try {
      const failed = await sdkError(
        c.send(new EncryptCommand({ KeyId: 'slow', Plaintext: PLAINTEXT })),
      );
      expect(failed).toMatchObject({ name: 'DependencyTimeoutException', status: 503 });
      // While the stream stays down, the next request is refused before it runs.
      const before = contexts.length;
      const next = await sdkError(
        c.send(new EncryptCommand({ KeyId: 'slow', Plaintext: PLAINTEXT })),
      );
      expect(next.name).toBe('DependencyTimeoutException');
      expect(contexts.length).toBe(before);
    } finally {
      c.destroy();
      await g.close(1_000);
    }
  });

  it('answers anyway when configured to fail open', async () => {
    const g = await gatewayWithoutStream('open');
    const c = new KMSClient({
      endpoint: g.endpoint,
      region: REGION,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      maxAttempts: 1,
    });
    try {
      const res = await c.send(new EncryptCommand({ KeyId: 'slow', Plaintext: PLAINTEXT }));
      expect(res.CiphertextBlob?.length).toBeGreaterThan(0);
    } finally {
      c.destroy();
      await g.close(1_000);
    }
  });
});

describe('audit stream', () => {
  it('holds one record per request with the right outcome and no plaintext', async () => {
    const names = bus.names;
    const records: AuditRecord[] = [];
    const bodies: string[] = [];
    const deadline = Date.now() + 5_000;
    // Every response above was sent after its batch was acked, so the records are already there.
    const info = await bus.jsm.streams.info(names.auditStream);
    for (
      let seq = info.state.first_seq;
      seq <= info.state.last_seq && Date.now() < deadline;
      seq++
    ) {
      const msg = await bus.jsm.streams.getMessage(names.auditStream, { seq });
      const batch = decodeAuditBatch(msg.data);
      expect(msg.header?.get('Nats-Msg-Id')).toBe(batch.batchId);
      // The default wire format: every record after a batch's first is a delta.
      expect(batch).toMatchObject({ format: 2, malformed: 0 });
      records.push(...(batch.records as AuditRecord[]));
      bodies.push(Buffer.from(msg.data).toString('utf8'));
    }
    for (const text of [JSON.stringify(records), ...bodies]) {
      expect(text).not.toContain(PLAINTEXT.toString('base64'));
      expect(text).not.toContain(PLAINTEXT.toString('utf8'));
      expect(text).not.toContain(SECRET);
    }
    const byRequest = new Map<string, AuditRecord[]>();
    for (const r of records) byRequest.set(r.requestID, [...(byRequest.get(r.requestID) ?? []), r]);
    expect(expected.size).toBeGreaterThan(20);
    for (const [requestId, outcome] of expected) {
      const found = byRequest.get(requestId) ?? [];
      expect(found, requestId).toHaveLength(1);
      expect(
        auditOutcome(found[0]!.errorCode),
        `${requestId} ${found[0]!.eventName} ${found[0]!.errorCode}`,
      ).toBe(outcome);
    }
    const encrypt = records.find((r) => r.eventName === 'Encrypt' && r.errorCode === undefined)!;
    expect(encrypt).toMatchObject({
      eventVersion: '2.0',
      awsRegion: REGION,
      userIdentity: { accountId: ACCOUNT, accessKeyId: ACCESS_KEY },
      eventCategory: 'Data',
      recipientAccountId: ACCOUNT,
    });
    expect(encrypt.resources[0]?.ARN).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
    expect(encrypt.requestParameters).not.toHaveProperty('plaintext');
    const unknownKey = records.find((r) => r.errorCode === 'UnrecognizedClientException')!;
    expect(unknownKey).toMatchObject({
      userIdentity: { accessKeyId: 'AKIDNOBODY', accountId: '' },
      awsRegion: REGION,
    });
    const throttled = records.filter((r) => r.errorCode === 'ThrottlingException');
    expect(throttled.every((r) => r.userIdentity.accountId === THROTTLED_ACCOUNT)).toBe(true);
  });

  it('counts requests by operation and code', async () => {
    const text = await registry.metrics();
    expect(text).toMatch(
      /keyhold_gateway_requests_total\{operation="Encrypt",code="OK",service="gateway"\} \d+/,
    );
    expect(text).toMatch(
      /keyhold_gateway_requests_total\{operation="Encrypt",code="ThrottlingException",service="gateway"\} 3/,
    );
    expect(text).not.toContain(SECRET);
  });
});
