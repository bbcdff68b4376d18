import type * as grpc from '@grpc/grpc-js';
import { KmsError, isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import { loadProto, unary } from '@keyhold/proto';
import type {
  AccessKeyMetadata,
  AccessKeyRequest__Output,
  Account,
  CallInfo,
  CreateAccessKeyRequest__Output,
  CreateAccountRequest__Output,
  CreatedAccessKey,
  CreatePrincipalRequest__Output,
  DeletePrincipalRequest__Output,
  Empty,
  ListAccessKeysRequest__Output,
  ListAccessKeysResponse,
  ListAccountsResponse,
  ListPrincipalPoliciesRequest__Output,
  ListPrincipalPoliciesResponse,
  ListPrincipalsRequest__Output,
  ListPrincipalsResponse,
  PrincipalInfo,
  PrincipalPolicy,
  PrincipalPolicyRequest__Output,
  PutPrincipalPolicyRequest__Output,
  ServicePrincipalInfo,
  ServicePrincipalRequest__Output,
  UpdateAccessKeyRequest__Output,
} from '@keyhold/proto';
import type { Identity } from '../identities.js';
import type { AccessKeyState, AccountState, IdentityCommand } from '../identity/decider.js';
import type { IdentityDirectory } from '../identity/directory.js';
import { rootArn } from '../identity/names.js';
import { generateAccessKeyId, generateSecretAccessKey } from '../identity/secrets.js';
import { authenticateCall } from './authenticate.js';
import { adminAllowed, assertAdminAllowed } from './authorize.js';
import {
  accountId,
  accountResource,
  namedPrincipal,
  ownerOf,
  servicePrincipalResource,
} from './resources.js';

export interface IdentityAdminDeps {
  readonly directory: IdentityDirectory;
  readonly logger: Logger;
  /** Awaited after every call that committed events (the announcer flushes them). */
  readonly onChange: () => Promise<void>;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

interface Captured {
  readonly raw: Buffer;
  readonly message: unknown;
  host?: string;
}

type AdminHandler = (message: never, caller: Identity, at: string) => Promise<unknown>;

const EMPTY: Empty = {};
const STATUS = new Set(['Active', 'Inactive']);

/** The service definition with deserializers that keep the raw request bytes for SigV4. */
export function identityAdminDefinition(): grpc.ServiceDefinition {
  const base = loadProto().keyhold.authorizer.v1.IdentityAdmin.service as grpc.ServiceDefinition;
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, def] of Object.entries(base)) {
    out[name] = {
      ...def,
      requestDeserialize: (raw: Buffer): Captured => ({
        raw,
        message: def.requestDeserialize(raw),
      }),
    };
  }
  return out;
}

const principalInfo = (state: AccountState, arn: string): PrincipalInfo => {
  const p = state.principals.get(arn)!;
  return { principalArn: arn, accountId: state.accountId!, kind: p.kind, createdAt: p.createdAt };
};

const keyMetadata = (state: AccountState, key: AccessKeyState): AccessKeyMetadata => ({
  accessKeyId: key.accessKeyId,
  owner: key.owner,
  accountId: state.accountId!,
  status: key.status,
  createdAt: key.createdAt,
});

/**
 * IdentityAdmin: each call is authenticated by its SigV4 signature and
 * allowed by the caller's identity policies under the IAM action its
 * comment in admin.proto names; else AccessDeniedException.
 */
export function identityAdminImplementation(
  deps: IdentityAdminDeps,
): grpc.UntypedServiceImplementation {
  const { directory } = deps;
  const now = deps.now ?? (() => new Date());
  const allow = (caller: Identity, action: string, resource: string): void =>
    assertAdminAllowed(directory, caller, action, resource, now());

  const accountState = (id: string): AccountState => {
    const state = directory.account(accountId(id));
    if (!state) throw new KmsError('NotFoundException', `Account ${id} does not exist.`);
    return state;
  };
  const run = async (command: IdentityCommand): Promise<void> => {
    const events = await directory.execute(command);
    if (events.length > 0) await deps.onChange();
  };
  const keyOf = (id: string): { state: AccountState; key: AccessKeyState } => {
    const account = directory.accountOfAccessKey(id);
    const state = account ? directory.account(account) : undefined;
    const key = state?.accessKeys.get(id);
    if (!state || !key)
      throw new KmsError('NotFoundException', `Access key ${id.slice(0, 128)} does not exist.`);
    return { state, key };
  };
  const keyResource = (state: AccountState, key: AccessKeyState): string =>
    key.owner.startsWith('arn:')
      ? key.owner
      : servicePrincipalResource(state.accountId!, key.owner);

  const handlers: Record<string, AdminHandler> = {
    CreateAccount: async (req: CreateAccountRequest__Output, caller, at): Promise<Account> => {
      const id = accountId(req.accountId);
      allow(caller, 'iam:CreateAccount', accountResource(id));
      await run({ type: 'CreateAccount', accountId: id, at });
      return { accountId: id, rootArn: rootArn(id), createdAt: at };
    },
    ListAccounts: async (_req: unknown, caller): Promise<ListAccountsResponse> => ({
      // Only the accounts the caller may list: no account, no error.
      accounts: directory
        .accounts()
        .filter((s) =>
          adminAllowed(directory, caller, 'iam:ListAccounts', accountResource(s.accountId!), now()),
        )
        .map((s) => ({
          accountId: s.accountId!,
          rootArn: rootArn(s.accountId!),
          createdAt: s.createdAt,
        })),
    }),
    CreatePrincipal: async (
      req: CreatePrincipalRequest__Output,
      caller,
      at,
    ): Promise<PrincipalInfo> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:Create${p.noun}`, p.arn);
      await run({ type: 'CreatePrincipal', accountId: p.accountId, arn: p.arn, at });
      return principalInfo(accountState(p.accountId), p.arn);
    },
    DeletePrincipal: async (req: DeletePrincipalRequest__Output, caller, at): Promise<Empty> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:Delete${p.noun}`, p.arn);
      await run({ type: 'DeletePrincipal', accountId: p.accountId, arn: p.arn, at });
      return EMPTY;
    },
    ListPrincipals: async (
      req: ListPrincipalsRequest__Output,
      caller,
    ): Promise<ListPrincipalsResponse> => {
      const id = accountId(req.accountId);
      allow(caller, 'iam:ListUsers', accountResource(id));
      const state = accountState(id);
      return {
        principals: [...state.principals.keys()].map((arn) => principalInfo(state, arn)),
        servicePrincipals: [...state.servicePrincipals.values()].map((s) => ({
          accountId: id,
          name: s.name,
          createdAt: s.createdAt,
        })),
      };
    },
    RegisterServicePrincipal: async (
      req: ServicePrincipalRequest__Output,
      caller,
      at,
    ): Promise<ServicePrincipalInfo> => {
      const id = accountId(req.accountId);
      allow(caller, 'iam:RegisterServicePrincipal', servicePrincipalResource(id, req.name));
      await run({ type: 'RegisterServicePrincipal', accountId: id, name: req.name, at });
      return { accountId: id, name: req.name, createdAt: at };
    },
    RemoveServicePrincipal: async (
      req: ServicePrincipalRequest__Output,
      caller,
      at,
    ): Promise<Empty> => {
      const id = accountId(req.accountId);
      allow(caller, 'iam:RemoveServicePrincipal', servicePrincipalResource(id, req.name));
      await run({ type: 'RemoveServicePrincipal', accountId: id, name: req.name, at });
      return EMPTY;
    },
    CreateAccessKey: async (
      req: CreateAccessKeyRequest__Output,
      caller,
      at,
    ): Promise<CreatedAccessKey> => {
      const owner = ownerOf(req.owner, req.accountId);
      allow(caller, 'iam:CreateAccessKey', owner.resource);
      for (let attempt = 0; ; attempt++) {
        const accessKeyId = generateAccessKeyId();
        const secret = generateSecretAccessKey();
        try {
          await run({
            type: 'CreateAccessKey',
            accountId: owner.accountId,
            owner: req.owner,
            accessKeyId,
            secret: directory.seal(accessKeyId, secret),
            at,
          });
        } catch (err) {
          // A clash of random ids: draw again.
          if (attempt < 3 && isKmsError(err, 'AlreadyExistsException')) continue;
          throw err;
        }
        const state = accountState(owner.accountId);
        return {
          metadata: keyMetadata(state, state.accessKeys.get(accessKeyId)!),
          secretAccessKey: secret,
        };
      }
    },
    ListAccessKeys: async (
      req: ListAccessKeysRequest__Output,
      caller,
    ): Promise<ListAccessKeysResponse> => {
      const owner = ownerOf(req.owner, req.accountId);
      allow(caller, 'iam:ListAccessKeys', owner.resource);
      const state = accountState(owner.accountId);
      return {
        accessKeys: [...state.accessKeys.values()]
          .filter((k) => k.owner === req.owner)
          .map((k) => keyMetadata(state, k)),
      };
    },
    UpdateAccessKey: async (
      req: UpdateAccessKeyRequest__Output,
      caller,
      at,
    ): Promise<AccessKeyMetadata> => {
      if (!STATUS.has(req.status))
        throw KmsError.validation("Status must be 'Active' or 'Inactive'.");
      const { state, key } = keyOf(req.accessKeyId);
      allow(caller, 'iam:UpdateAccessKey', keyResource(state, key));
      const status = req.status as 'Active' | 'Inactive';
      await run({
        type: 'UpdateAccessKey',
        accountId: state.accountId!,
        accessKeyId: key.accessKeyId,
        status,
        at,
      });
      return keyMetadata(state, { ...key, status });
    },
    DeleteAccessKey: async (req: AccessKeyRequest__Output, caller, at): Promise<Empty> => {
      const { state, key } = keyOf(req.accessKeyId);
      allow(caller, 'iam:DeleteAccessKey', keyResource(state, key));
      await run({
        type: 'DeleteAccessKey',
        accountId: state.accountId!,
        accessKeyId: key.accessKeyId,
        at,
      });
      return EMPTY;
    },
    PutPrincipalPolicy: async (
      req: PutPrincipalPolicyRequest__Output,
      caller,
      at,
    ): Promise<Empty> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:Put${p.noun}Policy`, p.arn);
      await run({
        type: 'PutIdentityPolicy',
        accountId: p.accountId,
        principalArn: p.arn,
        policyName: req.policyName,
        document: req.policyDocument,
        at,
      });
      return EMPTY;
    },
    GetPrincipalPolicy: async (
      req: PrincipalPolicyRequest__Output,
      caller,
    ): Promise<PrincipalPolicy> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:Get${p.noun}Policy`, p.arn);
      const document = accountState(p.accountId)
        .principals.get(p.arn)
        ?.policies.get(req.policyName);
      if (document === undefined) {
        throw new KmsError(
          'NotFoundException',
          `Policy ${req.policyName.slice(0, 128)} of ${p.arn} does not exist.`,
        );
      }
      return { principalArn: p.arn, policyName: req.policyName, policyDocument: document };
    },
    DeletePrincipalPolicy: async (
      req: PrincipalPolicyRequest__Output,
      caller,
      at,
    ): Promise<Empty> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:Delete${p.noun}Policy`, p.arn);
      await run({
        type: 'DeleteIdentityPolicy',
        accountId: p.accountId,
        principalArn: p.arn,
        policyName: req.policyName,
        at,
      });
      return EMPTY;
    },
    ListPrincipalPolicies: async (
      req: ListPrincipalPoliciesRequest__Output,
      caller,
    ): Promise<ListPrincipalPoliciesResponse> => {
      const p = namedPrincipal(req.principalArn);
      allow(caller, `iam:List${p.noun}Policies`, p.arn);
      const principal = accountState(p.accountId).principals.get(p.arn);
      if (!principal) throw new KmsError('NotFoundException', `Principal ${p.arn} does not exist.`);
      return { policyNames: [...principal.policies.keys()] };
    },
  };

  const impl: grpc.UntypedServiceImplementation = {};
  const definition = identityAdminDefinition();
  for (const [name, handler] of Object.entries(handlers)) {
    const path = definition[name]!.path;
    const inner = unary(
      name,
      async (req: Captured, call: CallInfo) => {
        const caller = await authenticateCall(
          directory,
          { metadata: call.metadata, host: req.host ?? '', path, body: req.raw },
          now().getTime(),
        );
        const result = await handler(req.message as never, caller, now().toISOString());
        call.logger.info({ op: name, caller: caller.principalArn }, 'identity admin call');
        return result;
      },
      { logger: deps.logger },
    );
    // The :authority is a signed header; only the call object knows it.
    impl[name] = ((
      call: grpc.ServerUnaryCall<Captured, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      call.request.host = call.getHost();
      inner(call, callback);
    }) as grpc.UntypedHandleCall;
  }
  return impl;
}
