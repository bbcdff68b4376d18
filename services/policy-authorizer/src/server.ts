import type * as grpc from '@grpc/grpc-js';
import { Counter, createRpcMetrics } from '@keyhold/core';
import type { Logger, Registry } from '@keyhold/core';
import { implement, serviceDefinitions, startGrpcServer } from '@keyhold/proto';
import type {
  AuthenticateRequest__Output,
  AuthenticateResponse,
  AuthorizeRequest__Output,
  AuthorizeResponse,
  CallInfo,
  DecisionBundle,
  GetDecisionBundleRequest__Output,
  GetIdentityPoliciesRequest__Output,
  IdentityPolicies,
} from '@keyhold/proto';
import type { Bus } from '@keyhold/bus';
import type { OutboxRelay } from '@keyhold/eventstore';
import { identityAdminDefinition, identityAdminImplementation } from './admin/service.js';
import { authorizeInput } from './authorize-request.js';
import { createAuthorizer } from './authorizer.js';
import type { AuthorizerOptions } from './authorizer.js';
import type { Config } from './config.js';
import type { IdentityStore } from './identities.js';
import type { IdentityDirectory } from './identity/directory.js';
import { KeyReadModel, feedKeyEvents } from './read-model.js';
import type { KeyEventFeed } from './read-model.js';

export interface PolicyAuthorizerDeps {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly identities: IdentityStore;
  /**
   * The event-sourced identities: serves the IdentityAdmin API when given
   * (its changes announced on NATS core); `identities` is then the same object.
   */
  readonly directory?: IdentityDirectory;
  /** Key events build the read model. */
  readonly bus: Pick<Bus, 'js' | 'jsm' | 'names'>;
  /** Relays identity changes (identity/changes.ts); admin calls flush it before they answer. */
  readonly announcer?: Pick<OutboxRelay, 'flush'>;
  readonly options?: AuthorizerOptions;
}

export interface PolicyAuthorizerHandle {
  readonly address: string;
  readonly model: KeyReadModel;
  /** Marks the gRPC health status SERVING. */
  serving(): void;
  close(graceMs?: number): Promise<void>;
}

const KNOWN_ACTION = /^kms:[A-Za-z]{1,64}$/;

export async function startPolicyAuthorizer(
  deps: PolicyAuthorizerDeps,
  config: Pick<Config, 'grpcListen'>,
): Promise<PolicyAuthorizerHandle> {
  const model = new KeyReadModel(deps.logger);
  const feed: KeyEventFeed = await feedKeyEvents(deps.bus, model, deps.logger);
  // Serving before the replay ends would hand out stale bundles and decisions.
  await feed.caughtUp;
  deps.logger.info({ keys: model.size }, 'key read model caught up');
  const authorizer = createAuthorizer(deps.identities, model, deps.options);
  const decisions = new Counter({
    name: 'keyhold_authorizer_decisions_total',
    help: 'Authorize decisions by action and result',
    labelNames: ['action', 'result'],
    registers: [deps.registry],
  });

  const handlers = {
    Authenticate: async (req: AuthenticateRequest__Output): Promise<AuthenticateResponse> => {
      const { principal, signingKey } = authorizer.authenticate(req);
      const servicePrincipal = deps.identities.byAccessKeyId(req.accessKeyId)?.servicePrincipal;
      return { principal: { ...principal, servicePrincipal: servicePrincipal ?? '' }, signingKey };
    },
    Authorize: async (
      req: AuthorizeRequest__Output,
      call: CallInfo,
    ): Promise<AuthorizeResponse> => {
      const decision = await authorizer.authorize(authorizeInput(req, call.context));
      decisions.inc({
        action: KNOWN_ACTION.test(req.action) ? req.action : 'invalid',
        result: decision.allowed ? 'allowed' : 'denied',
      });
      if (decision.allowed) return { allowed: true, message: '', reason: decision.reason };
      call.logger.info(
        { action: req.action, principalArn: req.principalArn, reason: decision.reason },
        'access denied',
      );
      return decision;
    },
    GetDecisionBundle: async (req: GetDecisionBundleRequest__Output): Promise<DecisionBundle> =>
      authorizer.decisionBundle({
        keyArn: req.keyArn,
        minVersion: Number(req.minVersion),
        grantId: req.grantId,
      }),
    GetIdentityPolicies: async (
      req: GetIdentityPoliciesRequest__Output,
    ): Promise<IdentityPolicies> => authorizer.identityPolicies(req.principalArn),
  };

  const services: Array<[grpc.ServiceDefinition, grpc.UntypedServiceImplementation]> = [
    [
      serviceDefinitions().authorizer,
      implement(handlers, { logger: deps.logger, metrics: createRpcMetrics(deps.registry) }),
    ],
  ];
  if (deps.directory) {
    const { announcer } = deps;
    services.push([
      identityAdminDefinition(),
      identityAdminImplementation({
        directory: deps.directory,
        logger: deps.logger,
        // Before the admin call answers: a deactivated key stops working at
        // once. The change is committed: a failure is left to the relay's retries.
        onChange: async () => {
          await announcer?.flush().catch((err: unknown) => {
            deps.logger.warn({ err }, 'identity change not announced yet');
          });
        },
      }),
    ]);
  }
  const server = await startGrpcServer(config.grpcListen, services);
  deps.logger.info(
    { address: server.address, identities: deps.identities.size },
    'authorizer listening',
  );
  return {
    address: server.address,
    model,
    serving: () => server.serving(),
    close: async (graceMs) => {
      await server.close(graceMs);
      await feed.stop();
    },
  };
}
