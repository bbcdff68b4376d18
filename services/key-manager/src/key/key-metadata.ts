import type { KeyCreated } from '@keyhold/bus';
import type { KeyMetadata } from '@keyhold/proto';
import type { KeyRow } from '../projections/keys-view.js';

type MetadataSource = Pick<
  KeyRow,
  | 'keyId'
  | 'arn'
  | 'accountId'
  | 'state'
  | 'description'
  | 'keyUsage'
  | 'keySpec'
  | 'origin'
  | 'keyManager'
  | 'multiRegion'
  | 'createdAt'
> &
  Partial<Pick<KeyRow, 'deletionDate' | 'pendingWindowDays'>>;

/** A key as kms.v1.KeyMetadata: dates in epoch seconds, as on the AWS wire. */
export function toKeyMetadata(key: MetadataSource): KeyMetadata {
  const md: KeyMetadata = {
    awsAccountId: key.accountId,
    keyId: key.keyId,
    arn: key.arn,
    creationDate: key.createdAt.getTime() / 1000,
    enabled: key.state === 'Enabled',
    description: key.description,
    keyUsage: key.keyUsage,
    keyState: key.state,
    origin: key.origin,
    keyManager: key.keyManager,
    keySpec: key.keySpec,
    encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    multiRegion: key.multiRegion,
  };
  // Only a key pending deletion has these, as in AWS (and Terraform reads them).
  if (key.state === 'PendingDeletion' && key.deletionDate) {
    md.deletionDate = key.deletionDate.getTime() / 1000;
    if (key.pendingWindowDays) md.pendingDeletionWindowInDays = key.pendingWindowDays;
  }
  return md;
}

/** The view of a key right after KeyCreated, without a read-back. */
export function createdKeySource(data: KeyCreated['data']): MetadataSource {
  return { ...data, state: 'Enabled', createdAt: new Date(data.createdAt) };
}
