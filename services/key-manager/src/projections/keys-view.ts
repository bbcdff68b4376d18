import type postgres from 'postgres';
import type { KeyEvent } from '@keyhold/bus';
import { KmsError } from '@keyhold/core';
import type { RecordedEvent } from '@keyhold/eventstore';
import { mergeTags, removeTags } from './model.js';
import type { GrantView, TagView } from './model.js';

/** A row of key_manager.keys: the current view of one key. */
export interface KeyRow {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly state: string;
  readonly description: string;
  readonly keyUsage: string;
  readonly keySpec: string;
  readonly origin: string;
  readonly keyManager: string;
  readonly multiRegion: boolean;
  readonly createdAt: Date;
  readonly currentMaterialVersion: number;
  /** Global position of the KeyCreated event: the stable ListKeys order. */
  readonly position: string;
  readonly streamVersion: number;
  readonly deletionDate: Date | null;
  readonly pendingWindowDays: number | null;
  readonly rotationEnabled: boolean;
  readonly rotationPeriodDays: number | null;
  readonly nextRotationDate: Date | null;
  readonly onDemandRotations: number;
}

type Sql = postgres.Sql | postgres.TransactionSql;
const json = (sql: Sql, v: unknown) => sql.json(v as postgres.JSONValue);

/** Thrown from an append's transaction when the alias name is taken; rolls the append back. */
function aliasExists(
  r: { data: { region: string; accountId: string } },
  aliasName: string,
): KmsError {
  return new KmsError(
    'AlreadyExistsException',
    `An alias with the name arn:aws:kms:${r.data.region}:${r.data.accountId}:${aliasName} already exists`,
  );
}

/**
 * Applies committed key events to the read models; runs in their append
 * transaction, so the views commit with the events or not at all. Appends
 * are serialised per schema, so the checks made here (alias uniqueness,
 * aliases per key) are exact.
 */
export async function projectKeyEvents(
  tx: Sql,
  recorded: ReadonlyArray<RecordedEvent<KeyEvent>>,
  limits: { maxAliasesPerKey: number } = { maxAliasesPerKey: 50 },
): Promise<void> {
  // The view's stream version moves once per key and append, not per event.
  const heads = new Map<string, number>();
  for (const r of recorded) {
    const keyId = r.data.keyId;
    if (r.type !== 'KeyCreated') heads.set(keyId, r.version);
    switch (r.type) {
      case 'KeyCreated': {
        const d = r.data;
        await tx`
          insert into key_manager.keys (key_id, arn, account_id, region, state, description, key_usage, key_spec,
            origin, key_manager, multi_region, policy, tags, created_at, current_material_version, position,
            stream_version)
          values (${d.keyId}, ${d.arn}, ${d.accountId}, ${d.region}, 'Enabled', ${d.description}, ${d.keyUsage},
            ${d.keySpec}, ${d.origin}, ${d.keyManager}, ${d.multiRegion}, ${d.policy},
            ${json(tx, d.tags)}, ${d.createdAt}, ${d.materialVersion},
            ${r.position}, ${r.version})`;
        break;
      }
      case 'KeyEnabled':
      case 'KeyDisabled':
      case 'KeyDeletionCanceled':
        await tx`update key_manager.keys set state = ${r.type === 'KeyEnabled' ? 'Enabled' : 'Disabled'},
          deletion_date = null, pending_window_days = null where key_id = ${keyId}`;
        break;
      case 'KeyDeletionScheduled':
        await tx`update key_manager.keys set state = 'PendingDeletion', deletion_date = ${r.data.deletionDate},
          pending_window_days = ${r.data.pendingWindowInDays} where key_id = ${keyId}`;
        break;
      case 'KeyDeleted':
        await tx`delete from key_manager.aliases where key_id = ${keyId}`;
        await tx`delete from key_manager.grants where key_id = ${keyId}`;
        await tx`delete from key_manager.key_rotations where key_id = ${keyId}`;
        await tx`delete from key_manager.keys where key_id = ${keyId}`;
        break;
      case 'KeyDescriptionUpdated':
        await tx`update key_manager.keys set description = ${r.data.description} where key_id = ${keyId}`;
        break;
      case 'KeyPolicyPut':
        await tx`update key_manager.keys set policy = ${r.data.policy} where key_id = ${keyId}`;
        break;
      case 'KeyTagged':
      case 'KeyUntagged': {
        const [row] = await tx<{ tags: TagView[] }[]>`
          select tags from key_manager.keys where key_id = ${keyId}`;
        const tags =
          r.type === 'KeyTagged'
            ? mergeTags(row?.tags ?? [], r.data.tags)
            : removeTags(row?.tags ?? [], r.data.tagKeys);
        await tx`update key_manager.keys set tags = ${json(tx, tags)} where key_id = ${keyId}`;
        break;
      }
      case 'AliasCreated': {
        const d = r.data;
        const [taken] = await tx`select 1 from key_manager.aliases
          where account_id = ${d.accountId} and region = ${d.region} and alias_name = ${d.aliasName}`;
        if (taken) throw aliasExists(r, d.aliasName);
        await tx`insert into key_manager.aliases (account_id, region, alias_name, key_id, created_at, updated_at)
          values (${d.accountId}, ${d.region}, ${d.aliasName}, ${keyId}, ${d.at}, ${d.at})`;
        await assertAliasQuota(tx, keyId, limits.maxAliasesPerKey);
        break;
      }
      case 'AliasUpdated': {
        const d = r.data;
        const moved =
          await tx`update key_manager.aliases set key_id = ${keyId}, updated_at = ${d.at}
          where account_id = ${d.accountId} and region = ${d.region} and alias_name = ${d.aliasName}
            and key_id = ${d.previousKeyId}`;
        if (moved.count !== 1) {
          throw new KmsError(
            'NotFoundException',
            `Alias arn:aws:kms:${d.region}:${d.accountId}:${d.aliasName} is not found.`,
          );
        }
        await assertAliasQuota(tx, keyId, limits.maxAliasesPerKey);
        break;
      }
      case 'AliasDeleted':
        await tx`delete from key_manager.aliases where account_id = ${r.data.accountId} and region = ${r.data.region}
          and alias_name = ${r.data.aliasName} and key_id = ${keyId}`;
        break;
      case 'KeyRotationEnabled':
        await tx`update key_manager.keys set rotation_enabled = true, rotation_period_days = ${r.data.rotationPeriodInDays},
          next_rotation_date = ${r.data.nextRotationDate} where key_id = ${keyId}`;
        break;
      case 'KeyRotationDisabled':
        await tx`update key_manager.keys set rotation_enabled = false, next_rotation_date = null where key_id = ${keyId}`;
        break;
      case 'KeyMaterialRotated': {
        const d = r.data;
        await tx`update key_manager.keys set current_material_version = ${d.materialVersion},
          next_rotation_date = coalesce(${d.nextRotationDate ?? null}::timestamptz, next_rotation_date),
          on_demand_rotations = on_demand_rotations + ${d.rotationType === 'ON_DEMAND' ? 1 : 0}
          where key_id = ${keyId}`;
        await tx`insert into key_manager.key_rotations (key_id, material_version, rotation_date, rotation_type)
          values (${keyId}, ${d.materialVersion}, ${d.at}, ${d.rotationType})`;
        break;
      }
      case 'GrantCreated': {
        const d = r.data;
        await tx`insert into key_manager.grants (grant_id, key_id, name, grantee_principal, retiring_principal,
            issuing_account, operations, constraints, created_at, position)
          values (${d.grantId}, ${keyId}, ${d.name}, ${d.granteePrincipal}, ${d.retiringPrincipal ?? null},
            ${d.issuingAccount}, ${json(tx, d.operations)}, ${d.constraints ? json(tx, d.constraints) : null},
            ${d.at}, ${r.position})`;
        break;
      }
      case 'GrantRetired':
      case 'GrantRevoked':
        await tx`delete from key_manager.grants where grant_id = ${r.data.grantId}`;
        break;
      default: {
        const unknown: never = r;
        void unknown;
      }
    }
  }
  for (const [keyId, version] of heads) {
    await tx`update key_manager.keys set stream_version = ${version} where key_id = ${keyId}`;
  }
}

async function assertAliasQuota(tx: Sql, keyId: string, max: number): Promise<void> {
  const [row] = await tx<
    { n: number }[]
  >`select count(*)::int as n from key_manager.aliases where key_id = ${keyId}`;
  if ((row?.n ?? 0) > max) {
    throw new KmsError(
      'LimitExceededException',
      `The request was rejected because the KMS key already has the maximum of ${max} aliases.`,
    );
  }
}

const KEY_COLUMNS = (sql: Sql) => sql`
  key_id as "keyId", arn, account_id as "accountId", region, state, description,
  key_usage as "keyUsage", key_spec as "keySpec", origin, key_manager as "keyManager",
  multi_region as "multiRegion", created_at as "createdAt",
  current_material_version as "currentMaterialVersion", position::text as position,
  stream_version as "streamVersion", deletion_date as "deletionDate",
  pending_window_days as "pendingWindowDays", rotation_enabled as "rotationEnabled",
  rotation_period_days as "rotationPeriodDays", next_rotation_date as "nextRotationDate",
  on_demand_rotations as "onDemandRotations"`;

export async function findKey(sql: Sql, keyId: string): Promise<KeyRow | undefined> {
  const [row] = await sql<
    KeyRow[]
  >`select ${KEY_COLUMNS(sql)} from key_manager.keys where key_id = ${keyId}`;
  return row;
}

export async function keyPolicyAndTags(
  sql: Sql,
  keyId: string,
): Promise<{ policy: string; tags: TagView[] } | undefined> {
  const [row] = await sql<{ policy: string; tags: TagView[] }[]>`
    select policy, tags from key_manager.keys where key_id = ${keyId}`;
  return row;
}

/**
 * KeyManager of keys Keyhold uses internally (AWS owned keys): they live in
 * no customer's key list. Nothing creates one yet; ListKeys and key lookups
 * skip them already.
 */
export const OWNED_KEY_MANAGER = 'OWNED';

/** Keys of one account and region after `afterPosition`, in creation order; never owned keys. */
export async function listKeys(
  sql: Sql,
  accountId: string,
  region: string,
  afterPosition: string,
  limit: number,
): Promise<Array<{ keyId: string; arn: string; position: string }>> {
  return sql<Array<{ keyId: string; arn: string; position: string }>>`
    select key_id as "keyId", arn, position::text as position from key_manager.keys
    where account_id = ${accountId} and region = ${region} and position > ${afterPosition}::bigint
      and key_manager <> ${OWNED_KEY_MANAGER}
    order by key_manager.keys.position
    limit ${limit}`;
}

/** Customer managed keys of an account and region: AWS managed keys do not count against the quota. */
export async function countKeys(sql: Sql, accountId: string, region: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from key_manager.keys
    where account_id = ${accountId} and region = ${region} and key_manager = 'CUSTOMER'`;
  return row?.n ?? 0;
}

export interface AliasRow {
  readonly aliasName: string;
  readonly keyId: string;
  readonly accountId: string;
  readonly region: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export async function findAlias(
  sql: Sql,
  accountId: string,
  region: string,
  aliasName: string,
): Promise<AliasRow | undefined> {
  const [row] = await sql<AliasRow[]>`
    select alias_name as "aliasName", key_id as "keyId", account_id as "accountId", region,
      created_at as "createdAt", updated_at as "updatedAt"
    from key_manager.aliases
    where account_id = ${accountId} and region = ${region} and alias_name = ${aliasName}`;
  return row;
}

/** Aliases of an account and region (optionally of one key) after `afterName`, by name. */
export async function listAliases(
  sql: Sql,
  accountId: string,
  region: string,
  keyId: string | undefined,
  afterName: string,
  limit: number,
): Promise<AliasRow[]> {
  return sql<AliasRow[]>`
    select alias_name as "aliasName", key_id as "keyId", account_id as "accountId", region,
      created_at as "createdAt", updated_at as "updatedAt"
    from key_manager.aliases
    where account_id = ${accountId} and region = ${region} and alias_name collate "C" > ${afterName}
      ${keyId === undefined ? sql`` : sql`and key_id = ${keyId}`}
    order by alias_name collate "C"
    limit ${limit}`;
}

interface GrantRow extends Omit<GrantView, 'createdAt'> {
  readonly createdAt: Date;
}

const GRANT_COLUMNS = (sql: Sql) => sql`
  grant_id as "grantId", key_id as "keyId", name, grantee_principal as "granteePrincipal",
  retiring_principal as "retiringPrincipal", issuing_account as "issuingAccount", operations,
  constraints, created_at as "createdAt", position::text as position`;

export async function listGrants(
  sql: Sql,
  filter: { keyId: string; grantId?: string | undefined; granteePrincipal?: string | undefined },
  afterPosition: string,
  limit: number,
): Promise<GrantRow[]> {
  return sql<GrantRow[]>`
    select ${GRANT_COLUMNS(sql)} from key_manager.grants
    where key_id = ${filter.keyId} and position > ${afterPosition}::bigint
      ${filter.grantId === undefined ? sql`` : sql`and grant_id = ${filter.grantId}`}
      ${filter.granteePrincipal === undefined ? sql`` : sql`and grantee_principal = ${filter.granteePrincipal}`}
    order by key_manager.grants.position limit ${limit}`;
}

export async function listRetirableGrants(
  sql: Sql,
  retiringPrincipal: string,
  afterPosition: string,
  limit: number,
): Promise<GrantRow[]> {
  return sql<GrantRow[]>`
    select ${GRANT_COLUMNS(sql)} from key_manager.grants
    where retiring_principal = ${retiringPrincipal} and position > ${afterPosition}::bigint
    order by key_manager.grants.position limit ${limit}`;
}

export async function findGrant(sql: Sql, grantId: string): Promise<GrantRow | undefined> {
  const [row] = await sql<
    GrantRow[]
  >`select ${GRANT_COLUMNS(sql)} from key_manager.grants where grant_id = ${grantId}`;
  return row;
}

export async function listRotations(
  sql: Sql,
  keyId: string,
  afterVersion: number,
  limit: number,
): Promise<Array<{ materialVersion: number; rotationDate: Date; rotationType: string }>> {
  return sql<Array<{ materialVersion: number; rotationDate: Date; rotationType: string }>>`
    select material_version as "materialVersion", rotation_date as "rotationDate", rotation_type as "rotationType"
    from key_manager.key_rotations where key_id = ${keyId} and material_version > ${afterVersion}
    order by material_version limit ${limit}`;
}

export async function insertKeyMaterial(
  tx: Sql,
  keyId: string,
  version: number,
  wrapped: Buffer,
): Promise<void> {
  await tx`insert into key_manager.key_material (key_id, version, wrapped) values (${keyId}, ${version}, ${wrapped})`;
}

/** Crypto-shredding: without its wrapped material a key's ciphertexts are gone for good. */
export async function destroyKeyMaterial(tx: Sql, keyId: string): Promise<number> {
  const res = await tx`delete from key_manager.key_material where key_id = ${keyId}`;
  return res.count;
}

export async function keyMaterials(
  sql: Sql,
  keyId: string,
): Promise<Array<{ version: number; wrapped: Buffer }>> {
  return sql<Array<{ version: number; wrapped: Buffer }>>`
    select version, wrapped from key_manager.key_material where key_id = ${keyId} order by version`;
}

/** Keys pending deletion whose date has passed, oldest first. */
export async function keysDueForDeletion(sql: Sql, now: Date, limit: number): Promise<string[]> {
  const rows = await sql<{ keyId: string }[]>`
    select key_id as "keyId" from key_manager.keys
    where state = 'PendingDeletion' and deletion_date <= ${now}
    order by deletion_date limit ${limit}`;
  return rows.map((r) => r.keyId);
}

/** Enabled keys with automatic rotation due. */
export async function keysDueForRotation(
  sql: Sql,
  now: Date,
  limit: number,
): Promise<Array<{ keyId: string; arn: string; currentMaterialVersion: number }>> {
  return sql<Array<{ keyId: string; arn: string; currentMaterialVersion: number }>>`
    select key_id as "keyId", arn, current_material_version as "currentMaterialVersion" from key_manager.keys
    where rotation_enabled and state = 'Enabled' and next_rotation_date <= ${now}
    order by next_rotation_date limit ${limit}`;
}
