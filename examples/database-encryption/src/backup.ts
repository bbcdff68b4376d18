import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { EncryptionContext, Envelope } from '@keyhold/client';
import type { Sql } from 'postgres';

/*
 * A backup is one envelope message (see @keyhold/client's createEnvelope):
 * newline-delimited JSON of the `data_keys` and `customers` rows as stored,
 * so the sensitive columns stay sealed inside it too. It streams both ways;
 * no table is ever held in memory.
 */

const TABLES = ['data_keys', 'customers'] as const;
type Table = (typeof TABLES)[number];
const BATCH = 500;

/** The context a backup of `database` is written and read with. */
export const backupContext = (database: string): EncryptionContext => ({
  purpose: 'backup',
  database,
  tables: TABLES.join(','),
});

interface Line {
  readonly table: Table;
  readonly row: Record<string, unknown>;
}

const toJson = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v,
    ]),
  );

const fromJson = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'object' && v !== null && 'base64' in v
        ? Buffer.from(String(v.base64), 'base64')
        : v,
    ]),
  );

async function* dumpLines(sql: Sql): AsyncGenerator<Buffer> {
  for (const table of TABLES) {
    const cursor = sql`SELECT * FROM ${sql(table)} ORDER BY id`.cursor(BATCH);
    for await (const rows of cursor) {
      const text = rows.map((row) => JSON.stringify({ table, row: toJson(row) })).join('\n');
      yield Buffer.from(`${text}\n`, 'utf8');
    }
  }
}

async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Line> {
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line !== '') yield JSON.parse(line) as Line;
  }
  if (rest !== '') throw new Error('backup ends inside a line');
}

/** Streams both tables of `sql` into `file`, encrypted under `keyId`. */
export async function backupTables(
  sql: Sql,
  envelope: Envelope,
  params: { readonly keyId: string; readonly database: string; readonly file: string },
): Promise<void> {
  await pipeline(
    dumpLines(sql),
    (source) =>
      envelope.encrypt(source, {
        keyId: params.keyId,
        encryptionContext: backupContext(params.database),
      }),
    fs.createWriteStream(params.file, { mode: 0o600 }),
  );
}

/**
 * Restores a backup of `database` into the (empty) tables of `sql`, in one
 * transaction: a tampered, truncated or foreign backup restores nothing.
 * Returns the number of rows restored per table.
 */
export async function restoreTables(
  sql: Sql,
  envelope: Envelope,
  params: { readonly database: string; readonly file: string },
): Promise<Record<Table, number>> {
  const counts: Record<Table, number> = { data_keys: 0, customers: 0 };
  await sql.begin(async (tx) => {
    const plaintext = envelope.decrypt(fs.createReadStream(params.file), {
      encryptionContext: backupContext(params.database),
    });
    for await (const { table, row } of splitLines(plaintext)) {
      if (!TABLES.includes(table)) throw new Error(`backup names an unknown table ${table}`);
      await tx`INSERT INTO ${tx(table)} ${tx(fromJson(row))}`;
      counts[table] += 1;
    }
    await tx`SELECT setval(pg_get_serial_sequence('data_keys', 'id'), coalesce(max(id), 0) + 1, false) FROM data_keys`;
  });
  return counts;
}
