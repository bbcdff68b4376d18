import { Registry, createLogger, isKmsError, deriveSigningKey } from '@keyhold/core';
import { createAuthorizerClient } from '@keyhold/proto';
import type { Client, AuthorizerMethods } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentities } from './identities.js';
import { startPolicyAuthorizer } from './server.js';
import type { PolicyAuthorizerHandle } from './server.js';

const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
let server: PolicyAuthorizerHandle;
let client: Client<AuthorizerMethods>;

beforeAll(async () => {
  const identities = parseIdentities(
    JSON.stringify({
      accounts: [
        {
          accountId: '111122223333',
          principals: [
            {
              arn: 'arn:aws:iam::111122223333:user/test',
              accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'test' }],
            },
          ],
        },
      ],
    }),
  );
  server = await startPolicyAuthorizer(
    {
      logger: createLogger({ service: 'policy-authorizer', level: 'silent' }),
      registry: new Registry(),
      identities,
    },
    { grpcListen: '127.0.0.1:0' },
  );
  server.serving();
  client = createAuthorizerClient(server.address);
});

afterAll(async () => {
  client?.close();
  await server?.close(1_000);
});

describe('policy-authorizer over gRPC', () => {
  it('authenticates a known access key', async () => {
    const res = await client.Authenticate({
      accessKeyId: 'test',
      date: '20240601',
      region: 'us-east-1',
      service: 'kms',
    });
    expect(res.principal).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/test',
      accessKeyId: 'test',
    });
    expect(res.signingKey.equals(deriveSigningKey('test', '20240601', 'us-east-1', 'kms'))).toBe(
      true,
    );
  });

  it('rejects an unknown access key as UnrecognizedClientException', async () => {
    const err = await client
      .Authenticate({ accessKeyId: 'ghost', date: '20240601', region: 'us-east-1', service: 'kms' })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'UnrecognizedClientException')).toBe(true);
    expect((err as Error).message).toBe('The security token included in the request is invalid.');
  });

  it('authorizes by account', async () => {
    const base = { principalArn: 'arn:aws:iam::111122223333:user/test', region: 'us-east-1' };
    await expect(
      client.Authorize({
        ...base,
        accountId: '111122223333',
        action: 'kms:DescribeKey',
        resourceArn: keyArn,
      }),
    ).resolves.toEqual({ allowed: true, message: '' });
    const denied = await client.Authorize({
      ...base,
      principalArn: 'arn:aws:iam::444455556666:user/eve',
      accountId: '444455556666',
      action: 'kms:DescribeKey',
      resourceArn: keyArn,
    });
    expect(denied.allowed).toBe(false);
    expect(denied.message).toContain(
      'User: arn:aws:iam::444455556666:user/eve is not authorized to perform: kms:DescribeKey',
    );
  });

  it('serves decision bundles and rejects bad ARNs', async () => {
    await expect(client.GetDecisionBundle({ keyArn })).resolves.toEqual({
      keyArn,
      keyAccountId: '111122223333',
      version: '0',
    });
    const err = await client.GetDecisionBundle({ keyArn: 'alias/foo' }).catch((e: unknown) => e);
    expect(isKmsError(err, 'InvalidArnException')).toBe(true);
  });
});
