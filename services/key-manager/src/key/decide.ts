import { createHash } from 'node:crypto';
import type { GrantConstraintsData, KeyCreated, KeyEvent, KeyEventBase } from '@keyhold/bus';
import { KEY_SPECS, KEY_USAGES, KmsError, ORIGINS, accountRootArn, keyArn } from '@keyhold/core';
import type { Decider } from '@keyhold/eventstore';
import { grantAllows } from '@keyhold/policy';
import type {
  CreateAlias,
  CreateGrant,
  CreateKey,
  CreateManagedKey,
  DeleteAlias,
  EnableKeyRotation,
  KeyCommand,
  PutKeyPolicy,
  RotateKey,
  ScheduleKeyDeletion,
  TagResource,
  UntagResource,
  UpdateAlias,
  UpdateKeyDescription,
} from './commands.js';
import { mapGet } from './persistent-map.js';
import { evolve, initialState } from './state.js';
import type { ExistingKeyState, KeyState } from './state.js';
import {
  MAX_TAGS,
  assertAliasName,
  assertNoLockout,
  callerPrincipal,
  assertDescription,
  assertPolicy,
  assertTagKeys,
  assertTags,
} from './validation.js';

const DAY_MS = 86_400_000;
export const DEFAULT_PENDING_WINDOW_DAYS = 30;
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** AWS: on-demand rotations per key, not adjustable. */
export const MAX_ON_DEMAND_ROTATIONS = 25;

// The model's full value sets: anything outside them is a ValidationException,
// a valid value Keyhold does not implement is an UnsupportedOperationException.
const ALL_KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];
const ALL_KEY_SPECS = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
];
const ALL_ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];

/** Grant operations a symmetric encryption key supports; the others are ValidationException. */
export const SYMMETRIC_GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
];

/** The policy AWS gives a key created through the API without one. */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: accountRootArn(accountId) },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * The policy of an alias/aws/<service> key: the account may use it through
 * that service, and read it. It cannot be changed.
 */
export function managedKeyPolicy(accountId: string, service: string, region: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: `auto-${service}-1`,
    Statement: [
      {
        Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': accountId,
            'kms:ViaService': `${service}.${region}.amazonaws.com`,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: accountRootArn(accountId) },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  });
}

function enumValue(
  field: string,
  value: string | undefined,
  all: readonly string[],
  supported: string,
): string {
  if (value === undefined) return supported;
  if (!all.includes(value)) {
    throw KmsError.constraint(
      field,
      value,
      `Member must satisfy enum value set: [${all.join(', ')}]`,
    );
  }
  if (value !== supported) {
    throw new KmsError(
      'UnsupportedOperationException',
      `${value} is not supported for ${field}; only ${supported} is.`,
    );
  }
  return value;
}

/**
 * Checks a CreateKey request the way AWS does: model constraints
 * (ValidationException) first, then what Keyhold does not implement
 * (UnsupportedOperationException), then tags and policy. Pure; the handler
 * calls it before asking for key material, and `decide` again.
 */
export function assertCreateKeyValid(data: CreateKey['data']): {
  keyUsage: string;
  keySpec: string;
  origin: string;
} {
  assertDescription(data.description ?? '');
  const keyUsage = enumValue('keyUsage', data.keyUsage, ALL_KEY_USAGES, KEY_USAGES.ENCRYPT_DECRYPT);
  const keySpec = enumValue('keySpec', data.keySpec, ALL_KEY_SPECS, KEY_SPECS.SYMMETRIC_DEFAULT);
  const origin = enumValue('origin', data.origin, ALL_ORIGINS, ORIGINS.AWS_KMS);
  if (data.multiRegion === true) {
    throw new KmsError('UnsupportedOperationException', 'Multi-Region keys are not supported.');
  }
  if (data.tags.length > MAX_TAGS) {
    throw new KmsError('TagException', `A KMS key can have at most ${MAX_TAGS} tags.`);
  }
  assertTags(data.tags);
  if (data.policy !== undefined) {
    const policy = assertPolicy(data.policy);
    if (data.caller && data.bypassPolicyLockoutSafetyCheck !== true) {
      assertNoLockout(policy, data.caller, {
        arn: keyArn(data.region, data.accountId, data.keyId),
        accountId: data.accountId,
      });
    }
  }
  return { keyUsage, keySpec, origin };
}

// ---- state guards: the AWS key state x operation matrix -------------------

function mustExist(state: KeyState, keyId: string): ExistingKeyState {
  if (state.status === 'Nonexistent') throw KmsError.notFound(keyId);
  if (state.status === 'Deleted') throw KmsError.notFound(state.arn);
  return state;
}

/** [3] in the matrix: KMSInvalidStateException "<arn> is pending deletion." */
function notPendingDeletion(key: ExistingKeyState): ExistingKeyState {
  if (key.status === 'PendingDeletion') throw KmsError.pendingDeletion(key.arn);
  return key;
}

/** [1] and [3]: only an Enabled key. */
function mustBeEnabled(key: ExistingKeyState): ExistingKeyState {
  notPendingDeletion(key);
  if (key.status === 'Disabled') throw KmsError.disabled(key.arn);
  return key;
}

/** AWS managed keys: policy, rotation, state and tags belong to AWS. */
function customerManaged(key: ExistingKeyState, operation: string): ExistingKeyState {
  if (key.keyManager === 'AWS') {
    throw new KmsError(
      'UnsupportedOperationException',
      `${key.arn} is an AWS managed key; ${operation} is not supported on it.`,
    );
  }
  return key;
}

function base(key: ExistingKeyState): KeyEventBase {
  return { keyId: key.keyId, arn: key.arn, accountId: key.accountId, region: key.region };
}

const iso = (d: Date): string => d.toISOString();

// ---- commands --------------------------------------------------------------

function createKey(command: CreateKey, state: KeyState): KeyCreated[] {
  const { data } = command;
  if (state.status !== 'Nonexistent') {
    throw new KmsError('AlreadyExistsException', `Key '${state.arn}' already exists`);
  }
  const { keyUsage, keySpec, origin } = assertCreateKeyValid(data);
  return [
    {
      type: 'KeyCreated',
      data: {
        keyId: data.keyId,
        arn: keyArn(data.region, data.accountId, data.keyId),
        accountId: data.accountId,
        region: data.region,
        description: data.description ?? '',
        keyUsage,
        keySpec,
        origin,
        keyManager: 'CUSTOMER',
        multiRegion: false,
        policy: data.policy ?? defaultKeyPolicy(data.accountId),
        tags: data.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
        createdAt: command.metadata.now.toISOString(),
        materialVersion: 1,
      },
    },
  ];
}

function createManagedKey(command: CreateManagedKey, state: KeyState): KeyEvent[] {
  // Concurrent first uses race to the same stream: the loser sees it exists.
  if (state.status !== 'Nonexistent') return [];
  const { data } = command;
  assertAliasName(data.aliasName, { allowReserved: true });
  const service = data.aliasName.slice('alias/aws/'.length);
  if (!data.aliasName.startsWith('alias/aws/') || service.length === 0) {
    throw new KmsError(
      'InvalidAliasNameException',
      `${data.aliasName} is not an AWS managed alias.`,
    );
  }
  const now = command.metadata.now;
  const b: KeyEventBase = {
    keyId: data.keyId,
    arn: keyArn(data.region, data.accountId, data.keyId),
    accountId: data.accountId,
    region: data.region,
  };
  return [
    {
      type: 'KeyCreated',
      data: {
        ...b,
        description: `Default key that protects my ${service} data when no other key is defined`,
        keyUsage: KEY_USAGES.ENCRYPT_DECRYPT,
        keySpec: KEY_SPECS.SYMMETRIC_DEFAULT,
        origin: ORIGINS.AWS_KMS,
        keyManager: 'AWS',
        multiRegion: false,
        policy: managedKeyPolicy(data.accountId, service, data.region),
        tags: [],
        createdAt: iso(now),
        materialVersion: 1,
      },
    },
    // AWS managed keys rotate yearly, by themselves.
    {
      type: 'KeyRotationEnabled',
      data: {
        ...b,
        rotationPeriodInDays: DEFAULT_ROTATION_PERIOD_DAYS,
        nextRotationDate: iso(new Date(now.getTime() + DEFAULT_ROTATION_PERIOD_DAYS * DAY_MS)),
        at: iso(now),
      },
    },
    { type: 'AliasCreated', data: { ...b, aliasName: data.aliasName, at: iso(now) } },
  ];
}

function setEnabled(command: KeyCommand, state: KeyState, enabled: boolean): KeyEvent[] {
  const key = customerManaged(
    notPendingDeletion(mustExist(state, command.data.keyId)),
    enabled ? 'EnableKey' : 'DisableKey',
  );
  // Already there: AWS answers success and nothing changes.
  if (key.status === (enabled ? 'Enabled' : 'Disabled')) return [];
  const at = iso(command.metadata.now);
  return [{ type: enabled ? 'KeyEnabled' : 'KeyDisabled', data: { ...base(key), at } }];
}

function updateKeyDescription(command: UpdateKeyDescription, state: KeyState): KeyEvent[] {
  assertDescription(command.data.description);
  const key = notPendingDeletion(mustExist(state, command.data.keyId));
  return [
    {
      type: 'KeyDescriptionUpdated',
      data: { ...base(key), description: command.data.description, at: iso(command.metadata.now) },
    },
  ];
}

function scheduleKeyDeletion(command: ScheduleKeyDeletion, state: KeyState): KeyEvent[] {
  const days = command.data.pendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS;
  if (days < 7) {
    throw KmsError.constraint(
      'pendingWindowInDays',
      days,
      'Member must have value greater than or equal to 7',
    );
  }
  if (days > 30) {
    throw KmsError.constraint(
      'pendingWindowInDays',
      days,
      'Member must have value less than or equal to 30',
    );
  }
  const key = customerManaged(
    notPendingDeletion(mustExist(state, command.data.keyId)),
    'ScheduleKeyDeletion',
  );
  const now = command.metadata.now;
  return [
    {
      type: 'KeyDeletionScheduled',
      data: {
        ...base(key),
        deletionDate: iso(new Date(now.getTime() + days * DAY_MS)),
        pendingWindowInDays: days,
        at: iso(now),
      },
    },
  ];
}

function cancelKeyDeletion(command: KeyCommand, state: KeyState): KeyEvent[] {
  const key = mustExist(state, command.data.keyId);
  if (key.status !== 'PendingDeletion') {
    throw new KmsError('KMSInvalidStateException', `${key.arn} is not pending deletion.`);
  }
  return [{ type: 'KeyDeletionCanceled', data: { ...base(key), at: iso(command.metadata.now) } }];
}

function deleteKey(command: KeyCommand, state: KeyState): KeyEvent[] {
  // The job may run late, twice, or on several replicas: only a due key goes, once.
  if (state.status !== 'PendingDeletion') return [];
  if (command.metadata.now.getTime() < Date.parse(state.deletionDate)) return [];
  return [{ type: 'KeyDeleted', data: { ...base(state), at: iso(command.metadata.now) } }];
}

function putKeyPolicy(command: PutKeyPolicy, state: KeyState): KeyEvent[] {
  const key = customerManaged(mustExist(state, command.data.keyId), 'PutKeyPolicy');
  const policyName = command.data.policyName ?? 'default';
  if (policyName !== 'default') {
    throw new KmsError(
      'NotFoundException',
      `Policy '${policyName}' does not exist; the only key policy is 'default'.`,
    );
  }
  const policy = assertPolicy(command.data.policy);
  const { caller, bypassPolicyLockoutSafetyCheck: bypass } = command.data;
  if (caller && bypass !== true) {
    assertNoLockout(policy, caller, { arn: key.arn, accountId: key.accountId });
  }
  return [
    {
      type: 'KeyPolicyPut',
      data: {
        ...base(key),
        policyName,
        policy: command.data.policy,
        at: iso(command.metadata.now),
      },
    },
  ];
}

function tagResource(command: TagResource, state: KeyState): KeyEvent[] {
  assertTags(command.data.tags);
  const key = customerManaged(
    notPendingDeletion(mustExist(state, command.data.keyId)),
    'TagResource',
  );
  const keys = new Set([...Object.keys(key.tags), ...command.data.tags.map((t) => t.tagKey)]);
  if (keys.size > MAX_TAGS) {
    throw new KmsError(
      'LimitExceededException',
      `The request was rejected because a KMS key can have at most ${MAX_TAGS} tags.`,
    );
  }
  if (command.data.tags.length === 0) return [];
  return [
    {
      type: 'KeyTagged',
      data: {
        ...base(key),
        tags: command.data.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
        at: iso(command.metadata.now),
      },
    },
  ];
}

function untagResource(command: UntagResource, state: KeyState): KeyEvent[] {
  assertTagKeys(command.data.tagKeys);
  const key = customerManaged(
    notPendingDeletion(mustExist(state, command.data.keyId)),
    'UntagResource',
  );
  const present = [...new Set(command.data.tagKeys)].filter((k) => Object.hasOwn(key.tags, k));
  if (present.length === 0) return [];
  return [
    {
      type: 'KeyUntagged',
      data: { ...base(key), tagKeys: present, at: iso(command.metadata.now) },
    },
  ];
}

function aliasTarget(state: KeyState, keyId: string, operation: string): ExistingKeyState {
  const key = notPendingDeletion(mustExist(state, keyId));
  if (key.keyManager === 'AWS') {
    throw new KmsError(
      'UnsupportedOperationException',
      `${key.arn} is an AWS managed key; ${operation} cannot point an alias at it.`,
    );
  }
  return key;
}

function createAlias(command: CreateAlias, state: KeyState): KeyEvent[] {
  assertAliasName(command.data.aliasName);
  const key = aliasTarget(state, command.data.keyId, 'CreateAlias');
  return [
    {
      type: 'AliasCreated',
      data: { ...base(key), aliasName: command.data.aliasName, at: iso(command.metadata.now) },
    },
  ];
}

function updateAlias(command: UpdateAlias, state: KeyState): KeyEvent[] {
  assertAliasName(command.data.aliasName);
  const key = aliasTarget(state, command.data.keyId, 'UpdateAlias');
  if (command.data.previousKeyId === key.keyId) return [];
  return [
    {
      type: 'AliasUpdated',
      data: {
        ...base(key),
        aliasName: command.data.aliasName,
        previousKeyId: command.data.previousKeyId,
        at: iso(command.metadata.now),
      },
    },
  ];
}

function deleteAlias(command: DeleteAlias, state: KeyState): KeyEvent[] {
  assertAliasName(command.data.aliasName);
  const key = mustExist(state, command.data.keyId);
  return [
    {
      type: 'AliasDeleted',
      data: { ...base(key), aliasName: command.data.aliasName, at: iso(command.metadata.now) },
    },
  ];
}

function enableKeyRotation(command: EnableKeyRotation, state: KeyState): KeyEvent[] {
  const days = command.data.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
  if (days < 90) {
    throw KmsError.constraint(
      'rotationPeriodInDays',
      days,
      'Member must have value greater than or equal to 90',
    );
  }
  if (days > 2560) {
    throw KmsError.constraint(
      'rotationPeriodInDays',
      days,
      'Member must have value less than or equal to 2560',
    );
  }
  const key = customerManaged(
    mustBeEnabled(mustExist(state, command.data.keyId)),
    'EnableKeyRotation',
  );
  if (key.rotation.enabled && key.rotation.periodInDays === days) return [];
  const now = command.metadata.now;
  return [
    {
      type: 'KeyRotationEnabled',
      data: {
        ...base(key),
        rotationPeriodInDays: days,
        nextRotationDate: iso(new Date(now.getTime() + days * DAY_MS)),
        at: iso(now),
      },
    },
  ];
}

function disableKeyRotation(command: KeyCommand, state: KeyState): KeyEvent[] {
  const key = customerManaged(
    mustBeEnabled(mustExist(state, command.data.keyId)),
    'DisableKeyRotation',
  );
  if (!key.rotation.enabled) return [];
  return [{ type: 'KeyRotationDisabled', data: { ...base(key), at: iso(command.metadata.now) } }];
}

function rotateKey(command: RotateKey, state: KeyState): KeyEvent[] {
  const { materialVersion, rotationType } = command.data;
  const now = command.metadata.now;
  if (rotationType === 'AUTOMATIC') {
    // The scheduler's view may be stale: rotate only an enabled key that is due.
    if (state.status !== 'Enabled' || !state.rotation.enabled) return [];
    const due = state.rotation.nextRotationDate;
    if (due === undefined || now.getTime() < Date.parse(due)) return [];
    if (materialVersion !== state.latestMaterialVersion + 1) return [];
    const period = state.rotation.periodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
    return [
      {
        type: 'KeyMaterialRotated',
        data: {
          ...base(state),
          materialVersion,
          rotationType,
          nextRotationDate: iso(new Date(now.getTime() + period * DAY_MS)),
          at: iso(now),
        },
      },
    ];
  }
  const key = customerManaged(
    mustBeEnabled(mustExist(state, command.data.keyId)),
    'RotateKeyOnDemand',
  );
  if (key.onDemandRotations >= MAX_ON_DEMAND_ROTATIONS) {
    throw new KmsError(
      'LimitExceededException',
      `${key.arn} has reached the maximum of ${MAX_ON_DEMAND_ROTATIONS} on-demand rotations.`,
    );
  }
  if (materialVersion !== key.latestMaterialVersion + 1) {
    throw new KmsError('ConflictException', `A rotation of ${key.arn} is already in progress.`);
  }
  // On-demand rotation leaves the automatic schedule as it is.
  return [
    {
      type: 'KeyMaterialRotated',
      data: { ...base(key), materialVersion, rotationType, at: iso(now) },
    },
  ];
}

function sortedRecord(
  r: Readonly<Record<string, string>> | undefined,
): Array<[string, string]> | null {
  return r ? Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
}

/** Digest of everything that makes two CreateGrant requests "identical" for Name idempotency. */
export function grantFingerprint(data: CreateGrant['data']): string {
  const c: GrantConstraintsData | undefined = data.constraints;
  const canonical = JSON.stringify([
    data.name ?? '',
    data.granteePrincipal,
    data.retiringPrincipal ?? null,
    [...data.operations].sort(),
    sortedRecord(c?.encryptionContextSubset),
    sortedRecord(c?.encryptionContextEquals),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * A grant that allows CreateGrant may only create grants for a subset of its
 * operations with equal or stricter constraints (AWS), and only its grantee
 * may use it. Decided on the key's own state, so a grant used through its
 * token right after it was created is found.
 */
function assertGrantMayCreate(key: ExistingKeyState, data: CreateGrant['data']): void {
  const via = data.viaGrant!;
  const parent = mapGet(key.grants, via.grantId);
  const allowed =
    parent !== undefined &&
    grantAllows(
      {
        grantId: parent.grantId,
        granteePrincipal: parent.granteePrincipal,
        operations: parent.operations,
        ...(parent.retiringPrincipal !== undefined
          ? { retiringPrincipal: parent.retiringPrincipal }
          : {}),
        ...(parent.constraints !== undefined ? { constraints: parent.constraints } : {}),
      },
      {
        principal: callerPrincipal(via.caller),
        action: 'kms:CreateGrant',
        key: { arn: key.arn, accountId: key.accountId },
        grant: {
          operations: data.operations,
          granteePrincipal: data.granteePrincipal,
          ...(data.constraints !== undefined ? { constraints: data.constraints } : {}),
        },
      },
    );
  if (!allowed) {
    throw new KmsError(
      'AccessDeniedException',
      `User: ${callerPrincipal(via.caller).arn} is not authorized to perform: kms:CreateGrant on resource: ${key.arn} through grant ${via.grantId}: a grant can only create grants for its grantee with a subset of its operations and equal or stricter constraints`,
      { audit: { denyReason: `grant ${via.grantId}: the new grant is wider than it` } },
    );
  }
}

function createGrant(command: CreateGrant, state: KeyState): KeyEvent[] {
  const { data } = command;
  const unsupported = data.operations.filter((op) => !SYMMETRIC_GRANT_OPERATIONS.includes(op));
  if (unsupported.length > 0) {
    throw KmsError.validation(
      `Grant operations ${unsupported.join(', ')} are not supported for a symmetric encryption KMS key.`,
    );
  }
  if (data.operations.length === 0) {
    throw KmsError.constraint(
      'operations',
      '[]',
      'Member must have length greater than or equal to 1',
    );
  }
  const key = mustBeEnabled(mustExist(state, data.keyId));
  if (data.viaGrant) assertGrantMayCreate(key, data);
  const fingerprint = grantFingerprint(data);
  // Same Name, same parameters: the existing grant (the handler answers with its id).
  if (data.name && mapGet(key.namedGrants, fingerprint) !== undefined) return [];
  if (key.grants.size >= data.maxGrants) {
    throw new KmsError(
      'LimitExceededException',
      `The request was rejected because ${key.arn} already has the maximum of ${data.maxGrants} grants.`,
    );
  }
  return [
    {
      type: 'GrantCreated',
      data: {
        ...base(key),
        grantId: data.grantId,
        name: data.name ?? '',
        granteePrincipal: data.granteePrincipal,
        ...(data.retiringPrincipal !== undefined
          ? { retiringPrincipal: data.retiringPrincipal }
          : {}),
        operations: [...data.operations],
        ...(data.constraints !== undefined ? { constraints: data.constraints } : {}),
        issuingAccount: data.issuingAccount,
        fingerprint,
        at: iso(command.metadata.now),
      },
    },
  ];
}

function endGrant(
  command: KeyCommand & { data: { grantId: string } },
  state: KeyState,
  type: 'GrantRetired' | 'GrantRevoked',
): KeyEvent[] {
  const key = mustExist(state, command.data.keyId);
  if (!mapGet(key.grants, command.data.grantId)) {
    throw new KmsError('NotFoundException', `Grant ID ${command.data.grantId} not found`);
  }
  return [
    { type, data: { ...base(key), grantId: command.data.grantId, at: iso(command.metadata.now) } },
  ];
}

/** Decides a command on the current state; pure, throws KmsError to reject. */
export function decide(command: KeyCommand, state: KeyState): KeyEvent[] {
  switch (command.type) {
    case 'CreateKey':
      return createKey(command, state);
    case 'CreateManagedKey':
      return createManagedKey(command, state);
    case 'EnableKey':
      return setEnabled(command, state, true);
    case 'DisableKey':
      return setEnabled(command, state, false);
    case 'UpdateKeyDescription':
      return updateKeyDescription(command, state);
    case 'ScheduleKeyDeletion':
      return scheduleKeyDeletion(command, state);
    case 'CancelKeyDeletion':
      return cancelKeyDeletion(command, state);
    case 'DeleteKey':
      return deleteKey(command, state);
    case 'PutKeyPolicy':
      return putKeyPolicy(command, state);
    case 'TagResource':
      return tagResource(command, state);
    case 'UntagResource':
      return untagResource(command, state);
    case 'CreateAlias':
      return createAlias(command, state);
    case 'UpdateAlias':
      return updateAlias(command, state);
    case 'DeleteAlias':
      return deleteAlias(command, state);
    case 'EnableKeyRotation':
      return enableKeyRotation(command, state);
    case 'DisableKeyRotation':
      return disableKeyRotation(command, state);
    case 'RotateKey':
      return rotateKey(command, state);
    case 'CreateGrant':
      return createGrant(command, state);
    case 'RetireGrant':
      return endGrant(command, state, 'GrantRetired');
    case 'RevokeGrant':
      return endGrant(command, state, 'GrantRevoked');
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${String((unknown as { type: string }).type)}`);
    }
  }
}

/** The key aggregate. */
export const keyDecider: Decider<KeyState, KeyCommand, KeyEvent> = { decide, evolve, initialState };
