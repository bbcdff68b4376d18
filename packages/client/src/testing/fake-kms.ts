import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KmsError } from '@keyhold/core';
import { encodeEncryptionContext } from '@keyhold/envelope';
import type { DecryptRequest, GenerateDataKeyRequest } from '@keyhold/proto';
import type { DataKeyService } from '../envelope/envelope.js';

const ACCOUNT_ARN = 'arn:aws:kms:us-east-1:111122223333:key/';

/**
 * An in-process stand-in for the two KMS operations envelope encryption
 * uses, for tests of code built on `createEnvelope`: data keys are wrapped
 * with AES-256-GCM under one random key per key id, bound to the encryption
 * context, and Decrypt fails as KMS does (InvalidCiphertextException,
 * IncorrectKeyException). It counts the calls it served.
 */
export class FakeKms implements DataKeyService {
  readonly calls = { generateDataKey: 0, decrypt: 0 };
  private readonly keys = new Map<string, Buffer>();

  private arnOf(keyId: string): string {
    return keyId.startsWith('arn:') ? keyId : `${ACCOUNT_ARN}${keyId}`;
  }

  private keyFor(arn: string): Buffer {
    let key = this.keys.get(arn);
    if (!key) this.keys.set(arn, (key = randomBytes(32)));
    return key;
  }

  generateDataKey(request: GenerateDataKeyRequest) {
    this.calls.generateDataKey++;
    if (!request.keyId) return Promise.reject(KmsError.validation('KeyId is required.'));
    const arn = this.arnOf(request.keyId);
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(arn), iv);
    cipher.setAAD(encodeEncryptionContext(request.encryptionContext));
    const arnBytes = Buffer.from(arn, 'utf8');
    const ciphertextBlob = Buffer.concat([
      Buffer.from([arnBytes.length]),
      arnBytes,
      iv,
      cipher.update(plaintext),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return Promise.resolve({ keyId: arn, plaintext, ciphertextBlob });
  }

  decrypt(request: DecryptRequest) {
    this.calls.decrypt++;
    try {
      const blob = Buffer.from(request.ciphertextBlob ?? []);
      const arnLength = blob[0] ?? 0;
      const arn = blob.subarray(1, 1 + arnLength).toString('utf8');
      if (request.keyId !== undefined && this.arnOf(request.keyId) !== arn) {
        return Promise.reject(KmsError.incorrectKey());
      }
      const key = this.keys.get(arn);
      if (!key) throw KmsError.invalidCiphertext();
      const body = blob.subarray(1 + arnLength);
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
      decipher.setAAD(encodeEncryptionContext(request.encryptionContext));
      decipher.setAuthTag(body.subarray(body.length - 16));
      const plaintext = Buffer.concat([
        decipher.update(body.subarray(12, body.length - 16)),
        decipher.final(),
      ]);
      return Promise.resolve({ keyId: arn, plaintext });
    } catch {
      return Promise.reject(KmsError.invalidCiphertext());
    }
  }
}
