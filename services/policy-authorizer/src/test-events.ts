// Key events for this folder's tests (not part of the service).
import type { KeyEventMessage, KeyEventType } from '@keyhold/bus';

const ACCOUNT = '111122223333';

/** A key event message for key `keyId` of account 111122223333 in us-east-1. */
export function event(
  keyId: string,
  version: number,
  type: KeyEventType,
  data: Record<string, unknown>,
): KeyEventMessage {
  return {
    eventId: `${keyId}-${version}`,
    streamId: `key-${keyId}`,
    version,
    position: String(version),
    type,
    data: {
      keyId,
      arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`,
      accountId: ACCOUNT,
      region: 'us-east-1',
      ...data,
    } as unknown as KeyEventMessage['data'],
    recordedAt: '2024-06-01T00:00:00Z',
  };
}

/** KeyCreated with `policy`, by default AWS's default key policy. */
export function keyCreated(keyId: string, policy?: object): KeyEventMessage {
  return event(keyId, 1, 'KeyCreated', {
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    multiRegion: false,
    policy: JSON.stringify(
      policy ?? {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM policies',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      },
    ),
    tags: [{ tagKey: 'team', tagValue: 'a' }],
    createdAt: '2024-06-01T00:00:00Z',
    materialVersion: 1,
  });
}
