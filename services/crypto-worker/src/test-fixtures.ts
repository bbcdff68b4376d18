// Shared by the crypto-worker integration tests: a caller's context, AWS's
// default key policy and how a call ended.
import { randomUUID } from 'node:crypto';
import { busNames, connectBus } from '@keyhold/bus';
import type { Bus } from '@keyhold/bus';
import { isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type { RequestContext } from '@keyhold/proto';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';

/** AWS's default key policy: the key account's root, i.e. IAM decides. */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/** An identity policy allowing every kms action. */
export const KMS_ALL = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
});

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

export const context = (over: Partial<RequestContext> = {}): RequestContext => ({
  requestId: randomUUID(),
  region: REGION,
  accountId: ACCOUNT,
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  sourceIp: '127.0.0.1',
  userAgent: 'test',
  viaService: '',
  operation: 'Encrypt',
  ...over,
});

/** The KmsError code a call ended with, or OK. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return isKmsError(err) ? err.code : `not a KmsError: ${String(err)}`;
  }
  return 'OK';
}

/** A bus on the test NATS server under a fresh prefix (integration tests). */
export function connectTestBus(name: string, logger: Logger): Promise<Bus> {
  return connectBus({ url: testNatsUrl(), name, names: busNames(testBusPrefix()), logger });
}

/** Drops the streams a test bus created and closes it. */
export async function closeTestBus(bus: Bus | undefined): Promise<void> {
  if (!bus) return;
  await bus.jsm.streams.delete(bus.names.keyEventsStream).catch(() => false);
  await bus.jsm.streams.delete(bus.names.auditStream).catch(() => false);
  await bus.close();
}
