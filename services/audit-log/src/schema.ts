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
  -- Insertion order, the tie-break of lookups' newest-first order.
  id                   bigserial NOT NULL,
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
  -- The canonical JSON the hash covers, as text: nothing queries into it, and
  -- parsing it into jsonb was a fifth of Postgres's cost per ingested row.
  record               text NOT NULL,
  prev_hash            bytea NOT NULL,
  hash                 bytea NOT NULL,
  stored_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, sequence)
);

-- Tables made by earlier versions. record was jsonb: rewritten once as text
-- (jsonb's text form is not canonical, which is fine: readers parse it and
-- re-canonicalise). id had a unique index: a sequence fills it and nothing
-- looks a row up by it, so the index only cost every insert.
DO $$ BEGIN
  IF (SELECT data_type FROM information_schema.columns WHERE table_schema = 'audit'
      AND table_name = 'records' AND column_name = 'record') = 'jsonb' THEN
    ALTER TABLE audit.records ALTER COLUMN record TYPE text USING record::text;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'records_id_key'
             AND conrelid = 'audit.records'::regclass) THEN
    ALTER TABLE audit.records DROP CONSTRAINT records_id_key;
  END IF;
END $$;

-- Every index costs every ingested row, so only lookups' filters are indexed.
-- Lookups filter on one column and read newest first. A request id is only
-- matched whole: a hash index costs less per row than a b-tree of random text.
DROP INDEX IF EXISTS audit.records_request_id_idx;
CREATE INDEX IF NOT EXISTS records_key_id_idx ON audit.records (key_id, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_request_hash_idx ON audit.records USING hash (request_id);
CREATE INDEX IF NOT EXISTS records_principal_arn_idx ON audit.records (principal_arn, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_event_name_idx ON audit.records (event_name, event_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS records_error_code_idx ON audit.records (error_code, event_time DESC, id DESC) WHERE error_code <> '';
-- One index on time serves both the unfiltered lookup (newest first: the
-- index read backwards, cursor included) and usage metering, which counts a
-- month's requests by account and operation as an index-only scan of the
-- month through the covered columns. It replaces two (records_event_time_idx,
-- records_usage_idx): one index fewer for every ingested row to update.
DROP INDEX IF EXISTS audit.records_event_time_idx;
DROP INDEX IF EXISTS audit.records_usage_idx;
CREATE INDEX IF NOT EXISTS records_time_idx ON audit.records (event_time, id) INCLUDE (account_id, event_name, error_code);

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
