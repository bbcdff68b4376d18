import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import type { ResolvedKey } from '../key-cache.js';
import {
  assertBlobLength,
  assertGrantTokens,
  assertKeyId,
  assertSymmetricAlgorithm,
  assertUsable,
} from './common.js';

const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const key = (keyState: string, keyUsage = 'ENCRYPT_DECRYPT'): ResolvedKey => ({
  arn,
  keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  accountId: '111122223333',
  region: 'us-east-1',
  keyState,
  keyUsage,
  keySpec: 'SYMMETRIC_DEFAULT',
  currentMaterialVersion: 1,
  materials: new Map(),
  streamVersion: 1,
});

function error(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isKmsError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  return { code: 'none', message: '' };
}

describe('assertUsable', () => {
  it('follows the AWS key-state table', () => {
    expect(error(() => assertUsable(key('Enabled'), 'Encrypt')).code).toBe('none');
    expect(error(() => assertUsable(key('Disabled'), 'Encrypt'))).toEqual({
      code: 'DisabledException',
      message: `${arn} is disabled.`,
    });
    expect(error(() => assertUsable(key('PendingDeletion'), 'Encrypt'))).toEqual({
      code: 'KMSInvalidStateException',
      message: `${arn} is pending deletion.`,
    });
    expect(error(() => assertUsable(key('PendingImport'), 'Encrypt')).code).toBe(
      'KMSInvalidStateException',
    );
  });

  it('refuses keys not for ENCRYPT_DECRYPT', () => {
    expect(error(() => assertUsable(key('Enabled', 'SIGN_VERIFY'), 'Encrypt')).code).toBe(
      'InvalidKeyUsageException',
    );
  });
});

describe('request validation', () => {
  it('uses AWS wording and never echoes blobs', () => {
    expect(error(() => assertKeyId(''))).toEqual({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
    expect(error(() => assertKeyId('x'.repeat(2049))).code).toBe('ValidationException');
    expect(error(() => assertKeyId('arn:aws:kms:nope')).code).toBe('InvalidArnException');
    const secret = Buffer.from('x'.repeat(4097));
    const tooLong = error(() => assertBlobLength(secret, 'plaintext', 1, 4096));
    expect(tooLong).toEqual({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value '***' at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    });
    expect(
      error(() => assertBlobLength(Buffer.alloc(0), 'ciphertextBlob', 1, 6144)).message,
    ).toMatch(/'ciphertextBlob'.*greater than or equal to 1$/);
    expect(error(() => assertGrantTokens(Array.from({ length: 11 }, () => 't'))).message).toMatch(
      /'grantTokens'.*less than or equal to 10$/,
    );
    expect(error(() => assertGrantTokens(Array.from({ length: 10 }, () => 't'))).code).toBe('none');
    expect(error(() => assertSymmetricAlgorithm('RSA')).code).toBe('ValidationException');
    expect(error(() => assertSymmetricAlgorithm('RSAES_OAEP_SHA_256')).code).toBe(
      'InvalidKeyUsageException',
    );
    expect(error(() => assertSymmetricAlgorithm('SYMMETRIC_DEFAULT')).code).toBe('none');
  });
});
