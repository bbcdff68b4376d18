import { describe, expect, it } from 'vitest';
import type { KeyCreated } from '@keyhold/bus';
import { deciderSpec } from '@keyhold/eventstore/testing';
import type { CreateKey } from './commands.js';
import { defaultKeyPolicy, keyDecider } from './decide.js';

const now = new Date('2024-05-01T12:00:00.000Z');
const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const accountId = '111122223333';
const region = 'eu-west-1';
const arn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;

const createKey = (data: Partial<CreateKey['data']> = {}): CreateKey => ({
  type: 'CreateKey',
  data: { keyId, accountId, region, tags: [], ...data },
  metadata: { now },
});

const created = (data: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    keyId,
    arn,
    accountId,
    region,
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    multiRegion: false,
    policy: defaultKeyPolicy(accountId),
    tags: [],
    createdAt: '2024-05-01T12:00:00.000Z',
    materialVersion: 1,
    ...data,
  },
});

const spec = deciderSpec(keyDecider);

describe('CreateKey', () => {
  it('creates an enabled symmetric key with the default policy', () => {
    spec.given([]).when(createKey()).then([created()]);
  });

  it('keeps description, tags and explicit supported values', () => {
    const tags = [
      { tagKey: 'team', tagValue: 'payments' },
      { tagKey: 'empty', tagValue: '' },
    ];
    spec
      .given([])
      .when(
        createKey({
          description: 'orders',
          keyUsage: 'ENCRYPT_DECRYPT',
          keySpec: 'SYMMETRIC_DEFAULT',
          origin: 'AWS_KMS',
          multiRegion: false,
          tags,
        }),
      )
      .then([created({ description: 'orders', tags })]);
  });

  it('stores a given policy instead of the default', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: accountId }, Action: 'kms:*', Resource: '*' },
      ],
    });
    spec
      .given([])
      .when(createKey({ policy }))
      .then([created({ policy })]);
  });

  it('grants the account root everything in the default policy', () => {
    expect(JSON.parse(defaultKeyPolicy(accountId))).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
  });

  it('rejects a key that already exists', () => {
    spec
      .given([created()])
      .when(createKey())
      .thenThrows('AlreadyExistsException', `Key '${arn}' already exists`);
  });

  it('rejects a description over 8192 characters', () => {
    spec
      .given([])
      .when(createKey({ description: 'd'.repeat(8192) }))
      .then([created({ description: 'd'.repeat(8192) })]);
    spec
      .given([])
      .when(createKey({ description: 'd'.repeat(8193) }))
      .thenThrows(
        'ValidationException',
        /at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/,
      );
  });

  it('rejects an unknown KeyUsage with the AWS enum message', () => {
    spec
      .given([])
      .when(createKey({ keyUsage: 'X' }))
      .thenThrows(
        'ValidationException',
        "1 validation error detected: Value 'X' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT]",
      );
  });

  it('rejects a valid but unsupported KeyUsage', () => {
    for (const keyUsage of ['SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT']) {
      spec.given([]).when(createKey({ keyUsage })).thenThrows('UnsupportedOperationException');
    }
  });

  it('rejects an unknown KeySpec and an unsupported one', () => {
    spec
      .given([])
      .when(createKey({ keySpec: 'AES_256' }))
      .thenThrows(
        'ValidationException',
        /^1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[SYMMETRIC_DEFAULT, /,
      );
    spec
      .given([])
      .when(createKey({ keySpec: 'RSA_2048' }))
      .thenThrows('UnsupportedOperationException');
    spec
      .given([])
      .when(createKey({ keySpec: 'HMAC_256' }))
      .thenThrows('UnsupportedOperationException');
  });

  it('accepts only the AWS_KMS origin', () => {
    spec
      .given([])
      .when(createKey({ origin: 'NOPE' }))
      .thenThrows('ValidationException', /at 'origin'/);
    spec
      .given([])
      .when(createKey({ origin: 'EXTERNAL' }))
      .thenThrows('UnsupportedOperationException');
    spec
      .given([])
      .when(createKey({ origin: 'AWS_CLOUDHSM' }))
      .thenThrows('UnsupportedOperationException');
  });

  it('rejects multi-Region keys', () => {
    spec
      .given([])
      .when(createKey({ multiRegion: true }))
      .thenThrows('UnsupportedOperationException');
  });

  it('accepts 50 tags and rejects 51', () => {
    const tags = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ tagKey: `k${i}`, tagValue: 'v' }));
    spec
      .given([])
      .when(createKey({ tags: tags(50) }))
      .then([created({ tags: tags(50) })]);
    spec
      .given([])
      .when(createKey({ tags: tags(51) }))
      .thenThrows('TagException');
  });

  it('rejects tag keys outside 1..128, values over 256, duplicates and aws: keys', () => {
    const bad = [
      [{ tagKey: '', tagValue: 'v' }],
      [{ tagKey: 'k'.repeat(129), tagValue: 'v' }],
      [{ tagKey: 'k', tagValue: 'v'.repeat(257) }],
      [
        { tagKey: 'dup', tagValue: '1' },
        { tagKey: 'dup', tagValue: '2' },
      ],
      [{ tagKey: 'aws:reserved', tagValue: 'v' }],
    ];
    for (const tags of bad) spec.given([]).when(createKey({ tags })).thenThrows('TagException');
    const edge = [{ tagKey: 'k'.repeat(128), tagValue: 'v'.repeat(256) }];
    spec
      .given([])
      .when(createKey({ tags: edge }))
      .then([created({ tags: edge })]);
  });

  it('refuses a policy that locks the creator out unless the check is bypassed', () => {
    const caller = { principalArn: `arn:aws:iam::${accountId}:role/admin`, accountId, region };
    const policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }],
    });
    spec
      .given([])
      .when(createKey({ policy, caller }))
      .thenThrows(
        'MalformedPolicyDocumentException',
        'The new key policy will not allow you to update the key policy in the future.',
      );
    spec
      .given([])
      .when(createKey({ policy, caller, bypassPolicyLockoutSafetyCheck: true }))
      .then([created({ policy })]);
  });

  it('rejects a policy that is not a JSON object or is too large', () => {
    spec
      .given([])
      .when(createKey({ policy: 'not json' }))
      .thenThrows('MalformedPolicyDocumentException');
    spec
      .given([])
      .when(createKey({ policy: '[1]' }))
      .thenThrows('MalformedPolicyDocumentException');
    const huge = JSON.stringify({ Statement: [], pad: 'x'.repeat(32_768) });
    spec
      .given([])
      .when(createKey({ policy: huge }))
      .thenThrows('LimitExceededException');
  });
});
