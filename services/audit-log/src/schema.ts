import type { Sql } from 'postgres';

// Idempotent, so every instance runs it at start; the advisory lock keeps two
// instances starting together from racing on CREATE ... IF NOT EXISTS.
// The v1 table audit.events (no chain) is left alone; records live in audit.records.
const DDL = `
CREATE SCHEMA IF NOT EXISTS audit;

-- One row per record. (region, sequence) is the record's place in its
-- region's hash chain; the record itself is what is hashed, the other
-- columns are derived from it for lookups (verify re-derives them).
CREATE TABLE IF NOT EXISTS audit.records (
  id                   bigserial NOT NULL UNIQUE,
  region               text NOT NULL,
  sequence             bigint NOT NULL,
  event_id             uuid NOT NULL UNIQUE,
  request_id           text NOT NULL,
  event_time           timestamptz NOT NULL,
  event_name           text NOT NULL,
  account_id           text NOT NULL,
  principal_arn        text NOT NULL,
  key_arn              text NOT NULL,
  key_id               text NOT NULL,
  error_code           text NOT NULL,
  event_category       text NOT NULL,
  recipient_account_id text NOT NULL,
  record               jsonb NOT NULL,
  prev_hash            bytea NOT NULL,
  hash                 bytea NOT NULL,
  stored_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, sequence)
);

-- Lookups filter on one column and read newest first.
CREATE INDEX IF NOT EXISTS records_key_id_idx ON audit.records (key_id, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_request_id_idx ON audit.records (request_id);
CREATE INDEX IF NOT EXISTS records_principal_arn_idx ON audit.records (principal_arn, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_event_name_idx ON audit.records (event_name, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_error_code_idx ON audit.records (error_code, event_time DESC, id DESC) WHERE error_code <> '';
CREATE INDEX IF NOT EXISTS records_event_time_idx ON audit.records (event_time DESC, id DESC);

-- The head of each region's chain. Its row lock makes chain assignment
-- single-writer per region, whatever the number of audit-log replicas.
CREATE TABLE IF NOT EXISTS audit.chains (
  region          text PRIMARY KEY,
  last_sequence   bigint NOT NULL,
  last_hash       bytea NOT NULL,
  digest_sequence bigint NOT NULL,
  digest_at       timestamptz NOT NULL
);

-- Signed checkpoints: each signs a region's chain head at to_sequence.
CREATE TABLE IF NOT EXISTS audit.digests (
  region        text NOT NULL,
  to_sequence   bigint NOT NULL,
  from_sequence bigint NOT NULL,
  last_hash     bytea NOT NULL,
  digest_time   timestamptz NOT NULL,
  key_id        text NOT NULL,
  payload       text NOT NULL,
  signature     bytea NOT NULL,
  PRIMARY KEY (region, to_sequence)
);

-- Every public key that ever signed a digest, so old digests stay verifiable.
CREATE TABLE IF NOT EXISTS audit.public_keys (
  key_id     text PRIMARY KEY,
  public_key bytea NOT NULL,
  first_used timestamptz NOT NULL DEFAULT now()
);

-- Only when no key is configured: one generated signing key shared by all
-- replicas. Anyone who can read this table can forge digests, so production
-- deployments configure KEYHOLD_AUDIT_SIGNING_KEY(_FILE) instead.
CREATE TABLE IF NOT EXISTS audit.generated_signing_key (
  id          int PRIMARY KEY CHECK (id = 1),
  private_key bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
`;

/** Creates the `audit` schema and its tables and indexes when missing. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('keyhold.audit.migrate'))`;
    await tx.unsafe(DDL);
  });
}
