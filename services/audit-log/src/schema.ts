import type { Sql } from 'postgres';

// Idempotent, so every instance runs it at start; the advisory lock keeps two
// instances starting together from racing on CREATE ... IF NOT EXISTS.
const DDL = `
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE IF NOT EXISTS audit.events (
  sequence           bigserial PRIMARY KEY,
  event_id           uuid NOT NULL UNIQUE,
  request_id         text NOT NULL,
  event_time         timestamptz NOT NULL,
  event_name         text NOT NULL,
  region             text NOT NULL,
  account_id         text NOT NULL,
  principal_arn      text NOT NULL,
  access_key_id      text NOT NULL,
  source_ip          text NOT NULL,
  user_agent         text NOT NULL,
  key_arn            text NOT NULL,
  key_id             text NOT NULL,
  outcome            text NOT NULL,
  error_code         text NOT NULL,
  error_message      text NOT NULL,
  request_parameters jsonb NOT NULL,
  response_elements  jsonb NOT NULL,
  service            text NOT NULL
);

-- Lookups filter on one column and read newest first.
CREATE INDEX IF NOT EXISTS events_key_id_idx ON audit.events (key_id, event_time DESC, sequence DESC);
CREATE INDEX IF NOT EXISTS events_request_id_idx ON audit.events (request_id);
CREATE INDEX IF NOT EXISTS events_principal_arn_idx ON audit.events (principal_arn, event_time DESC, sequence DESC);
CREATE INDEX IF NOT EXISTS events_event_time_idx ON audit.events (event_time DESC, sequence DESC);
`;

/** Creates the `audit` schema and its table and indexes when missing. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('keyhold.audit.migrate'))`;
    await tx.unsafe(DDL);
  });
}
