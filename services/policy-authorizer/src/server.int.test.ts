import { Registry, createLogger, isKmsError, deriveSigningKey } from '@keyhold/core';
import { busNames, connectBus } from '@keyhold/bus';
import type { Bus, KeyEventMessage } from '@keyhold/bus';
import { createAuthorizerClient } from '@keyhold/proto';
import type { Client, AuthorizerMethods } from '@keyhold/proto';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentities } from './identities.js';
import { startPolicyAuthorizer } from './server.js';
import type { PolicyAuthorizerHandle } from './server.js';
import { event, keyCreated } from './test-events.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const keyArn = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;
const logger = createLogger({ service: 'policy-authorizer', level: 'silent' });
let server: PolicyAuthorizerHandle;
let client: Client<AuthorizerMethods>;
let bus: Bus;

async function publish(message: KeyEventMessage): Promise<void> {
  await bus.js.publish(
    bus.names.keyEventSubject(message.data.region, message.data.keyId),
    JSON.stringify(message),
    { msgID: message.eventId },
  );
}

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
              policies: [
                {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
                },
              ],
            },
          ],
        },
      ],
    }),
  );
  bus = await connectBus({
    url: testNatsUrl(),
    name: 'test',
    names: busNames(testBusPrefix()),
    logger,
  });
  // Stored before the service starts: it must replay it before serving.
  await publish(keyCreated(KEY_ID));
  server = await startPolicyAuthorizer(
    { logger, registry: new Registry(), identities, bus },
    { grpcListen: '127.0.0.1:0' },
  );
  server.serving();
  client = createAuthorizerClient(server.address);
});

afterAll(async () => {
  client?.close();
  await server?.close(1_000);
  await bus?.close();
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
      servicePrincipal: '',
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

  it('authorizes by the key policy and the identity policies', async () => {
    const base = { principalArn: 'arn:aws:iam::111122223333:user/test', region: 'us-east-1' };
    await expect(
      client.Authorize({
        ...base,
        accountId: '111122223333',
        action: 'kms:DescribeKey',
        resourceArn: keyArn,
      }),
    ).resolves.toMatchObject({ allowed: true, message: '' });
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
    expect(denied.reason).toBe('no allow');
  });

  it('serves decision bundles that follow key events, and rejects bad ARNs', async () => {
    await expect(client.GetDecisionBundle({ keyArn })).resolves.toMatchObject({
      keyArn,
      keyAccountId: '111122223333',
      version: '1',
      keyState: 'Enabled',
      tags: { team: 'a' },
    });
    await publish(event(KEY_ID, 2, 'KeyDisabled', { at: '2024-06-01T00:00:00Z' }));
    await expect(client.GetDecisionBundle({ keyArn, minVersion: '2' })).resolves.toMatchObject({
      version: '2',
      keyState: 'Disabled',
    });
    const err = await client.GetDecisionBundle({ keyArn: 'alias/foo' }).catch((e: unknown) => e);
    expect(isKmsError(err, 'InvalidArnException')).toBe(true);
  });
});
