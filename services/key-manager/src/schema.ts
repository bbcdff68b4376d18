import type postgres from 'postgres';
import { migrate } from '@keyhold/eventstore';

/** The Postgres schema key-manager owns. */
export const SCHEMA = 'key_manager';

/**
 * key-manager's own tables beside the event log. `keys`, `aliases`,
 * `grants` and `key_rotations` are read models of the key streams (written in
 * each append's transaction, rebuilt from the log by RebuildProjections);
 * `key_material` holds material wrapped under the root keyring, never in
 * events, so that deleting its rows destroys a key for good while its history
 * stays.
 */
const DDL = `
create table if not exists key_manager.keys (
  key_id                   text primary key,
  arn                      text not null unique,
  account_id               text not null,
  region                   text not null,
  state                    text not null,
  description              text not null,
  key_usage                text not null,
  key_spec                 text not null,
  origin                   text not null,
  key_manager              text not null,
  multi_region             boolean not null,
  policy                   text not null,
  tags                     jsonb not null,
  created_at               timestamptz not null,
  current_material_version integer not null,
  position                 bigint not null unique,
  stream_version           integer not null
);

alter table key_manager.keys add column if not exists deletion_date timestamptz;
alter table key_manager.keys add column if not exists pending_window_days integer;
alter table key_manager.keys add column if not exists rotation_enabled boolean not null default false;
alter table key_manager.keys add column if not exists rotation_period_days integer;
alter table key_manager.keys add column if not exists next_rotation_date timestamptz;
alter table key_manager.keys add column if not exists on_demand_rotations integer not null default 0;

create index if not exists keys_by_account_region on key_manager.keys (account_id, region, position);
create index if not exists keys_pending_deletion on key_manager.keys (deletion_date) where state = 'PendingDeletion';
create index if not exists keys_rotation_due on key_manager.keys (next_rotation_date) where rotation_enabled;

create table if not exists key_manager.aliases (
  account_id  text not null,
  region      text not null,
  alias_name  text not null,
  key_id      text not null,
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  constraint aliases_name_unique primary key (account_id, region, alias_name)
);

create index if not exists aliases_by_key on key_manager.aliases (key_id);

create table if not exists key_manager.grants (
  grant_id           text primary key,
  key_id             text not null,
  name               text not null,
  grantee_principal  text not null,
  retiring_principal text,
  issuing_account    text not null,
  operations         jsonb not null,
  constraints        jsonb,
  created_at         timestamptz not null,
  position           bigint not null
);

create index if not exists grants_by_key on key_manager.grants (key_id, position);
create index if not exists grants_by_retiring on key_manager.grants (retiring_principal, position);

create table if not exists key_manager.key_rotations (
  key_id           text not null,
  material_version integer not null,
  rotation_date    timestamptz not null,
  rotation_type    text not null,
  primary key (key_id, material_version)
);

create table if not exists key_manager.key_material (
  key_id     text not null,
  version    integer not null check (version > 0),
  wrapped    bytea not null,
  created_at timestamptz not null default now(),
  primary key (key_id, version)
);

-- Usage metering (GetKeyUsageHistory) reads only the events that price a key:
-- a few per key among many, so a partial index costs appends next to nothing.
create index if not exists events_pricing on key_manager.events (position)
  where type in ('KeyCreated', 'KeyDeletionScheduled', 'KeyDeletionCanceled', 'KeyDeleted', 'KeyMaterialRotated');
`;

/** Creates (idempotently) the event log, outbox and key-manager tables. */
export async function migrateKeyManager(sql: postgres.Sql): Promise<void> {
  await migrate(sql, SCHEMA, DDL);
}
