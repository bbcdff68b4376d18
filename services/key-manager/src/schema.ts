import type postgres from 'postgres';
import { migrate } from '@keyhold/eventstore';

/** The Postgres schema key-manager owns. */
export const SCHEMA = 'key_manager';

/**
 * key-manager's own tables beside the event log. `keys` is the read model of
 * the key streams (written in each append's transaction); `key_material`
 * holds material wrapped under the root keyring, never in events, so that
 * deleting its rows destroys a key for good while its history stays.
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

create index if not exists keys_by_account_region on key_manager.keys (account_id, region, position);

create table if not exists key_manager.key_material (
  key_id     text not null,
  version    integer not null check (version > 0),
  wrapped    bytea not null,
  created_at timestamptz not null default now(),
  primary key (key_id, version)
);
`;

/** Creates (idempotently) the event log, outbox and key-manager tables. */
export async function migrateKeyManager(sql: postgres.Sql): Promise<void> {
  await migrate(sql, SCHEMA, DDL);
}
