import { describe, expect, it } from 'vitest';
import { loadProto } from '@keyhold/proto';
import { createKeyholdClient } from './kms-client.js';
import { resolveClientOptions } from './options.js';

const CREDS = { accessKeyId: 'AKID', secretAccessKey: 'secret' };

describe('createKeyholdClient', () => {
  it('has a camel-cased method for every RPC of kms.v1.KeyManagementService', () => {
    const client = createKeyholdClient({ endpoint: '127.0.0.1:1', credentials: CREDS });
    try {
      const rpcs = Object.keys(loadProto().kms.v1.KeyManagementService.service);
      expect(rpcs.length).toBeGreaterThanOrEqual(34);
      for (const rpc of rpcs) {
        const method = rpc.charAt(0).toLowerCase() + rpc.slice(1);
        expect(typeof (client as unknown as Record<string, unknown>)[method], method).toBe(
          'function',
        );
      }
      expect(typeof client.generateDataKey).toBe('function');
      expect(typeof client.reEncrypt).toBe('function');
    } finally {
      client.close();
    }
  });

  it('rejects a request that does not match its message type as ValidationException', async () => {
    const client = createKeyholdClient({ endpoint: '127.0.0.1:1', credentials: CREDS });
    try {
      await expect(
        client.encrypt({
          keyId: 'k',
          encryptionContext: 'tenant=acme' as unknown as Record<string, string>,
        }),
      ).rejects.toMatchObject({ name: 'ValidationException', code: 'ValidationException' });
    } finally {
      client.close();
    }
  });
});

describe('resolveClientOptions', () => {
  it('takes endpoint, region and credentials from the environment when not given', () => {
    const o = resolveClientOptions(
      {},
      {
        KEYHOLD_GRPC_ENDPOINT: 'kms.internal:7443',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'id',
        AWS_SECRET_ACCESS_KEY: 'sk',
      },
    );
    expect(o.authority).toBe('kms.internal:7443');
    expect(o.region).toBe('eu-west-1');
    expect(o.credentials).toEqual({ accessKeyId: 'id', secretAccessKey: 'sk' });
    expect(o.timeoutMs).toBe(10_000);
    expect(o.retry).toEqual({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 });
  });

  it('defaults to the local launcher and us-east-1, and prefers explicit options', () => {
    const o = resolveClientOptions({ credentials: CREDS, retry: { maxAttempts: 5 } }, {});
    expect(o.authority).toBe('127.0.0.1:50051');
    expect(o.region).toBe('us-east-1');
    expect(o.retry.maxAttempts).toBe(5);
    const explicit = resolveClientOptions(
      { endpoint: 'https://kms.example.com:443/', region: 'ap-south-1', credentials: CREDS },
      { AWS_REGION: 'eu-west-1', KEYHOLD_GRPC_ENDPOINT: 'other:1' },
    );
    expect(explicit.authority).toBe('kms.example.com:443');
    expect(explicit.region).toBe('ap-south-1');
  });

  it('names the missing credentials rather than failing later', () => {
    expect(() => resolveClientOptions({}, {})).toThrow(/AWS_ACCESS_KEY_ID/);
    expect(() =>
      resolveClientOptions({ credentials: CREDS, retry: { maxAttempts: 0 } }, {}),
    ).toThrow(/maxAttempts/);
  });
});
