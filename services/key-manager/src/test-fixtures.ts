// Fixtures of key-manager's integration tests (not part of the service): a
// request context, the KmsError a call failed with, stand-in peers, a bus.
import { randomUUID } from 'node:crypto';
import { busNames, connectBus } from '@keyhold/bus';
import type { Bus } from '@keyhold/bus';
import { KmsError, isKmsError, parseKeyArn } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  AuthorizeRequest__Output,
  GenerateKeyMaterialRequest__Output,
  GrpcServerHandle,
  RequestContext,
} from '@keyhold/proto';
import { testBusPrefix, testNatsUrl } from '@keyhold/testkit';

/** A caller's request context: `user` of `accountId` in `region`. */
export function testContext(accountId: string, region: string, user = 'alice'): RequestContext {
  return {
    requestId: randomUUID(),
    region,
    accountId,
    principalArn: `arn:aws:iam::${accountId}:user/${user}`,
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    viaService: '',
    operation: 'Test',
  };
}

/** The KmsError `p` rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(p: Promise<unknown>): Promise<KmsError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isKmsError(err)) throw new Error(`expected a KmsError, got ${String(err)}`);
  return err;
}

/**
 * Stand-ins for crypto-worker and policy-authorizer, as real gRPC servers on
 * one port. The material generator answers with `generate`'s bytes; the
 * authorizer allows a caller of the key's own account (any account for
 * account-level actions) unless its principal's name is `denied`.
 */
export function startPeers(
  logger: Logger,
  generate: (req: GenerateKeyMaterialRequest__Output) => Buffer,
): Promise<GrpcServerHandle> {
  return startGrpcServer('127.0.0.1:0', [
    [
      serviceDefinitions().cryptoWorker,
      implement(
        {
          GenerateKeyMaterial: async (req: GenerateKeyMaterialRequest__Output) => ({
            wrapped: generate(req),
          }),
        },
        { logger },
      ),
    ],
    [
      serviceDefinitions().authorizer,
      implement(
        {
          Authorize: async (req: AuthorizeRequest__Output) => {
            const owner =
              req.resourceArn === '*' ? req.accountId : parseKeyArn(req.resourceArn)?.accountId;
            const allowed = owner === req.accountId && !req.principalArn.endsWith('/denied');
            return allowed
              ? { allowed: true, message: '' }
              : {
                  allowed: false,
                  message: KmsError.accessDenied(req.principalArn, req.action, req.resourceArn)
                    .message,
                  reason: 'no allow',
                };
          },
        },
        { logger },
      ),
    ],
  ]);
}

/** A bus on the test NATS server under a fresh prefix. */
export function connectTestBus(name: string, logger: Logger): Promise<Bus> {
  return connectBus({ url: testNatsUrl(), name, names: busNames(testBusPrefix()), logger });
}

/** Drops the streams a test bus created and closes it. */
export async function closeTestBus(bus: Bus | undefined): Promise<void> {
  await bus?.jsm.streams.delete(bus.names.keyEventsStream).catch(() => undefined);
  await bus?.jsm.streams.delete(bus.names.auditStream).catch(() => undefined);
  await bus?.close();
}
