import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { KmsError } from '@keyhold/core';
import type { SealedSecret } from './events.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const AAD_PREFIX = 'keyhold-access-key:';

/** A new access key id in AWS's shape: `AKIA` and 16 uppercase letters or digits. */
export function generateAccessKeyId(): string {
  let id = 'AKIA';
  for (let i = 0; i < 16; i++) id += ALNUM[randomInt(ALNUM.length)];
  return id;
}

/** A new secret access key in AWS's shape: 40 characters of base64. */
export function generateSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/**
 * Seals and opens secret access keys with AES-256-GCM under the identity key.
 * The access key id is the additional authenticated data, so a sealed secret
 * moved to another key id does not open.
 */
export interface SecretBox {
  seal(accessKeyId: string, secret: string): SealedSecret;
  /** @throws when the ciphertext, nonce, tag or key id was altered. */
  open(accessKeyId: string, sealed: SealedSecret): string;
}

export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new Error('the identity key must be 32 bytes');
  const keyCopy = Buffer.from(key);
  return {
    seal(accessKeyId, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyCopy, iv);
      cipher.setAAD(Buffer.from(AAD_PREFIX + accessKeyId, 'utf8'));
      const body = Buffer.concat([
        cipher.update(secret, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return { iv: iv.toString('base64'), sealed: body.toString('base64') };
    },
    open(accessKeyId, sealed) {
      try {
        const body = Buffer.from(sealed.sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', keyCopy, Buffer.from(sealed.iv, 'base64'));
        decipher.setAAD(Buffer.from(AAD_PREFIX + accessKeyId, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch (err) {
        // Names the key id only: neither the secret nor the key reaches a log.
        throw KmsError.internal(
          new Error(`sealed secret of access key ${accessKeyId} does not open`, { cause: err }),
        );
      }
    },
  };
}
