import type { Sql } from 'postgres';

/**
 * `data_keys` holds each data key as KMS returned it (encrypted under the
 * customer key); `customers` keeps its sensitive columns as sealed values and
 * names the data key that sealed them.
 */
export async function createTables(sql: Sql): Promise<void> {
  await sql`
    CREATE TABLE IF NOT EXISTS data_keys (
      id            serial PRIMARY KEY,
      table_name    text NOT NULL,
      key_arn       text NOT NULL,
      encrypted_key bytea NOT NULL,
      created_at    timestamptz NOT NULL DEFAULT now()
    )`;
  await sql`
    CREATE TABLE IF NOT EXISTS customers (
      id          bigint PRIMARY KEY,
      name        text NOT NULL,
      email       bytea NOT NULL,
      ssn         bytea NOT NULL,
      data_key_id integer NOT NULL REFERENCES data_keys (id)
    )`;
}
