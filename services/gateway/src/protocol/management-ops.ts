// Management operations: forwarded to key-manager.

import type {
  CreateGrantRequest,
  CreateKeyRequest,
  DescribeKeyRequest,
  GrantConstraints,
  GrantConstraints__Output,
  GrantListEntry__Output,
  CallOptions,
  ListKeysRequest,
} from '@keyhold/proto';
import {
  Validation,
  optBoolean,
  optInteger,
  optString,
  optStringList,
  optStringMap,
  optStructureList,
} from './members.js';
import type { JsonObject } from './members.js';
import type { Backends } from './operation.js';
import {
  KEY_SPECS,
  KEY_USAGES,
  MARKER,
  ORIGINS,
  define,
  grantTokens,
  keyMetadataAudit,
  keyMetadataJson,
  requiredKeyId,
} from './operation.js';

/** The request of an operation whose only member is KeyId. */
function keyIdRequest(input: JsonObject): { keyId: string } {
  const v = new Validation();
  const keyId = requiredKeyId(input, v);
  v.done();
  return { keyId };
}

export const createKey = define('CreateKey', {
  parse(input) {
    const v = new Validation();
    const description = optString(input, 'Description');
    const keyUsage = optString(input, 'KeyUsage');
    const keySpec = optString(input, 'KeySpec');
    const cmkSpec = optString(input, 'CustomerMasterKeySpec');
    const policy = optString(input, 'Policy');
    const origin = optString(input, 'Origin');
    const multiRegion = optBoolean(input, 'MultiRegion');
    const bypass = optBoolean(input, 'BypassPolicyLockoutSafetyCheck');
    const tags = (optStructureList(input, 'Tags') ?? []).map((t) => ({
      tagKey: optString(t, 'TagKey'),
      tagValue: optString(t, 'TagValue'),
    }));
    v.length('description', description, 0, 8192);
    v.oneOf('keyUsage', keyUsage, KEY_USAGES);
    v.oneOf('keySpec', keySpec, KEY_SPECS);
    v.oneOf('customerMasterKeySpec', cmkSpec, KEY_SPECS);
    v.length('policy', policy, 1, 131072);
    v.oneOf('origin', origin, ORIGINS);
    v.listLength('tags', tags, 50);
    for (const t of tags) {
      if (v.required('tags.member.tagKey', t.tagKey))
        v.length('tags.member.tagKey', t.tagKey, 1, 128);
      if (v.required('tags.member.tagValue', t.tagValue))
        v.length('tags.member.tagValue', t.tagValue, 0, 256);
    }
    v.done();
    if (keySpec !== undefined && cmkSpec !== undefined && keySpec !== cmkSpec) {
      v.fail(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      );
    }
    const req: CreateKeyRequest = {
      tags: tags.map((t) => ({ tagKey: t.tagKey!, tagValue: t.tagValue! })),
    };
    if (description !== undefined) req.description = description;
    if (keyUsage !== undefined) req.keyUsage = keyUsage;
    if ((keySpec ?? cmkSpec) !== undefined) req.keySpec = (keySpec ?? cmkSpec)!;
    if (policy !== undefined) req.policy = policy;
    if (origin !== undefined) req.origin = origin;
    if (multiRegion !== undefined) req.multiRegion = multiRegion;
    if (bypass !== undefined) req.bypassPolicyLockoutSafetyCheck = bypass;
    return req;
  },
  call: (b, req, opts) => b.keyManager.CreateKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

export const describeKey = define('DescribeKey', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const tokens = grantTokens(input, v);
    v.done();
    const req: DescribeKeyRequest = { keyId };
    if (tokens) req.grantTokens = tokens;
    return req;
  },
  call: (b, req, opts) => b.keyManager.DescribeKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

export const listKeys = define('ListKeys', {
  parse(input) {
    const v = new Validation();
    const limit = optInteger(input, 'Limit');
    const marker = optString(input, 'Marker');
    v.range('limit', limit, 1, 1000);
    v.length('marker', marker, 1, 1024);
    v.pattern('marker', marker, MARKER, '[\\u0020-\\u00FF]*');
    v.done();
    const req: ListKeysRequest = {};
    if (limit !== undefined) req.limit = limit;
    if (marker !== undefined) req.marker = marker;
    return req;
  },
  call: (b, req, opts) => b.keyManager.ListKeys(req, opts),
  serialize(res) {
    const out: Record<string, unknown> = {
      Keys: res.keys.map((k) => ({ KeyId: k.keyId, KeyArn: k.keyArn })),
      Truncated: res.truncated,
    };
    if (res.truncated && res.nextMarker) out['NextMarker'] = res.nextMarker;
    return out;
  },
});

// ---- helpers shared by the lifecycle operations ---------------------------

const ALIAS_NAME = /^[a-zA-Z0-9:/_-]+$/;
const PRINCIPAL = /^[\w+=,.@:/-]+$/;
const POLICY_NAME = /^[\w]+$/;
const GRANT_NAME = /^[a-zA-Z0-9:/_-]+$/;
const INCLUDE_KEY_MATERIAL = ['ALL_KEY_MATERIAL', 'ROTATIONS_ONLY'];
const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
] as const;

/** A structure member (JSON null counts as absent, as elsewhere). */
function optStructure(input: JsonObject, name: string): JsonObject | undefined {
  const raw = input[name];
  if (raw === undefined || raw === null) return undefined;
  return optStructureList({ [name]: [raw] }, name)?.[0];
}

/** Limit and Marker of a list operation, with the operation's own maximum. */
function paging(
  input: JsonObject,
  v: Validation,
  max: number,
): { limit?: number; marker?: string } {
  const limit = optInteger(input, 'Limit');
  const marker = optString(input, 'Marker');
  v.range('limit', limit, 1, max);
  v.length('marker', marker, 1, 1024);
  v.pattern('marker', marker, MARKER, '[\\u0020-\\u00FF]*');
  const out: { limit?: number; marker?: string } = {};
  if (limit !== undefined) out.limit = limit;
  if (marker !== undefined) out.marker = marker;
  return out;
}

function pageJson(res: {
  truncated: boolean;
  nextMarker?: string | undefined;
}): Record<string, unknown> {
  return res.truncated && res.nextMarker
    ? { Truncated: true, NextMarker: res.nextMarker }
    : { Truncated: false };
}

function aliasName(input: JsonObject, v: Validation): string {
  const name = optString(input, 'AliasName');
  if (v.required('aliasName', name)) {
    v.length('aliasName', name, 1, 256);
    v.pattern('aliasName', name, ALIAS_NAME, '^[a-zA-Z0-9:/_-]+$');
  }
  return name ?? '';
}

function targetKeyId(input: JsonObject, v: Validation): string {
  const id = optString(input, 'TargetKeyId');
  if (v.required('targetKeyId', id)) v.length('targetKeyId', id, 1, 2048);
  return id ?? '';
}

function principal(field: string, value: string | undefined, v: Validation): void {
  v.length(field, value, 1, 256);
  v.pattern(field, value, PRINCIPAL, '^[\\w+=,.@:/-]+$');
}

function tagsIn(
  input: JsonObject,
  v: Validation,
  required: boolean,
): Array<{ tagKey: string; tagValue: string }> {
  const list = optStructureList(input, 'Tags');
  if (required) v.required('tags', list);
  const tags = (list ?? []).map((t) => ({
    tagKey: optString(t, 'TagKey'),
    tagValue: optString(t, 'TagValue'),
  }));
  for (const t of tags) {
    if (v.required('tags.member.tagKey', t.tagKey))
      v.length('tags.member.tagKey', t.tagKey, 1, 128);
    if (v.required('tags.member.tagValue', t.tagValue))
      v.length('tags.member.tagValue', t.tagValue, 0, 256);
  }
  return tags.map((t) => ({ tagKey: t.tagKey ?? '', tagValue: t.tagValue ?? '' }));
}

function constraintsJson(
  c: GrantConstraints__Output | null | undefined,
): Record<string, unknown> | undefined {
  if (!c) return undefined;
  const out: Record<string, unknown> = {};
  if (c.hasEncryptionContextSubset) out['EncryptionContextSubset'] = c.encryptionContextSubset;
  if (c.hasEncryptionContextEquals) out['EncryptionContextEquals'] = c.encryptionContextEquals;
  return Object.keys(out).length > 0 ? out : undefined;
}

function grantJson(g: GrantListEntry__Output): Record<string, unknown> {
  const out: Record<string, unknown> = {
    KeyId: g.keyId,
    GrantId: g.grantId,
    CreationDate: g.creationDate,
    GranteePrincipal: g.granteePrincipal,
    IssuingAccount: g.issuingAccount,
    Operations: g.operations,
  };
  if (g.name) out['Name'] = g.name;
  if (g.retiringPrincipal) out['RetiringPrincipal'] = g.retiringPrincipal;
  const c = constraintsJson(g.constraints);
  if (c) out['Constraints'] = c;
  return out;
}

/** Operations that take a KeyId and answer with nothing. */
function keyIdOnly(
  name: 'EnableKey' | 'DisableKey' | 'DisableKeyRotation',
  call: (b: Backends, req: { keyId: string }, opts: CallOptions) => Promise<unknown>,
) {
  return define(name, {
    parse: keyIdRequest,
    call,
  });
}

// ---- key state ---------------------------------------------------------------

export const enableKey = keyIdOnly('EnableKey', (b, req, opts) =>
  b.keyManager.EnableKey(req, opts),
);
export const disableKey = keyIdOnly('DisableKey', (b, req, opts) =>
  b.keyManager.DisableKey(req, opts),
);

export const updateKeyDescription = define('UpdateKeyDescription', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const description = optString(input, 'Description');
    if (v.required('description', description)) v.length('description', description, 0, 8192);
    v.done();
    return { keyId, description: description ?? '' };
  },
  call: (b, req, opts) => b.keyManager.UpdateKeyDescription(req, opts),
});

export const scheduleKeyDeletion = define('ScheduleKeyDeletion', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const days = optInteger(input, 'PendingWindowInDays');
    v.range('pendingWindowInDays', days, 1, 365);
    v.done();
    return days === undefined ? { keyId } : { keyId, pendingWindowInDays: days };
  },
  call: (b, req, opts) => b.keyManager.ScheduleKeyDeletion(req, opts),
  serialize: (res) => ({
    KeyId: res.keyId,
    DeletionDate: res.deletionDate,
    KeyState: res.keyState,
    PendingWindowInDays: res.pendingWindowInDays,
  }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({
    keyId: res.keyId,
    deletionDate: res.deletionDate,
    keyState: res.keyState,
    pendingWindowInDays: res.pendingWindowInDays,
  }),
});

export const cancelKeyDeletion = define('CancelKeyDeletion', {
  parse: keyIdRequest,
  call: (b, req, opts) => b.keyManager.CancelKeyDeletion(req, opts),
  serialize: (res) => ({ KeyId: res.keyId }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({ keyId: res.keyId }),
});

// ---- aliases -----------------------------------------------------------------

export const createAlias = define('CreateAlias', {
  parse(input) {
    const v = new Validation();
    const req = { aliasName: aliasName(input, v), targetKeyId: targetKeyId(input, v) };
    v.done();
    return req;
  },
  call: (b, req, opts) => b.keyManager.CreateAlias(req, opts),
});

export const updateAlias = define('UpdateAlias', {
  parse(input) {
    const v = new Validation();
    const req = { aliasName: aliasName(input, v), targetKeyId: targetKeyId(input, v) };
    v.done();
    return req;
  },
  call: (b, req, opts) => b.keyManager.UpdateAlias(req, opts),
});

export const deleteAlias = define('DeleteAlias', {
  parse(input) {
    const v = new Validation();
    const req = { aliasName: aliasName(input, v) };
    v.done();
    return req;
  },
  call: (b, req, opts) => b.keyManager.DeleteAlias(req, opts),
});

export const listAliases = define('ListAliases', {
  parse(input) {
    const v = new Validation();
    const keyId = optString(input, 'KeyId');
    v.length('keyId', keyId, 1, 2048);
    const p = paging(input, v, 100);
    v.done();
    return keyId === undefined ? p : { ...p, keyId };
  },
  call: (b, req, opts) => b.keyManager.ListAliases(req, opts),
  serialize: (res) => ({
    Aliases: res.aliases.map((a) => {
      const out: Record<string, unknown> = { AliasName: a.aliasName, AliasArn: a.aliasArn };
      if (a.targetKeyId) out['TargetKeyId'] = a.targetKeyId;
      if (a.creationDate !== undefined) out['CreationDate'] = a.creationDate;
      if (a.lastUpdatedDate !== undefined) out['LastUpdatedDate'] = a.lastUpdatedDate;
      return out;
    }),
    ...pageJson(res),
  }),
});

// ---- rotation ----------------------------------------------------------------

export const enableKeyRotation = define('EnableKeyRotation', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const days = optInteger(input, 'RotationPeriodInDays');
    v.range('rotationPeriodInDays', days, 90, 2560);
    v.done();
    return days === undefined ? { keyId } : { keyId, rotationPeriodInDays: days };
  },
  call: (b, req, opts) => b.keyManager.EnableKeyRotation(req, opts),
});

export const disableKeyRotation = keyIdOnly('DisableKeyRotation', (b, req, opts) =>
  b.keyManager.DisableKeyRotation(req, opts),
);

export const getKeyRotationStatus = define('GetKeyRotationStatus', {
  parse: keyIdRequest,
  call: (b, req, opts) => b.keyManager.GetKeyRotationStatus(req, opts),
  serialize(res) {
    const out: Record<string, unknown> = {
      KeyRotationEnabled: res.keyRotationEnabled,
      KeyId: res.keyId,
    };
    if (res.rotationPeriodInDays !== undefined)
      out['RotationPeriodInDays'] = res.rotationPeriodInDays;
    if (res.nextRotationDate !== undefined) out['NextRotationDate'] = res.nextRotationDate;
    if (res.onDemandRotationStartDate !== undefined)
      out['OnDemandRotationStartDate'] = res.onDemandRotationStartDate;
    return out;
  },
  responseKeyArn: (res) => res.keyId,
});

export const rotateKeyOnDemand = define('RotateKeyOnDemand', {
  parse: keyIdRequest,
  call: (b, req, opts) => b.keyManager.RotateKeyOnDemand(req, opts),
  serialize: (res) => ({ KeyId: res.keyId }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({ keyId: res.keyId }),
});

export const listKeyRotations = define('ListKeyRotations', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const include = optString(input, 'IncludeKeyMaterial');
    v.oneOf('includeKeyMaterial', include, INCLUDE_KEY_MATERIAL);
    const p = paging(input, v, 1000);
    v.done();
    return include === undefined ? { keyId, ...p } : { keyId, ...p, includeKeyMaterial: include };
  },
  call: (b, req, opts) => b.keyManager.ListKeyRotations(req, opts),
  serialize: (res) => ({
    Rotations: res.rotations.map((r) => {
      const out: Record<string, unknown> = {
        KeyId: r.keyId,
        KeyMaterialId: r.keyMaterialId,
        KeyMaterialState: r.keyMaterialState,
      };
      if (r.rotationDate !== undefined) out['RotationDate'] = r.rotationDate;
      if (r.rotationType !== undefined) out['RotationType'] = r.rotationType;
      return out;
    }),
    ...pageJson(res),
  }),
});

// ---- key policy --------------------------------------------------------------

function policyName(input: JsonObject, v: Validation, required: boolean): string | undefined {
  const name = optString(input, 'PolicyName');
  if (required) v.required('policyName', name);
  v.length('policyName', name, 1, 128);
  v.pattern('policyName', name, POLICY_NAME, '[\\w]+');
  return name;
}

export const putKeyPolicy = define('PutKeyPolicy', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const name = policyName(input, v, false);
    const policy = optString(input, 'Policy');
    if (v.required('policy', policy)) v.length('policy', policy, 1, 131072);
    const bypass = optBoolean(input, 'BypassPolicyLockoutSafetyCheck');
    v.done();
    return {
      keyId,
      policy: policy ?? '',
      ...(name !== undefined ? { policyName: name } : {}),
      ...(bypass !== undefined ? { bypassPolicyLockoutSafetyCheck: bypass } : {}),
    };
  },
  call: (b, req, opts) => b.keyManager.PutKeyPolicy(req, opts),
});

export const getKeyPolicy = define('GetKeyPolicy', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const name = policyName(input, v, false);
    v.done();
    return name === undefined ? { keyId } : { keyId, policyName: name };
  },
  call: (b, req, opts) => b.keyManager.GetKeyPolicy(req, opts),
  serialize: (res) => ({ Policy: res.policy, PolicyName: res.policyName }),
});

export const listKeyPolicies = define('ListKeyPolicies', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const p = paging(input, v, 1000);
    v.done();
    return { keyId, ...p };
  },
  call: (b, req, opts) => b.keyManager.ListKeyPolicies(req, opts),
  serialize: (res) => ({ PolicyNames: res.policyNames, ...pageJson(res) }),
});

// ---- grants ------------------------------------------------------------------

export const createGrant = define('CreateGrant', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const grantee = optString(input, 'GranteePrincipal');
    if (v.required('granteePrincipal', grantee)) principal('granteePrincipal', grantee, v);
    const retiring = optString(input, 'RetiringPrincipal');
    principal('retiringPrincipal', retiring, v);
    const operations = optStringList(input, 'Operations');
    if (v.required('operations', operations)) {
      for (const op of operations!) v.oneOf('operations.member', op, GRANT_OPERATIONS);
    }
    const name = optString(input, 'Name');
    v.length('name', name, 1, 256);
    v.pattern('name', name, GRANT_NAME, '^[a-zA-Z0-9:/_-]+$');
    const tokens = grantTokens(input, v);
    const dryRun = optBoolean(input, 'DryRun');
    const c = optStructure(input, 'Constraints');
    let constraints: GrantConstraints | undefined;
    if (c) {
      const subset = optStringMap(c, 'EncryptionContextSubset');
      const equals = optStringMap(c, 'EncryptionContextEquals');
      for (const [field, map] of [
        ['constraints.encryptionContextSubset', subset],
        ['constraints.encryptionContextEquals', equals],
      ] as const) {
        if (map) {
          v.listLength(field, Object.keys(map), 8);
          for (const value of Object.values(map)) v.length(`${field}.member`, value, 0, 384);
        }
      }
      constraints = {
        encryptionContextSubset: subset ?? {},
        encryptionContextEquals: equals ?? {},
        hasEncryptionContextSubset: subset !== undefined,
        hasEncryptionContextEquals: equals !== undefined,
      };
    }
    v.done();
    const req: CreateGrantRequest = {
      keyId,
      granteePrincipal: grantee ?? '',
      operations: operations ?? [],
    };
    if (retiring !== undefined) req.retiringPrincipal = retiring;
    if (name !== undefined) req.name = name;
    if (tokens) req.grantTokens = tokens;
    if (dryRun !== undefined) req.dryRun = dryRun;
    if (constraints) req.constraints = constraints;
    return req;
  },
  call: (b, req, opts) => b.keyManager.CreateGrant(req, opts),
  serialize: (res) => ({ GrantToken: res.grantToken, GrantId: res.grantId }),
  // The grant token is not a secret, but it is a bearer of the grant: audit its id only.
  responseElements: (res) => ({ grantId: res.grantId }),
});

export const listGrants = define('ListGrants', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const p = paging(input, v, 100);
    const grantId = optString(input, 'GrantId');
    v.length('grantId', grantId, 1, 128);
    const grantee = optString(input, 'GranteePrincipal');
    principal('granteePrincipal', grantee, v);
    v.done();
    return {
      keyId,
      ...p,
      ...(grantId !== undefined ? { grantId } : {}),
      ...(grantee !== undefined ? { granteePrincipal: grantee } : {}),
    };
  },
  call: (b, req, opts) => b.keyManager.ListGrants(req, opts),
  serialize: (res) => ({ Grants: res.grants.map(grantJson), ...pageJson(res) }),
});

export const listRetirableGrants = define('ListRetirableGrants', {
  parse(input) {
    const v = new Validation();
    const retiring = optString(input, 'RetiringPrincipal');
    if (v.required('retiringPrincipal', retiring)) principal('retiringPrincipal', retiring, v);
    const p = paging(input, v, 100);
    v.done();
    return { retiringPrincipal: retiring ?? '', ...p };
  },
  call: (b, req, opts) => b.keyManager.ListRetirableGrants(req, opts),
  serialize: (res) => ({ Grants: res.grants.map(grantJson), ...pageJson(res) }),
});

export const retireGrant = define('RetireGrant', {
  parse(input) {
    const v = new Validation();
    const token = optString(input, 'GrantToken');
    v.length('grantToken', token, 1, 8192);
    const keyId = optString(input, 'KeyId');
    v.length('keyId', keyId, 1, 2048);
    const grantId = optString(input, 'GrantId');
    v.length('grantId', grantId, 1, 128);
    const dryRun = optBoolean(input, 'DryRun');
    v.done();
    return {
      ...(token !== undefined ? { grantToken: token } : {}),
      ...(keyId !== undefined ? { keyId } : {}),
      ...(grantId !== undefined ? { grantId } : {}),
      ...(dryRun !== undefined ? { dryRun } : {}),
    };
  },
  call: (b, req, opts) => b.keyManager.RetireGrant(req, opts),
});

export const revokeGrant = define('RevokeGrant', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const grantId = optString(input, 'GrantId');
    if (v.required('grantId', grantId)) v.length('grantId', grantId, 1, 128);
    const dryRun = optBoolean(input, 'DryRun');
    v.done();
    return { keyId, grantId: grantId ?? '', ...(dryRun !== undefined ? { dryRun } : {}) };
  },
  call: (b, req, opts) => b.keyManager.RevokeGrant(req, opts),
});

// ---- tags --------------------------------------------------------------------

export const tagResource = define('TagResource', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const tags = tagsIn(input, v, true);
    v.done();
    return { keyId, tags };
  },
  call: (b, req, opts) => b.keyManager.TagResource(req, opts),
});

export const untagResource = define('UntagResource', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const tagKeys = optStringList(input, 'TagKeys');
    if (v.required('tagKeys', tagKeys)) {
      for (const k of tagKeys!) v.length('tagKeys.member', k, 1, 128);
    }
    v.done();
    return { keyId, tagKeys: tagKeys ?? [] };
  },
  call: (b, req, opts) => b.keyManager.UntagResource(req, opts),
});

export const listResourceTags = define('ListResourceTags', {
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const p = paging(input, v, 50);
    v.done();
    return { keyId, ...p };
  },
  call: (b, req, opts) => b.keyManager.ListResourceTags(req, opts),
  serialize: (res) => ({
    Tags: res.tags.map((t) => ({ TagKey: t.tagKey, TagValue: t.tagValue })),
    ...pageJson(res),
  }),
});

/** Management operations, forwarded to key-manager. */
export const MANAGEMENT_OPERATIONS = [
  createKey,
  describeKey,
  listKeys,
  enableKey,
  disableKey,
  updateKeyDescription,
  scheduleKeyDeletion,
  cancelKeyDeletion,
  createAlias,
  updateAlias,
  deleteAlias,
  listAliases,
  enableKeyRotation,
  disableKeyRotation,
  getKeyRotationStatus,
  rotateKeyOnDemand,
  listKeyRotations,
  putKeyPolicy,
  getKeyPolicy,
  listKeyPolicies,
  createGrant,
  listGrants,
  listRetirableGrants,
  retireGrant,
  revokeGrant,
  tagResource,
  untagResource,
  listResourceTags,
];
