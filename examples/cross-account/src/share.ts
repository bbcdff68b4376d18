import type { KeyholdClient } from '@keyhold/client';
import { sharedKeyPolicy } from './policies.js';

/**
 * Account A's side: a key whose policy lets `userAccount` use it. Returns
 * its key ARN, which A hands to B (B cannot look up A's aliases).
 */
export async function createSharedKey(
  kms: Pick<KeyholdClient, 'createKey'>,
  ownerAccount: string,
  userAccount: string,
  description: string,
): Promise<string> {
  const { keyMetadata } = await kms.createKey({
    description,
    policy: sharedKeyPolicy(ownerAccount, userAccount),
  });
  return keyMetadata!.arn;
}

/** Shares an existing key of A with `userAccount` by replacing its key policy. */
export async function shareKey(
  kms: Pick<KeyholdClient, 'putKeyPolicy'>,
  keyId: string,
  ownerAccount: string,
  userAccount: string,
): Promise<void> {
  await kms.putKeyPolicy({
    keyId,
    policyName: 'default',
    policy: sharedKeyPolicy(ownerAccount, userAccount),
  });
}
