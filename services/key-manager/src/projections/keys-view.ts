import type postgres from 'postgres';
import type { KeyEvent } from '@keyhold/bus';
import type { RecordedEvent } from '@keyhold/eventstore';

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
}

type Sql = postgres.Sql | postgres.TransactionSql;

/** Applies committed key events to the keys view; runs in their append transaction. */
export async function projectKeyEvents(
  tx: Sql,
  recorded: ReadonlyArray<RecordedEvent<KeyEvent>>,
): Promise<void> {
  for (const r of recorded) {
    switch (r.type) {
      case 'KeyCreated': {
        const d = r.data;
        await tx`
          insert into key_manager.keys (key_id, arn, account_id, region, state, description, key_usage, key_spec,
            origin, key_manager, multi_region, policy, tags, created_at, current_material_version, position,
            stream_version)
          values (${d.keyId}, ${d.arn}, ${d.accountId}, ${d.region}, 'Enabled', ${d.description}, ${d.keyUsage},
            ${d.keySpec}, ${d.origin}, ${d.keyManager}, ${d.multiRegion}, ${d.policy},
            ${tx.json(d.tags as unknown as postgres.JSONValue)}, ${d.createdAt}, ${d.materialVersion},
            ${r.position}, ${r.version})`;
        break;
      }
      default: {
        const unknown: never = r.type;
        void unknown;
      }
    }
  }
}

export async function findKey(sql: Sql, keyId: string): Promise<KeyRow | undefined> {
  const [row] = await sql<KeyRow[]>`
    select key_id as "keyId", arn, account_id as "accountId", region, state, description,
      key_usage as "keyUsage", key_spec as "keySpec", origin, key_manager as "keyManager",
      multi_region as "multiRegion", created_at as "createdAt",
      current_material_version as "currentMaterialVersion", position::text as position,
      stream_version as "streamVersion"
    from key_manager.keys where key_id = ${keyId}`;
  return row;
}

/** Keys of one account and region after `afterPosition`, in creation order. */
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
    order by position
    limit ${limit}`;
}

export async function countKeys(sql: Sql, accountId: string, region: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from key_manager.keys where account_id = ${accountId} and region = ${region}`;
  return row?.n ?? 0;
}

export async function insertKeyMaterial(
  tx: Sql,
  keyId: string,
  version: number,
  wrapped: Buffer,
): Promise<void> {
  await tx`insert into key_manager.key_material (key_id, version, wrapped) values (${keyId}, ${version}, ${wrapped})`;
}

export async function keyMaterials(
  sql: Sql,
  keyId: string,
): Promise<Array<{ version: number; wrapped: Buffer }>> {
  return sql<Array<{ version: number; wrapped: Buffer }>>`
    select version, wrapped from key_manager.key_material where key_id = ${keyId} order by version`;
}
