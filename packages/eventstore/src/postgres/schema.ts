import type postgres from 'postgres';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name before it is spliced into DDL (identifiers cannot be bound). */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name '${schema}'`);
  return schema;
}

/** The NOTIFY channel an append signals the outbox relay on. */
export function outboxChannel(schema: string): string {
  return `keyhold_outbox_${assertSchemaName(schema)}`;
}

/**
 * Advisory-lock keys (two int4s) of one schema: `append` serialises appends
 * so that global positions are handed out in commit order, `relay` elects the
 * single active outbox relay, `migrate` serialises concurrent start-ups.
 */
export const LOCK_CLASS = { append: 0x6b6801, relay: 0x6b6802, migrate: 0x6b6803 } as const;

/** Idempotent DDL of the event log and the outbox in `schema`. */
export function schemaDdl(schema: string): string {
  const s = `"${assertSchemaName(schema)}"`;
  return `
create schema if not exists ${s};

create table if not exists ${s}.events (
  position    bigserial primary key,
  stream_id   text not null,
  version     integer not null check (version > 0),
  event_id    uuid not null unique,
  type        text not null,
  data        jsonb not null,
  metadata    jsonb not null default '{}'::jsonb,
  recorded_at timestamptz not null default now(),
  constraint events_stream_version unique (stream_id, version)
);

create table if not exists ${s}.outbox (
  position     bigint primary key references ${s}.events (position),
  event_id     uuid not null unique,
  stream_id    text not null,
  published_at timestamptz
);

create index if not exists outbox_unpublished on ${s}.outbox (position) where published_at is null;
`;
}

/**
 * Takes the append lock of `schema` for the rest of `tx`: no append commits
 * meanwhile. For whole-log work such as a projection rebuild.
 */
export async function lockAppends(tx: postgres.TransactionSql, schema: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(${LOCK_CLASS.append}, hashtext(${assertSchemaName(schema)}))`;
}
