// The pattern end to end against `npm start`'s cluster: a customer key,
// sealed columns in Postgres, a key rotation that re-encrypts nothing, and an
// encrypted backup restored into fresh tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEnvelope, createKeyholdClient } from '@keyhold/client';
import postgres from 'postgres';
import { backupTables, restoreTables } from './backup.js';
import { TABLE, insertCustomer, readAllCustomers } from './customers.js';
import type { Customer } from './customers.js';
import { rotateCustomerKey } from './rotation.js';
import { createTables } from './schema.js';
import { TableKeys } from './table-keys.js';

const env = process.env;
// `npm start`'s Postgres; the example makes its own database there.
const SERVER_URL = env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const people = (from: number, count: number): Customer[] =>
  Array.from({ length: count }, (_, i) => ({
    id: from + i,
    name: `Customer ${from + i}`,
    email: `customer${from + i}@example.com`,
    ssn: `900-00-${String(1000 + from + i)}`,
  }));

/** A fresh database on the server, dropped by the returned function. */
async function freshDatabase(
  name: string,
): Promise<{ sql: postgres.Sql; drop: () => Promise<void> }> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  return {
    sql,
    drop: async () => {
      await sql.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const kms = createKeyholdClient({
    credentials: {
      accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? 'test',
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? 'test',
    },
  });
  const app = await freshDatabase('keyhold_example_app');
  const restored = await freshDatabase('keyhold_example_restored');
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-db-example-')),
    'backup.khe',
  );
  try {
    const { keyMetadata } = await kms.createKey({ description: 'example: customers table' });
    const keyArn = keyMetadata!.arn;
    say(`customer key ${keyArn}`);
    await createTables(app.sql);
    const keys = new TableKeys(app.sql, kms, keyArn, TABLE);
    for (const c of people(1, 3)) await insertCustomer(app.sql, keys, c);
    say('wrote customers 1-3 (email and ssn sealed with data key 1)');

    await rotateCustomerKey(kms, keyArn, [keys]);
    for (const c of people(4, 3)) await insertCustomer(app.sql, keys, c);
    say('rotated the customer key; wrote customers 4-6 with data key 2, from the new material');

    const fresh = new TableKeys(app.sql, kms, keyArn, TABLE);
    const all = await readAllCustomers(app.sql, fresh);
    say(`read back ${all.length} customers, before and after the rotation:`);
    for (const c of all) say(`  ${c.id}  ${c.name}  ${c.email}  ***-**-${c.ssn.slice(-4)}`);

    await backupTables(app.sql, createEnvelope(kms), { keyId: keyArn, database: 'app', file });
    say(`backup written: ${file} (${fs.statSync(file).size} bytes, one envelope message)`);
    await createTables(restored.sql);
    const counts = await restoreTables(restored.sql, createEnvelope(kms), {
      database: 'app',
      file,
    });
    say(
      `restored ${counts.customers} customers and ${counts.data_keys} data keys into a fresh database`,
    );
    await Promise.all([keys.forget(), fresh.forget()]);
    await kms.scheduleKeyDeletion({ keyId: keyArn, pendingWindowInDays: 7 });
    say('scheduled the example key for deletion in 7 days');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await Promise.all([app.drop(), restored.drop()]);
    kms.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
  process.exit(1);
});
