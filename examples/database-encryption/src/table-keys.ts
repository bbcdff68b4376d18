import type { KeyholdClient } from '@keyhold/client';
import type { Sql } from 'postgres';

/** A plaintext data key and the `data_keys` row holding its encrypted copy. */
export interface DataKey {
  readonly id: number;
  readonly key: Buffer;
}

type Kms = Pick<KeyholdClient, 'generateDataKey' | 'decrypt'>;

/**
 * The data keys of one table. Writes share one data key from GenerateDataKey
 * until {@link startNewDataKey}; reads decrypt each stored data key once with
 * Decrypt. The KMS encryption context `{ table }` binds every data key to its
 * table, so a data key of another table is refused by KMS.
 */
export class TableKeys {
  private current: Promise<DataKey> | undefined;
  private readonly byId = new Map<number, Promise<Buffer>>();

  constructor(
    private readonly sql: Sql,
    private readonly kms: Kms,
    /** The customer key: key id, key ARN or alias. */
    private readonly keyId: string,
    readonly table: string,
  ) {}

  /** The data key new values are sealed with; generated on first use. */
  forWriting(): Promise<DataKey> {
    if (!this.current) {
      const pending = this.generate();
      this.current = pending;
      // A failed GenerateDataKey is not remembered: the next write asks again.
      pending.catch(() => {
        if (this.current === pending) this.current = undefined;
      });
    }
    return this.current;
  }

  /** The data key of stored values, by its `data_keys` id. */
  forReading(id: number): Promise<Buffer> {
    let pending = this.byId.get(id);
    if (!pending) {
      pending = this.unwrap(id);
      this.byId.set(id, pending);
      pending.catch(() => this.byId.delete(id));
    }
    return pending;
  }

  /**
   * Later writes use a fresh data key, e.g. after the customer key rotated:
   * it then comes from the new key material. Stored values keep theirs.
   */
  startNewDataKey(): void {
    this.current = undefined;
  }

  /** Zeroes the plaintext data keys held; later calls fetch them again. */
  async forget(): Promise<void> {
    const held = [...this.byId.values()];
    this.byId.clear();
    this.current = undefined;
    for (const key of await Promise.allSettled(held)) {
      if (key.status === 'fulfilled') key.value.fill(0);
    }
  }

  private async generate(): Promise<DataKey> {
    const res = await this.kms.generateDataKey({
      keyId: this.keyId,
      keySpec: 'AES_256',
      encryptionContext: { table: this.table },
    });
    const [row] = await this.sql<{ id: number }[]>`
      INSERT INTO data_keys (table_name, key_arn, encrypted_key)
      VALUES (${this.table}, ${res.keyId}, ${res.ciphertextBlob})
      RETURNING id`;
    const id = row!.id;
    // Readers of this process reuse it instead of calling Decrypt.
    this.byId.set(id, Promise.resolve(res.plaintext));
    return { id, key: res.plaintext };
  }

  private async unwrap(id: number): Promise<Buffer> {
    const [row] = await this.sql<{ table_name: string; key_arn: string; encrypted_key: Buffer }[]>`
      SELECT table_name, key_arn, encrypted_key FROM data_keys WHERE id = ${id}`;
    if (!row) throw new Error(`data key ${id} not found`);
    if (row.table_name !== this.table) {
      throw new Error(`data key ${id} belongs to table ${row.table_name}, not ${this.table}`);
    }
    const res = await this.kms.decrypt({
      ciphertextBlob: row.encrypted_key,
      keyId: row.key_arn,
      encryptionContext: { table: this.table },
    });
    return res.plaintext;
  }
}
