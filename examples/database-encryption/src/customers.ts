import type { Sql } from 'postgres';
import { openValue, sealValue } from './value-cipher.js';
import type { TableKeys } from './table-keys.js';

/** A customer as the application sees it; `email` and `ssn` are stored encrypted. */
export interface Customer {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly ssn: string;
}

export const TABLE = 'customers';
/** The columns sealed with the table's data key. */
export const SENSITIVE_COLUMNS = ['email', 'ssn'] as const;
type SensitiveColumn = (typeof SENSITIVE_COLUMNS)[number];

const cell = (column: SensitiveColumn, id: number) => ({
  table: TABLE,
  column,
  rowId: String(id),
});

/** Inserts a customer, sealing its sensitive columns locally (no KMS call per value). */
export async function insertCustomer(sql: Sql, keys: TableKeys, c: Customer): Promise<void> {
  const { id: dataKeyId, key } = await keys.forWriting();
  await sql`
    INSERT INTO customers (id, name, email, ssn, data_key_id)
    VALUES (${c.id}, ${c.name}, ${sealValue(key, c.email, cell('email', c.id))},
            ${sealValue(key, c.ssn, cell('ssn', c.id))}, ${dataKeyId})`;
}

interface StoredCustomer {
  readonly id: string;
  readonly name: string;
  readonly email: Buffer;
  readonly ssn: Buffer;
  readonly data_key_id: number;
}

async function open(keys: TableKeys, row: StoredCustomer): Promise<Customer> {
  const key = await keys.forReading(row.data_key_id);
  const id = Number(row.id);
  return {
    id,
    name: row.name,
    email: openValue(key, row.email, cell('email', id)),
    ssn: openValue(key, row.ssn, cell('ssn', id)),
  };
}

/** One customer, decrypted; undefined when there is no such row. */
export async function readCustomer(
  sql: Sql,
  keys: TableKeys,
  id: number,
): Promise<Customer | undefined> {
  const [row] = await sql<StoredCustomer[]>`
    SELECT id, name, email, ssn, data_key_id FROM customers WHERE id = ${id}`;
  return row && open(keys, row);
}

/** Every customer, decrypted, by id. */
export async function readAllCustomers(sql: Sql, keys: TableKeys): Promise<Customer[]> {
  const rows = await sql<StoredCustomer[]>`
    SELECT id, name, email, ssn, data_key_id FROM customers ORDER BY id`;
  return Promise.all(rows.map((row) => open(keys, row)));
}
