import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Where a value lives. It is the AES-GCM additional data of the value, so a
 * ciphertext copied to another row, column or table fails to decrypt.
 */
export interface CellContext {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

/** A stored value failed authentication: tampered, or moved from another cell. */
export class ValueIntegrityError extends Error {
  override readonly name = 'ValueIntegrityError';
}

// Stored value: version (1 byte) | IV (12 bytes) | ciphertext | GCM tag (16 bytes).
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function additionalData(cell: CellContext): Buffer {
  return Buffer.from(JSON.stringify([VERSION, cell.table, cell.column, cell.rowId]), 'utf8');
}

/** Encrypts one column value locally under a 32-byte data key, bound to its cell. */
export function sealValue(dataKey: Uint8Array, plaintext: string, cell: CellContext): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(additionalData(cell));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, body, cipher.getAuthTag()]);
}

/** Decrypts a value written by {@link sealValue} for the same cell. */
export function openValue(dataKey: Uint8Array, sealed: Uint8Array, cell: CellContext): string {
  const where = `${cell.table}.${cell.column} of row ${cell.rowId}`;
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
    throw new ValueIntegrityError(`${where}: not a sealed value`);
  }
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, buf.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(additionalData(cell));
  decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
  try {
    const body = buf.subarray(1 + IV_BYTES, buf.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new ValueIntegrityError(`${where}: authentication failed (tampered or moved)`);
  }
}
