import type postgres from 'postgres';
import { LOCK_CLASS, assertSchemaName, schemaDdl } from './schema.js';

/**
 * Creates the event log and outbox tables in `schema` when missing; safe to
 * run on every start and from several replicas at once (they take turns).
 * `extraDdl` runs in the same transaction, for a service's own tables.
 */
export async function migrate(sql: postgres.Sql, schema: string, extraDdl = ''): Promise<void> {
  assertSchemaName(schema);
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_CLASS.migrate}, hashtext(${schema}))`;
    await tx.unsafe(schemaDdl(schema)).simple();
    if (extraDdl) await tx.unsafe(extraDdl).simple();
  });
}
