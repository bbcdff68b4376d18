import type { EncryptionContext, KeyholdClient } from '@keyhold/client';

/*
 * Account B's side: every call names A's key by its full key ARN. A key id
 * or an alias is resolved in the caller's own account, so from B it never
 * finds A's key.
 */

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Throws unless `keyId` is a key ARN, the only way to name another account's key. */
export function assertKeyArn(keyId: string): string {
  if (!KEY_ARN.test(keyId)) {
    throw new TypeError(
      `a key of another account must be named by its key ARN (arn:aws:kms:<region>:<account>:key/<id>), got '${keyId}'`,
    );
  }
  return keyId;
}

type Kms = Pick<KeyholdClient, 'encrypt' | 'decrypt' | 'generateDataKey' | 'describeKey'>;

/** A small secret (up to 4 KiB) encrypted under A's key. */
export async function encryptWithSharedKey(
  kms: Kms,
  keyArn: string,
  plaintext: Uint8Array,
  encryptionContext: EncryptionContext = {},
): Promise<Buffer> {
  const res = await kms.encrypt({ keyId: assertKeyArn(keyArn), plaintext, encryptionContext });
  return res.ciphertextBlob;
}

/** Decrypts a blob of A's key; pinning the key ARN refuses a blob of any other key. */
export async function decryptWithSharedKey(
  kms: Kms,
  keyArn: string,
  ciphertextBlob: Uint8Array,
  encryptionContext: EncryptionContext = {},
): Promise<Buffer> {
  const res = await kms.decrypt({ keyId: assertKeyArn(keyArn), ciphertextBlob, encryptionContext });
  return res.plaintext;
}

/** A data key under A's key, for envelope encryption of larger data in B. */
export async function dataKeyFromSharedKey(
  kms: Kms,
  keyArn: string,
  encryptionContext: EncryptionContext = {},
): Promise<{ plaintext: Buffer; ciphertextBlob: Buffer }> {
  const res = await kms.generateDataKey({
    keyId: assertKeyArn(keyArn),
    keySpec: 'AES_256',
    encryptionContext,
  });
  return { plaintext: res.plaintext, ciphertextBlob: res.ciphertextBlob };
}

/** What B can see of A's key: enough to check it is enabled and symmetric. */
export async function describeSharedKey(
  kms: Kms,
  keyArn: string,
): Promise<{ arn: string; enabled: boolean; keySpec: string }> {
  const { keyMetadata } = await kms.describeKey({ keyId: assertKeyArn(keyArn) });
  return { arn: keyMetadata!.arn, enabled: keyMetadata!.enabled, keySpec: keyMetadata!.keySpec };
}
