import type postgres from 'postgres';
import { migrate } from '@keyhold/eventstore';

/** The Postgres schema policy-authorizer owns: the identity event log and its side table. */
export const SCHEMA = 'policy_authorizer';

/**
 * `access_keys` makes access key ids unique across accounts (each account is
 * its own stream, so the stream version check alone cannot); written in the
 * append's transaction.
 */
const DDL = `
create table if not exists policy_authorizer.access_keys (
  access_key_id text primary key,
  account_id    text not null
);
`;

/** Creates (idempotently) the event log, outbox and identity tables. */
export async function migratePolicyAuthorizer(sql: postgres.Sql): Promise<void> {
  await migrate(sql, SCHEMA, DDL);
}
