import { Registry, createLogger, isKmsError } from '@keyhold/core';
import { createQuotaLimiterClient } from '@keyhold/proto';
import type { Client, QuotaLimiterMethods } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRYPTO_SYMMETRIC_CLASS, parseQuotaFile } from './quotas.js';
import { startQuotaLimiter } from './server.js';
import type { QuotaLimiterHandle } from './server.js';

let now = 1_000_000;
const registry = new Registry();
let server: QuotaLimiterHandle;
let client: Client<QuotaLimiterMethods>;

beforeAll(async () => {
  server = await startQuotaLimiter(
    {
      logger: createLogger({ service: 'quota-limiter', level: 'silent' }),
      registry,
      overrides: parseQuotaFile('{"accounts":{"444455556666":{"ListKeys":{"rate":1,"burst":2}}}}'),
      clock: () => now,
    },
    { grpcListen: '127.0.0.1:0', leaseTtlMs: 1000, idleBucketMs: 60_000 },
  );
  server.serving();
  client = createQuotaLimiterClient(server.address);
});

afterAll(async () => {
  client?.close();
  await server?.close(1_000);
});

describe('quota-limiter over gRPC', () => {
  it('grants, then throttles with a retry hint, then refills', async () => {
    const ask = {
      region: 'us-east-1',
      accountId: '444455556666',
      operation: 'ListKeys',
      requested: 3,
    };
    await expect(client.Acquire(ask)).resolves.toEqual({
      granted: 2,
      quotaClass: 'ListKeys',
      leaseTtlMs: 1000,
      retryAfterMs: 1000,
    });
    await expect(client.Acquire({ ...ask, requested: 1 })).resolves.toMatchObject({
      granted: 0,
      retryAfterMs: 1000,
    });
    now += 1_500;
    await expect(client.Acquire(ask)).resolves.toMatchObject({ granted: 1, retryAfterMs: 500 });
  });

  it('maps crypto operations to the shared class with the region default', async () => {
    const res = await client.Acquire({
      region: 'us-east-1',
      accountId: '111122223333',
      operation: 'Encrypt',
      requested: 100,
    });
    expect(res).toEqual({
      granted: 100,
      quotaClass: CRYPTO_SYMMETRIC_CLASS,
      leaseTtlMs: 1000,
      retryAfterMs: 0,
    });
    const quotas = await client.GetQuotas({ region: 'us-east-1', accountId: '111122223333' });
    expect(quotas.quotas.find((q) => q.quotaClass === CRYPTO_SYMMETRIC_CLASS)).toEqual({
      quotaClass: CRYPTO_SYMMETRIC_CLASS,
      ratePerSecond: 100_000,
      burst: 100_000,
      available: 99_900,
    });
  });

  it('rejects an unknown operation as ValidationException', async () => {
    const err = await client
      .Acquire({
        region: 'us-east-1',
        accountId: '111122223333',
        operation: 'Frobnicate',
        requested: 1,
      })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'ValidationException')).toBe(true);
  });

  it('counts granted and denied tokens by region and class', async () => {
    const text = await registry.metrics();
    expect(text).toContain(
      'keyhold_quota_tokens_granted_total{region="us-east-1",quota_class="ListKeys"} 3',
    );
    expect(text).toContain(
      'keyhold_quota_tokens_denied_total{region="us-east-1",quota_class="ListKeys"} 4',
    );
    expect(text).not.toContain('444455556666');
  });
});
