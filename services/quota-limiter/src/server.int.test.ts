import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry, createLogger, isKmsError } from '@keyhold/core';
import { createQuotaLimiterClient } from '@keyhold/proto';
import type { Client, QuotaLimiterMethods } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOverrideStore } from './override-store.js';
import { CRYPTO_SYMMETRIC_CLASS, NO_OVERRIDES, parseQuotaFile } from './quotas.js';
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
      epoch: server.limiter.epoch,
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
      epoch: server.limiter.epoch,
    });
    const quotas = await client.GetQuotas({ region: 'us-east-1', accountId: '111122223333' });
    expect(quotas.quotas.find((q) => q.quotaClass === CRYPTO_SYMMETRIC_CLASS)).toEqual({
      quotaClass: CRYPTO_SYMMETRIC_CLASS,
      ratePerSecond: 100_000,
      burst: 10_000,
      available: 9_900,
      source: 'aws-default',
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

  // The issue asks for usage per account: accounts come from the configured identities (bounded).
  it('counts granted and denied tokens by region, account and class', async () => {
    const text = await registry.metrics();
    expect(text).toContain(
      'keyhold_quota_tokens_granted_total{region="us-east-1",account="444455556666",quota_class="ListKeys"} 3',
    );
    expect(text).toContain(
      'keyhold_quota_tokens_denied_total{region="us-east-1",account="444455556666",quota_class="ListKeys"} 4',
    );
    expect(text).toMatch(
      /keyhold_quota_limit_per_second\{region="us-east-1",account="444455556666",quota_class="ListKeys"\} 1/,
    );
  });
});

describe('live quota changes', () => {
  const logger = createLogger({ service: 'quota-limiter', level: 'silent' });
  const A = '111122223333';

  it('sets, lists and deletes overrides, persisted across a restart, effective at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-quota-'));
    const stateFile = path.join(dir, 'overrides.json');
    const start = () =>
      startQuotaLimiter(
        {
          logger,
          registry: new Registry(),
          overrides: NO_OVERRIDES,
          store: fileOverrideStore(stateFile),
        },
        { grpcListen: '127.0.0.1:0', leaseTtlMs: 1000, idleBucketMs: 60_000 },
      );
    let s1 = await start();
    let c1 = createQuotaLimiterClient(s1.address);
    try {
      const ask = { region: 'eu-west-3', accountId: A, operation: 'Encrypt', requested: 10_000 };
      // eu-west-3: 10,000/s with the default burst of a tenth.
      expect((await c1.Acquire(ask)).granted).toBe(1_000);
      await expect(
        c1.SetQuota({
          scope: { accountId: A },
          quotaClass: CRYPTO_SYMMETRIC_CLASS,
          ratePerSecond: 50,
          burst: 5,
        }),
      ).resolves.toEqual({
        override: {
          scope: { region: '', accountId: A },
          quotaClass: CRYPTO_SYMMETRIC_CLASS,
          ratePerSecond: 50,
          burst: 5,
          origin: 'live',
        },
      });
      // The existing bucket took the new limit: at most the new burst now.
      expect((await c1.Acquire(ask)).granted).toBeLessThanOrEqual(5);
      const quotas = await c1.GetQuotas({ region: 'eu-west-3', accountId: A });
      expect(quotas.quotas.find((q) => q.quotaClass === CRYPTO_SYMMETRIC_CLASS)).toMatchObject({
        ratePerSecond: 50,
        burst: 5,
        source: 'account',
      });
      expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toEqual({
        default: {},
        regions: {},
        accounts: { [A]: { [CRYPTO_SYMMETRIC_CLASS]: { rate: 50, burst: 5 } } },
      });
      const bad = await c1
        .SetQuota({
          scope: { region: 'us-east-1', accountId: A },
          quotaClass: 'ListKeys',
          ratePerSecond: 1,
          burst: 0,
        })
        .catch((e: unknown) => e);
      expect(isKmsError(bad, 'ValidationException')).toBe(true);

      c1.close();
      await s1.close(1_000);
      s1 = await start();
      c1 = createQuotaLimiterClient(s1.address);
      expect((await c1.ListQuotaOverrides({})).overrides).toEqual([
        {
          scope: { region: '', accountId: A },
          quotaClass: CRYPTO_SYMMETRIC_CLASS,
          ratePerSecond: 50,
          burst: 5,
          origin: 'live',
        },
      ]);
      await expect(
        c1.DeleteQuotaOverride({ scope: { accountId: A }, quotaClass: CRYPTO_SYMMETRIC_CLASS }),
      ).resolves.toEqual({ deleted: true });
      await expect(
        c1.DeleteQuotaOverride({ scope: { accountId: A }, quotaClass: CRYPTO_SYMMETRIC_CLASS }),
      ).resolves.toEqual({ deleted: false });
      expect((await c1.ListQuotaOverrides({})).overrides).toEqual([]);
    } finally {
      c1.close();
      await s1.close(1_000);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes back released tokens of its own epoch only', async () => {
    const s = await startQuotaLimiter(
      {
        logger,
        registry: new Registry(),
        overrides: parseQuotaFile(
          `{"default":{"${CRYPTO_SYMMETRIC_CLASS}":{"rate":1,"burst":10}}}`,
        ),
      },
      { grpcListen: '127.0.0.1:0', leaseTtlMs: 1000, idleBucketMs: 60_000 },
    );
    const c = createQuotaLimiterClient(s.address);
    try {
      const res = await c.Acquire({
        region: 'us-east-1',
        accountId: A,
        operation: 'Decrypt',
        requested: 10,
      });
      expect(res.granted).toBe(10);
      const back = {
        region: 'us-east-1',
        accountId: A,
        quotaClass: CRYPTO_SYMMETRIC_CLASS,
        tokens: 6,
      };
      await expect(c.Release({ ...back, epoch: 'other' })).resolves.toEqual({ accepted: 0 });
      await expect(c.Release({ ...back, epoch: res.epoch })).resolves.toEqual({ accepted: 6 });
    } finally {
      c.close();
      await s.close(1_000);
    }
  });
});
