import { Registry } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { createQuotaGate } from './create.js';

describe('createQuotaGate', () => {
  it('counts admitted and throttled requests and held tokens per region, account and class', async () => {
    const registry = new Registry();
    const released: number[] = [];
    const { gate, close } = createQuotaGate(
      {
        registry,
        now: () => 0,
        acquire: async (r) => ({
          granted: Math.min(r.requested, 3),
          leaseTtlMs: 1000,
          retryAfterMs: 100,
          epoch: 'e',
        }),
        release: async (r) => {
          released.push(r.tokens);
          return { accepted: r.tokens };
        },
      },
      { hotKey: { rate: 1, burst: 1 } },
    );
    const subject = {
      region: 'us-east-1',
      accountId: '111122223333',
      operation: 'Encrypt',
      quotaClass: 'CryptographicOperationsSymmetric',
      hot: true,
    };
    await gate.spend(subject);
    await gate.spend({ ...subject, region: 'xx-invented-9' });
    const disable = {
      ...subject,
      operation: 'DisableKey',
      quotaClass: 'DisableKey',
      hot: false,
      keyId: 'k',
    };
    await gate.spend(disable);
    await expect(gate.spend(disable)).rejects.toMatchObject({ code: 'ThrottlingException' });
    for (let i = 0; i < 3; i++) await gate.spend(subject).catch(() => undefined);
    const text = await registry.metrics();
    const labels =
      'region="us-east-1",account="111122223333",quota_class="CryptographicOperationsSymmetric"';
    expect(text).toContain(`keyhold_gateway_quota_admitted_total{${labels}} 3`);
    expect(text).toContain(`keyhold_gateway_quota_throttled_total{${labels},reason="quota"} 1`);
    expect(text).toContain(
      'keyhold_gateway_quota_throttled_total{region="us-east-1",account="111122223333",quota_class="DisableKey",reason="hot_key"} 1',
    );
    expect(text).toContain(
      'keyhold_gateway_quota_admitted_total{region="other",account="111122223333",quota_class="CryptographicOperationsSymmetric"} 1',
    );
    expect(text).toContain(
      'keyhold_gateway_quota_held_tokens{region="other",account="111122223333",quota_class="CryptographicOperationsSymmetric"} 2',
    );
    await close();
    expect(released).toEqual([2]);
  });
});
