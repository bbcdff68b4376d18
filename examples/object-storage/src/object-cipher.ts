import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** An object's body sealed with its data key. */
export interface SealedBody {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/**
 * AES-256-GCM with the object's ARN as additional data: a sealed body moved
 * to another name fails to open even before KMS is asked.
 */
export function sealBody(dataKey: Uint8Array, objectArn: string, body: Uint8Array): SealedBody {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv);
  cipher.setAAD(Buffer.from(objectArn, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(body), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** The body, or throws when the data key, the name or any byte is not the one sealed. */
export function openBody(dataKey: Uint8Array, objectArn: string, sealed: SealedBody): Buffer {
  const decipher = createDecipheriv(ALGORITHM, dataKey, sealed.iv);
  decipher.setAAD(Buffer.from(objectArn, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
