import { KmsError, isKmsError } from '@keyhold/core';
import type { Decider } from '@keyhold/eventstore';
import { parsePolicy } from '@keyhold/policy';
import type { AccessKeyStatus, IdentityEvent, PrincipalKind, SealedSecret } from './events.js';
import {
  ACCESS_KEY_ID,
  ACCOUNT_ID,
  POLICY_NAME,
  SERVICE_PRINCIPAL_NAME,
  parsePrincipalArn,
  rootArn,
} from './names.js';

export interface PrincipalState {
  readonly arn: string;
  readonly kind: PrincipalKind;
  readonly createdAt: string;
  /** Inline identity policies by name, as the caller wrote them. */
  readonly policies: ReadonlyMap<string, string>;
}

export interface ServicePrincipalState {
  readonly name: string;
  readonly createdAt: string;
}

export interface AccessKeyState {
  readonly accessKeyId: string;
  readonly owner: string;
  readonly status: AccessKeyStatus;
  readonly secret: SealedSecret;
  readonly createdAt: string;
}

/** One account's identities, folded from its stream. */
export interface AccountState {
  /** Undefined until AccountCreated. */
  readonly accountId: string | undefined;
  readonly createdAt: string;
  readonly principals: ReadonlyMap<string, PrincipalState>;
  readonly servicePrincipals: ReadonlyMap<string, ServicePrincipalState>;
  readonly accessKeys: ReadonlyMap<string, AccessKeyState>;
}

interface On {
  readonly accountId: string;
  /** ISO-8601; taken by the caller so that decide stays pure. */
  readonly at: string;
}

export type IdentityCommand =
  | ({ type: 'CreateAccount' } & On)
  | ({ type: 'CreatePrincipal'; arn: string } & On)
  | ({ type: 'DeletePrincipal'; arn: string } & On)
  | ({ type: 'RegisterServicePrincipal'; name: string } & On)
  | ({ type: 'RemoveServicePrincipal'; name: string } & On)
  | ({
      type: 'CreateAccessKey';
      owner: string;
      accessKeyId: string;
      secret: SealedSecret;
    } & On)
  | ({ type: 'UpdateAccessKey'; accessKeyId: string; status: AccessKeyStatus } & On)
  | ({ type: 'DeleteAccessKey'; accessKeyId: string } & On)
  | ({ type: 'PutIdentityPolicy'; principalArn: string; policyName: string; document: string } & On)
  | ({ type: 'DeleteIdentityPolicy'; principalArn: string; policyName: string } & On);

/** Access keys one principal may hold at once (IAM: 2; more for seeded dev setups). */
export const MAX_ACCESS_KEYS_PER_OWNER = 10;
/** IAM's limit on the inline policies' total size is per principal; this is per document. */
const MAX_POLICY_NAMES = 100;

const notFound = (what: string): KmsError =>
  new KmsError('NotFoundException', `${what} does not exist.`);
const exists = (what: string): KmsError =>
  new KmsError('AlreadyExistsException', `${what} already exists.`);

function initialState(): AccountState {
  return {
    accountId: undefined,
    createdAt: '',
    principals: new Map(),
    servicePrincipals: new Map(),
    accessKeys: new Map(),
  };
}

function requireAccount(state: AccountState, accountId: string): void {
  if (state.accountId === undefined) throw notFound(`Account ${accountId}`);
}

/** The principal named by `arn`, which must be of this account. */
function principalOf(state: AccountState, arn: string): PrincipalState {
  const parsed = parsePrincipalArn(arn);
  if (!parsed) {
    throw KmsError.validation(
      `'${arn.slice(0, 200)}' is not arn:aws:iam::<account>:root|user/<name>|role/<name>.`,
    );
  }
  const principal = state.principals.get(arn);
  if (!principal || parsed.accountId !== state.accountId) throw notFound(`Principal ${arn}`);
  return principal;
}

function accessKeyOf(state: AccountState, accessKeyId: string): AccessKeyState {
  const key = state.accessKeys.get(accessKeyId);
  if (!key) throw notFound(`Access key ${accessKeyId.slice(0, 128)}`);
  return key;
}

function validPolicy(document: string): void {
  try {
    parsePolicy(document, { kind: 'identity' });
  } catch (err) {
    if (isKmsError(err, 'MalformedPolicyDocumentException')) throw err;
    if (isKmsError(err)) throw new KmsError('MalformedPolicyDocumentException', err.message);
    throw err;
  }
}

/** Events removing everything an owner holds: its access keys, then (for IAM principals) its policies. */
function removeHoldings(state: AccountState, owner: string, at: string): IdentityEvent[] {
  const out: IdentityEvent[] = [];
  for (const key of state.accessKeys.values()) {
    if (key.owner === owner)
      out.push({ type: 'AccessKeyDeleted', data: { accessKeyId: key.accessKeyId, at } });
  }
  for (const policyName of state.principals.get(owner)?.policies.keys() ?? []) {
    out.push({ type: 'IdentityPolicyDeleted', data: { principalArn: owner, policyName, at } });
  }
  return out;
}

function decide(command: IdentityCommand, state: AccountState): IdentityEvent[] {
  const { accountId, at } = command;
  if (!ACCOUNT_ID.test(accountId)) throw KmsError.validation('An account id is 12 digits.');
  if (command.type === 'CreateAccount') {
    if (state.accountId !== undefined) throw exists(`Account ${accountId}`);
    return [
      { type: 'AccountCreated', data: { accountId, at } },
      { type: 'PrincipalCreated', data: { arn: rootArn(accountId), kind: 'root', at } },
    ];
  }
  requireAccount(state, accountId);
  switch (command.type) {
    case 'CreatePrincipal': {
      const parsed = parsePrincipalArn(command.arn);
      if (!parsed || parsed.kind === 'root' || parsed.accountId !== accountId) {
        throw KmsError.validation(
          `'${command.arn.slice(0, 200)}' is not arn:aws:iam::${accountId}:user/<name> or role/<name>.`,
        );
      }
      if (state.principals.has(command.arn)) throw exists(`Principal ${command.arn}`);
      return [{ type: 'PrincipalCreated', data: { arn: command.arn, kind: parsed.kind, at } }];
    }
    case 'DeletePrincipal': {
      const principal = principalOf(state, command.arn);
      if (principal.kind === 'root')
        throw KmsError.validation('The account root cannot be deleted.');
      return [
        ...removeHoldings(state, command.arn, at),
        { type: 'PrincipalDeleted', data: { arn: command.arn, at } },
      ];
    }
    case 'RegisterServicePrincipal':
      if (!SERVICE_PRINCIPAL_NAME.test(command.name)) {
        throw KmsError.validation(
          `'${command.name.slice(0, 200)}' is not a service principal name such as s3.amazonaws.com.`,
        );
      }
      if (state.servicePrincipals.has(command.name)) {
        throw exists(`Service principal ${command.name}`);
      }
      return [{ type: 'ServicePrincipalRegistered', data: { name: command.name, at } }];
    case 'RemoveServicePrincipal':
      if (!state.servicePrincipals.has(command.name)) {
        throw notFound(`Service principal ${command.name.slice(0, 200)}`);
      }
      return [
        ...removeHoldings(state, command.name, at),
        { type: 'ServicePrincipalRemoved', data: { name: command.name, at } },
      ];
    case 'CreateAccessKey': {
      if (!state.servicePrincipals.has(command.owner)) principalOf(state, command.owner);
      if (!ACCESS_KEY_ID.test(command.accessKeyId)) {
        throw KmsError.validation('An access key id is 1-128 characters of [A-Za-z0-9_+=,.@-].');
      }
      if (state.accessKeys.has(command.accessKeyId)) throw exists('The access key');
      const held = [...state.accessKeys.values()].filter((k) => k.owner === command.owner).length;
      if (held >= MAX_ACCESS_KEYS_PER_OWNER) {
        throw new KmsError(
          'LimitExceededException',
          `Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS_PER_OWNER}.`,
        );
      }
      const { owner, accessKeyId, secret } = command;
      return [{ type: 'AccessKeyCreated', data: { accessKeyId, owner, secret, at } }];
    }
    case 'UpdateAccessKey': {
      const key = accessKeyOf(state, command.accessKeyId);
      if (key.status === command.status) return [];
      const data = { accessKeyId: key.accessKeyId, at };
      return [
        command.status === 'Active'
          ? { type: 'AccessKeyActivated', data }
          : { type: 'AccessKeyDeactivated', data },
      ];
    }
    case 'DeleteAccessKey': {
      const key = accessKeyOf(state, command.accessKeyId);
      return [{ type: 'AccessKeyDeleted', data: { accessKeyId: key.accessKeyId, at } }];
    }
    case 'PutIdentityPolicy': {
      const principal = principalOf(state, command.principalArn);
      if (!POLICY_NAME.test(command.policyName)) {
        throw KmsError.validation('A policy name is 1-128 characters of [A-Za-z0-9_+=,.@-].');
      }
      validPolicy(command.document);
      if (principal.policies.get(command.policyName) === command.document) return [];
      if (
        !principal.policies.has(command.policyName) &&
        principal.policies.size >= MAX_POLICY_NAMES
      ) {
        throw new KmsError(
          'LimitExceededException',
          `Cannot exceed ${MAX_POLICY_NAMES} inline policies.`,
        );
      }
      const { principalArn, policyName, document } = command;
      return [{ type: 'IdentityPolicyPut', data: { principalArn, policyName, document, at } }];
    }
    case 'DeleteIdentityPolicy': {
      const principal = principalOf(state, command.principalArn);
      if (!principal.policies.has(command.policyName)) {
        throw notFound(`Policy ${command.policyName.slice(0, 128)} of ${command.principalArn}`);
      }
      const { principalArn, policyName } = command;
      return [{ type: 'IdentityPolicyDeleted', data: { principalArn, policyName, at } }];
    }
  }
}

function withMap<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): Map<K, V> {
  const out = new Map(map);
  if (value === undefined) out.delete(key);
  else out.set(key, value);
  return out;
}

function setPolicy(
  state: AccountState,
  arn: string,
  name: string,
  document: string | undefined,
): AccountState {
  const principal = state.principals.get(arn);
  if (!principal) return state;
  const policies = withMap(principal.policies, name, document);
  return { ...state, principals: withMap(state.principals, arn, { ...principal, policies }) };
}

function setStatus(state: AccountState, id: string, status: AccessKeyStatus): AccountState {
  const key = state.accessKeys.get(id);
  if (!key) return state;
  return { ...state, accessKeys: withMap(state.accessKeys, id, { ...key, status }) };
}

function evolve(state: AccountState, event: IdentityEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated':
      return { ...state, accountId: event.data.accountId, createdAt: event.data.at };
    case 'PrincipalCreated': {
      const { arn, kind, at } = event.data;
      const principal: PrincipalState = { arn, kind, createdAt: at, policies: new Map() };
      return { ...state, principals: withMap(state.principals, arn, principal) };
    }
    case 'PrincipalDeleted':
      return { ...state, principals: withMap(state.principals, event.data.arn, undefined) };
    case 'ServicePrincipalRegistered': {
      const { name, at } = event.data;
      const service = { name, createdAt: at };
      return { ...state, servicePrincipals: withMap(state.servicePrincipals, name, service) };
    }
    case 'ServicePrincipalRemoved':
      return {
        ...state,
        servicePrincipals: withMap(state.servicePrincipals, event.data.name, undefined),
      };
    case 'AccessKeyCreated': {
      const { accessKeyId, owner, secret, at } = event.data;
      const key: AccessKeyState = { accessKeyId, owner, secret, status: 'Active', createdAt: at };
      return { ...state, accessKeys: withMap(state.accessKeys, accessKeyId, key) };
    }
    case 'AccessKeyDeactivated':
      return setStatus(state, event.data.accessKeyId, 'Inactive');
    case 'AccessKeyActivated':
      return setStatus(state, event.data.accessKeyId, 'Active');
    case 'AccessKeyDeleted':
      return { ...state, accessKeys: withMap(state.accessKeys, event.data.accessKeyId, undefined) };
    case 'IdentityPolicyPut':
      return setPolicy(state, event.data.principalArn, event.data.policyName, event.data.document);
    case 'IdentityPolicyDeleted':
      return setPolicy(state, event.data.principalArn, event.data.policyName, undefined);
  }
}

/** The account aggregate: pure decide and evolve over one account's stream. */
export const accountDecider: Decider<AccountState, IdentityCommand, IdentityEvent> = {
  decide,
  evolve,
  initialState,
};
