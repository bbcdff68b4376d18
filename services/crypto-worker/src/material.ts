import { KmsError, parseKeyArn } from '@keyhold/core';
import type { RootKeyring } from '@keyhold/envelope';
import type { GetKeyForCryptoResponse__Output } from '@keyhold/proto';
import type { ResolvedKey } from './key-cache.js';

/**
 * Associated data binding wrapped material to its key id and version, so
 * material swapped between keys (or versions) in key-manager's table fails to
 * unwrap instead of silently encrypting under the wrong key. The key id, not
 * the ARN, so a multi-Region replica can unwrap a copy.
 */
export function materialAad(keyId: string, version: number): Buffer {
  return Buffer.from(`keyhold/material/v1\0${keyId}\0${version}`, 'utf8');
}

/**
 * Turns key-manager's view of a key into a {@link ResolvedKey}, unwrapping
 * every material version. An unwrap failure is thrown as is (not as a
 * KmsError) so the adapter logs it loudly as an internal error.
 */
export function resolveKey(
  res: GetKeyForCryptoResponse__Output,
  keyring: RootKeyring,
): ResolvedKey {
  const md = res.keyMetadata;
  const arnParts = md ? parseKeyArn(md.arn) : undefined;
  if (!md || !arnParts || arnParts.keyId !== md.keyId) {
    throw KmsError.internal(new Error('GetKeyForCrypto returned no usable key metadata'));
  }
  const materials = new Map<number, Buffer>();
  for (const m of res.materials) {
    materials.set(m.version, keyring.unwrap(m.wrapped, materialAad(md.keyId, m.version)));
  }
  return {
    arn: md.arn,
    keyId: md.keyId,
    accountId: md.awsAccountId || arnParts.accountId,
    region: res.region || arnParts.region,
    keyState: md.keyState,
    keyUsage: md.keyUsage,
    keySpec: md.keySpec,
    currentMaterialVersion: res.currentMaterialVersion,
    materials,
    streamVersion: Number(res.streamVersion),
  };
}
