import fs from 'node:fs';
import path from 'node:path';
import { createEnvelope, createKeyholdClient, isEnvelopeError, isKmsError } from '@keyhold/client';
import type { KeyholdClient } from '@keyhold/client';
import { startTestCluster } from '@keyhold/e2e/support';
import type { TestCluster } from '@keyhold/e2e/support';
import { parseHeader } from '@keyhold/envelope';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTables, restoreTables } from './backup.js';
import { TABLE, insertCustomer, readAllCustomers, readCustomer } from './customers.js';
import type { Customer } from './customers.js';
import { rotateCustomerKey } from './rotation.js';
import { createTables } from './schema.js';
import { TableKeys } from './table-keys.js';
import { ValueIntegrityError } from './value-cipher.js';

// The database pattern against the whole cluster: sealed columns in a real
// Postgres table, a rotation of the customer key that re-encrypts nothing,
// and a streamed, encrypted backup.

const ACCOUNT = '111122223333';
const CREDS = { accessKeyId: 'dba', secretAccessKey: 'dba-secret' };

let test: TestCluster;
let kms: KeyholdClient;
let appDb: TestDatabase;
let keyArn: string;

function customer(id: number): Customer {
  // Long enough for the fixture's secret scan to look for them without false matches.
  const c = {
    id,
    name: `Customer ${id}`,
    email: `customer${id}@example.com`,
    ssn: `SSN 900-00-${1000 + id}`,
  };
  test.registerSecret(c.email);
  test.registerSecret(c.ssn);
  return c;
}

/** The data keys stored for the table, with the key material version KMS encrypted each under. */
async function storedDataKeys(): Promise<{ id: number; materialVersion: number }[]> {
  const rows = await appDb.sql<{ id: number; encrypted_key: Buffer }[]>`
    SELECT id, encrypted_key FROM data_keys ORDER BY id`;
  return rows.map((r) => ({
    id: r.id,
    materialVersion: parseHeader(r.encrypted_key).materialVersion,
  }));
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'example-database',
    principals: [
      {
        arn: `arn:aws:iam::${ACCOUNT}:user/dba`,
        ...CREDS,
        // No `policies`: the fixture writes one allowing every kms action.
      },
    ],
  });
  kms = createKeyholdClient({
    endpoint: test.cluster.addresses.gateway,
    region: 'us-east-1',
    credentials: CREDS,
  });
  appDb = await testDatabase();
  await createTables(appDb.sql);
  keyArn = (await kms.createKey({ description: 'customers table' })).keyMetadata!.arn;
});

afterAll(async () => {
  kms?.close();
  await appDb?.drop();
  await test?.stop();
});

describe('database encryption', () => {
  it('seals sensitive columns with one data key and reads them back', async () => {
    const keys = new TableKeys(appDb.sql, kms, keyArn, TABLE);
    const written = [1, 2, 3].map(customer);
    for (const c of written) await insertCustomer(appDb.sql, keys, c);

    expect(await storedDataKeys()).toEqual([{ id: 1, materialVersion: 1 }]);
    const raw = await appDb.sql<{ email: Buffer; ssn: Buffer; data_key_id: number }[]>`
      SELECT email, ssn, data_key_id FROM customers ORDER BY id`;
    expect(raw.map((r) => r.data_key_id)).toEqual([1, 1, 1]);
    for (const [i, r] of raw.entries()) {
      expect(r.ssn.includes(Buffer.from(written[i]!.ssn))).toBe(false);
      expect(r.email.includes(Buffer.from(written[i]!.email))).toBe(false);
    }
    // A reader with no cached key: one Decrypt of the stored data key.
    expect(await readAllCustomers(appDb.sql, new TableKeys(appDb.sql, kms, keyArn, TABLE))).toEqual(
      written,
    );
    await keys.forget();
  });

  it('refuses a value moved to another row or column', async () => {
    const keys = new TableKeys(appDb.sql, kms, keyArn, TABLE);
    const original = await appDb.sql`SELECT id, ssn FROM customers WHERE id IN (2, 3)`;
    await appDb.sql`UPDATE customers SET ssn = (SELECT ssn FROM customers WHERE id = 1) WHERE id = 2`;
    await expect(readCustomer(appDb.sql, keys, 2)).rejects.toThrow(ValueIntegrityError);
    await expect(readCustomer(appDb.sql, keys, 2)).rejects.toThrow(
      'customers.ssn of row 2: authentication failed (tampered or moved)',
    );
    await appDb.sql`UPDATE customers SET ssn = email WHERE id = 3`;
    await expect(readCustomer(appDb.sql, keys, 3)).rejects.toThrow(ValueIntegrityError);
    expect(await readCustomer(appDb.sql, keys, 1)).toEqual(customer(1));
    // The stored values put back where they belong decrypt again.
    for (const row of original) {
      await appDb.sql`UPDATE customers SET ssn = ${row['ssn'] as Buffer} WHERE id = ${row['id'] as string}`;
    }
    expect(await readCustomer(appDb.sql, keys, 2)).toEqual(customer(2));
    await keys.forget();
  });

  it('refuses a data key of another table (the KMS encryption context names the table)', async () => {
    const other = new TableKeys(appDb.sql, kms, keyArn, 'orders');
    const { id, key } = await other.forWriting();
    test.registerSecret(key);
    await appDb.sql`UPDATE data_keys SET table_name = ${TABLE} WHERE id = ${id}`;
    const err = await new TableKeys(appDb.sql, kms, keyArn, TABLE)
      .forReading(id)
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'InvalidCiphertextException')).toBe(true);
    await appDb.sql`DELETE FROM data_keys WHERE id = ${id}`;
    await other.forget();
  });

  it('rotates the customer key without re-encrypting data', async () => {
    const before = await appDb.sql`SELECT id, email, ssn, data_key_id FROM customers ORDER BY id`;
    const keys = new TableKeys(appDb.sql, kms, keyArn, TABLE);
    await rotateCustomerKey(kms, keyArn, [keys]);
    // crypto-worker picks up the rotation from the key event stream; wait for it.
    for (let i = 0; i < 100; i++) {
      const probe = await kms.generateDataKeyWithoutPlaintext({
        keyId: keyArn,
        keySpec: 'AES_256',
      });
      if (parseHeader(probe.ciphertextBlob).materialVersion === 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const later = [4, 5, 6].map(customer);
    for (const c of later) await insertCustomer(appDb.sql, keys, c);

    // Nothing written before the rotation changed; new rows use a new data key from the new material.
    expect(
      await appDb.sql`SELECT id, email, ssn, data_key_id FROM customers WHERE id <= 3 ORDER BY id`,
    ).toEqual(before);
    const dataKeys = await storedDataKeys();
    expect(dataKeys.map((k) => k.materialVersion)).toEqual([1, 2]);
    const newId = dataKeys[1]!.id;
    expect(
      (
        await appDb.sql<{ data_key_id: number }[]>`SELECT data_key_id FROM customers WHERE id > 3`
      ).map((r) => r.data_key_id),
    ).toEqual([newId, newId, newId]);
    const rotations = await kms.listKeyRotations({ keyId: keyArn });
    expect(rotations.rotations.map((r) => r.rotationType)).toEqual(['ON_DEMAND']);
    // A fresh reader decrypts rows of both data keys.
    expect(await readAllCustomers(appDb.sql, new TableKeys(appDb.sql, kms, keyArn, TABLE))).toEqual(
      [1, 2, 3, 4, 5, 6].map(customer),
    );
    await keys.forget();
  });

  it('backs the tables up into one envelope message and restores them elsewhere', async () => {
    const envelope = createEnvelope(kms);
    const file = path.join(test.dir, 'customers.khe');
    await backupTables(appDb.sql, envelope, { keyId: keyArn, database: 'app', file });
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4).toString()).toBe('KHEM');
    expect(bytes.includes(Buffer.from('Customer 1'))).toBe(false);

    const target = await testDatabase();
    try {
      await createTables(target.sql);
      // A backup is bound to its database: another name in the context fails and restores nothing.
      const foreign = await restoreTables(target.sql, envelope, { database: 'other', file }).catch(
        (e: unknown) => e,
      );
      expect(isEnvelopeError(foreign) && foreign.reason).toBe('ContextMismatch');
      // A flipped byte in the last frame: the rows before it are never committed.
      const tampered = path.join(test.dir, 'tampered.khe');
      const copy = Buffer.from(bytes);
      copy[copy.length - 20]! ^= 1;
      fs.writeFileSync(tampered, copy);
      const broken = await restoreTables(target.sql, envelope, {
        database: 'app',
        file: tampered,
      }).catch((e: unknown) => e);
      expect(isEnvelopeError(broken) && broken.reason).toBe('FrameAuthentication');
      expect((await target.sql`SELECT count(*)::int AS n FROM customers`)[0]!['n']).toBe(0);

      expect(await restoreTables(target.sql, envelope, { database: 'app', file })).toEqual({
        data_keys: 2,
        customers: 6,
      });
      const restored = new TableKeys(target.sql, kms, keyArn, TABLE);
      expect(await readAllCustomers(target.sql, restored)).toEqual(
        [1, 2, 3, 4, 5, 6].map(customer),
      );
      // The restored data_keys sequence continues after the restored ids.
      const lastId = (await storedDataKeys()).at(-1)!.id;
      const next = await restored.forWriting();
      test.registerSecret(next.key);
      expect(next.id).toBe(lastId + 1);
      await restored.forget();
    } finally {
      await target.drop();
    }
  });
});
