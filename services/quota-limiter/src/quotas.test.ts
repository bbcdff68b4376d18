import { ConfigError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import {
  CRYPTO_SYMMETRIC_CLASS,
  NO_OVERRIDES,
  QUOTA_CLASSES,
  defaultLimit,
  parseQuotaFile,
  quotaClassOf,
  resolveLimit,
} from './quotas.js';

function problemsOf(text: string): readonly string[] {
  try {
    parseQuotaFile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('quota classes', () => {
  it.each([
    'Encrypt',
    'Decrypt',
    'ReEncrypt',
    'GenerateDataKey',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateRandom',
    'GenerateMac',
    'VerifyMac',
  ])('%s spends the shared symmetric quota', (op) => {
    expect(quotaClassOf(op)).toBe(CRYPTO_SYMMETRIC_CLASS);
  });

  it('names per-API classes by the operation and knows no others', () => {
    expect(quotaClassOf('CreateKey')).toBe('CreateKey');
    expect(quotaClassOf('ListKeys')).toBe('ListKeys');
    expect(quotaClassOf('Frobnicate')).toBeUndefined();
    expect(quotaClassOf('toString')).toBeUndefined();
    expect(QUOTA_CLASSES[0]).toBe(CRYPTO_SYMMETRIC_CLASS);
  });

  it.each([
    ['us-east-1', 100_000],
    ['us-west-2', 100_000],
    ['eu-west-1', 100_000],
    ['us-east-2', 20_000],
    ['ap-southeast-1', 20_000],
    ['ap-southeast-2', 20_000],
    ['ap-northeast-1', 20_000],
    ['eu-central-1', 20_000],
    ['eu-west-2', 20_000],
    ['sa-east-1', 10_000],
    ['eu-north-1', 10_000],
  ])('symmetric default in %s is %d/s, a tenth of it as burst', (region, rate) => {
    expect(defaultLimit(region, CRYPTO_SYMMETRIC_CLASS)).toEqual({ rate, burst: rate / 10 });
  });

  it.each([
    // burst: a tenth of the rate, but at least min(rate, 10)
    ['CreateKey', 5, 5],
    ['DescribeKey', 2000, 200],
    ['ListKeys', 500, 50],
    ['GetKeyPolicy', 1000, 100],
    ['ListGrants', 100, 10],
    ['CreateGrant', 50, 10],
    ['ScheduleKeyDeletion', 15, 10],
    ['TagResource', 10, 10],
    ['UpdateAlias', 5, 5],
    ['GetParametersForImport', 1, 1],
  ])('%s defaults to %d/s in every region, burst %d', (cls, rate, burst) => {
    expect(defaultLimit('us-east-1', cls)).toEqual({ rate, burst });
    expect(defaultLimit('me-south-1', cls)).toEqual({ rate, burst });
  });
});

describe('quota file', () => {
  const overrides = parseQuotaFile(
    JSON.stringify({
      default: { CreateKey: { rate: 50 }, ListKeys: { rate: 10, burst: 20 } },
      regions: {
        'eu-west-1': { CreateKey: { rate: 7, burst: 9 }, [CRYPTO_SYMMETRIC_CLASS]: { rate: 3 } },
      },
      accounts: { '444455556666': { ListKeys: { rate: 1, burst: 2 }, CreateKey: { rate: 0.5 } } },
    }),
  );

  it('puts accounts over regions over default over AWS defaults', () => {
    expect(resolveLimit(overrides, 'eu-west-1', '444455556666', 'CreateKey')).toEqual({
      rate: 0.5,
      burst: 1,
    });
    expect(resolveLimit(overrides, 'eu-west-1', '111122223333', 'CreateKey')).toEqual({
      rate: 7,
      burst: 9,
    });
    expect(resolveLimit(overrides, 'us-east-1', '111122223333', 'CreateKey')).toEqual({
      rate: 50,
      burst: 10,
    });
    expect(resolveLimit(overrides, 'us-east-1', '444455556666', 'ListKeys')).toEqual({
      rate: 1,
      burst: 2,
    });
    expect(resolveLimit(overrides, 'us-east-1', '111122223333', 'ListKeys')).toEqual({
      rate: 10,
      burst: 20,
    });
    expect(resolveLimit(overrides, 'eu-west-1', '111122223333', CRYPTO_SYMMETRIC_CLASS)).toEqual({
      rate: 3,
      burst: 3,
    });
    expect(resolveLimit(overrides, 'us-east-1', '111122223333', 'DescribeKey')).toEqual({
      rate: 2000,
      burst: 200,
    });
    expect(
      resolveLimit(NO_OVERRIDES, 'us-east-2', '111122223333', CRYPTO_SYMMETRIC_CLASS).rate,
    ).toBe(20_000);
  });

  it('accepts an empty document', () => {
    expect(parseQuotaFile('{}')).toEqual(NO_OVERRIDES);
  });

  it('rejects text that is not JSON', () => {
    expect(problemsOf('{"default":')).toEqual(['KEYHOLD_QUOTA_FILE: is not valid JSON']);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      JSON.stringify({
        default: { Frobnicate: { rate: 1 }, CreateKey: { rate: 0 } },
        regions: {
          mars: { ListKeys: { rate: 1 } },
          'us-east-1': { ListKeys: { rate: 1, burst: 0.5 } },
        },
        accounts: { '123': { ListKeys: { rate: 1 } }, '444455556666': { ListKeys: { burst: 3 } } },
        extra: 1,
      }),
    );
    const text = problems.join('\n');
    expect(problems.length).toBeGreaterThanOrEqual(7);
    expect(text).toMatch(/default\.Frobnicate: unknown quota class/);
    expect(text).toMatch(/default\.CreateKey\.rate/);
    expect(text).toMatch(/regions\.mars: not a region/);
    expect(text).toMatch(/regions\.us-east-1\.ListKeys\.burst/);
    expect(text).toMatch(/accounts\.123: not a 12-digit account id/);
    expect(text).toMatch(/accounts\.444455556666\.ListKeys\.rate/);
    expect(text).toMatch(/Unrecognized key.*extra/);
  });
});
