import type { KeyholdClient } from '@keyhold/client';
import type { TableKeys } from './table-keys.js';

/**
 * Rotates the customer key without re-encrypting any data. KMS keeps every
 * earlier key material, so the stored data keys (and the values they sealed)
 * still decrypt; the tables then generate fresh data keys, which KMS encrypts
 * under the new material.
 */
export async function rotateCustomerKey(
  kms: Pick<KeyholdClient, 'rotateKeyOnDemand'>,
  keyId: string,
  tables: readonly TableKeys[],
): Promise<void> {
  await kms.rotateKeyOnDemand({ keyId });
  for (const table of tables) table.startNewDataKey();
}
