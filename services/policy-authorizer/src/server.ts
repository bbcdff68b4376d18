import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  AuthenticateRequest__Output,
  AuthenticateResponse,
  AuthorizeRequest__Output,
  AuthorizeResponse,
  DecisionBundle,
  GetDecisionBundleRequest__Output,
} from '@keyhold/proto';
import { createAuthorizer } from './authorizer.js';
import type { Config } from './config.js';
import type { IdentityStore } from './identities.js';

export interface PolicyAuthorizerDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly identities: IdentityStore;
}

export interface PolicyAuthorizerHandle {
  readonly address: string;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  close(graceMs?: number): Promise<void>;
}

const KNOWN_ACTION = /^kms:[A-Za-z]{1,64}$/;

export async function startPolicyAuthorizer(
  deps: PolicyAuthorizerDeps,
  config: Pick<Config, 'grpcListen'>,
): Promise<PolicyAuthorizerHandle> {
  const authorizer = createAuthorizer(deps.identities);
  const decisions = new Counter({
    name: 'keyhold_authorizer_decisions_total',
    help: 'Authorize decisions by action and result',
    labelNames: ['action', 'result'],
    registers: [deps.registry],
  });

  const handlers = {
    Authenticate: async (req: AuthenticateRequest__Output): Promise<AuthenticateResponse> => {
      const { principal, signingKey } = authorizer.authenticate(req);
      return { principal, signingKey };
    },
    Authorize: async (req: AuthorizeRequest__Output): Promise<AuthorizeResponse> => {
      const decision = authorizer.authorize(req);
      decisions.inc({
        action: KNOWN_ACTION.test(req.action) ? req.action : 'invalid',
        result: decision.allowed ? 'allowed' : 'denied',
      });
      return decision.allowed ? { allowed: true, message: '' } : decision;
    },
    GetDecisionBundle: async (req: GetDecisionBundleRequest__Output): Promise<DecisionBundle> =>
      authorizer.decisionBundle(req.keyArn),
  };

  const server = await startGrpcServer(config.grpcListen, [
    [
      serviceDefinitions().authorizer,
      implement(handlers, { logger: deps.logger, metrics: createRpcMetrics(deps.registry) }),
    ],
  ]);
  deps.logger.info(
    { address: server.address, identities: deps.identities.size },
    'authorizer listening',
  );
  return {
    address: server.address,
    serving: () => server.serving(),
    close: (graceMs) => server.close(graceMs),
  };
}
