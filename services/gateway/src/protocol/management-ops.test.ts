import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import type { KmsError } from '@keyhold/core';
import { MANAGEMENT_OPERATIONS } from './management-ops.js';
import { OPERATIONS } from './operations.js';

function op(name: string) {
  const o = OPERATIONS.get(name);
  if (!o) throw new Error(`no ${name}`);
  return o;
}

function parseError(name: string, input: Record<string, unknown>): KmsError {
  try {
    op(name).parse(input);
  } catch (err) {
    if (isKmsError(err)) return err;
    throw err;
  }
  throw new Error('expected a parse error');
}

describe('management operations', () => {
  it('serves every AWS key lifecycle operation, each with its own quota class', () => {
    const names = MANAGEMENT_OPERATIONS.map((o) => o.name).sort();
    expect(names).toEqual(
      [
        'CancelKeyDeletion',
        'CreateAlias',
        'CreateGrant',
        'CreateKey',
        'DeleteAlias',
        'DescribeKey',
        'DisableKey',
        'DisableKeyRotation',
        'EnableKey',
        'EnableKeyRotation',
        'GetKeyPolicy',
        'GetKeyRotationStatus',
        'ListAliases',
        'ListGrants',
        'ListKeyPolicies',
        'ListKeyRotations',
        'ListKeys',
        'ListResourceTags',
        'ListRetirableGrants',
        'PutKeyPolicy',
        'RetireGrant',
        'RevokeGrant',
        'RotateKeyOnDemand',
        'ScheduleKeyDeletion',
        'TagResource',
        'UntagResource',
        'UpdateAlias',
        'UpdateKeyDescription',
      ].sort(),
    );
    for (const o of MANAGEMENT_OPERATIONS) {
      expect(o.quotaClass).toBe(o.name);
      expect(o.hot).toBe(false);
    }
  });

  it('validates members with the AWS wording', () => {
    expect(parseError('EnableKey', {}).message).toBe(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
    expect(
      parseError('ScheduleKeyDeletion', { KeyId: 'k', PendingWindowInDays: 366 }).message,
    ).toBe(
      "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365",
    );
    expect(
      parseError('EnableKeyRotation', { KeyId: 'k', RotationPeriodInDays: 89 }).message,
    ).toMatch(
      /at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90$/,
    );
    expect(parseError('CreateAlias', { AliasName: 'alias/a b', TargetKeyId: 'k' }).message).toMatch(
      /at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    expect(
      parseError('CreateGrant', { KeyId: 'k', GranteePrincipal: 'p', Operations: ['Nope'] })
        .message,
    ).toMatch(
      /at 'operations.member' failed to satisfy constraint: Member must satisfy enum value set/,
    );
    expect(parseError('ListAliases', { Limit: 101 }).message).toMatch(/less than or equal to 100$/);
    expect(parseError('ListResourceTags', { KeyId: 'k', Limit: 51 }).message).toMatch(
      /less than or equal to 50$/,
    );
    expect(parseError('UntagResource', { KeyId: 'k' }).code).toBe('ValidationException');
    expect(
      parseError('TagResource', { KeyId: 'k', Tags: [{ TagKey: '', TagValue: 'v' }] }).message,
    ).toMatch(/at 'tags.member.tagKey'/);
    expect(parseError('PutKeyPolicy', { KeyId: 'k' }).message).toMatch(
      /at 'policy' failed to satisfy constraint: Member must not be null/,
    );
    expect(
      parseError('CreateGrant', {
        KeyId: 'k',
        GranteePrincipal: 'p',
        Operations: ['Encrypt'],
        Constraints: [],
      }).code,
    ).toBe('SerializationException');
  });

  it('builds proto requests from AWS members', () => {
    expect(
      op('CreateGrant').parse({
        KeyId: 'k',
        GranteePrincipal: 'arn:aws:iam::111122223333:role/a',
        Operations: ['Encrypt'],
        Constraints: { EncryptionContextEquals: { a: 'b' } },
        Name: 'n',
      }),
    ).toEqual({
      keyId: 'k',
      granteePrincipal: 'arn:aws:iam::111122223333:role/a',
      operations: ['Encrypt'],
      name: 'n',
      constraints: {
        encryptionContextSubset: {},
        encryptionContextEquals: { a: 'b' },
        hasEncryptionContextSubset: false,
        hasEncryptionContextEquals: true,
      },
    });
    expect(op('ScheduleKeyDeletion').parse({ KeyId: 'k' })).toEqual({ keyId: 'k' });
    expect(op('RetireGrant').parse({ GrantToken: 't' })).toEqual({ grantToken: 't' });
  });

  it('answers with AWS member names and the shapes Terraform reads', () => {
    expect(
      op('GetKeyRotationStatus').serialize({
        keyRotationEnabled: true,
        keyId: 'arn',
        rotationPeriodInDays: 365,
        nextRotationDate: 1.5,
      }),
    ).toEqual({
      KeyRotationEnabled: true,
      KeyId: 'arn',
      RotationPeriodInDays: 365,
      NextRotationDate: 1.5,
    });
    expect(
      op('GetKeyRotationStatus').serialize({ keyRotationEnabled: false, keyId: 'arn' }),
    ).toEqual({
      KeyRotationEnabled: false,
      KeyId: 'arn',
    });
    expect(
      op('ScheduleKeyDeletion').serialize({
        keyId: 'arn',
        deletionDate: 2,
        keyState: 'PendingDeletion',
        pendingWindowInDays: 7,
      }),
    ).toEqual({
      KeyId: 'arn',
      DeletionDate: 2,
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 7,
    });
    expect(
      op('ListResourceTags').serialize({
        tags: [{ tagKey: 'a', tagValue: 'b' }],
        truncated: true,
        nextMarker: 'm',
      }),
    ).toEqual({
      Tags: [{ TagKey: 'a', TagValue: 'b' }],
      Truncated: true,
      NextMarker: 'm',
    });
    expect(op('EnableKey').serialize({})).toEqual({});
    expect(
      op('ListKeyRotations').serialize({
        rotations: [
          { keyId: 'arn', keyMaterialId: 'a'.repeat(64), keyMaterialState: 'NON_CURRENT' },
          {
            keyId: 'arn',
            keyMaterialId: 'b'.repeat(64),
            keyMaterialState: 'CURRENT',
            rotationDate: 3,
            rotationType: 'ON_DEMAND',
          },
        ],
        truncated: false,
      }),
    ).toEqual({
      Rotations: [
        { KeyId: 'arn', KeyMaterialId: 'a'.repeat(64), KeyMaterialState: 'NON_CURRENT' },
        {
          KeyId: 'arn',
          KeyMaterialId: 'b'.repeat(64),
          KeyMaterialState: 'CURRENT',
          RotationDate: 3,
          RotationType: 'ON_DEMAND',
        },
      ],
      Truncated: false,
    });
  });

  it('takes IncludeKeyMaterial on ListKeyRotations', () => {
    expect(
      op('ListKeyRotations').parse({ KeyId: 'k', IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }),
    ).toEqual({ keyId: 'k', includeKeyMaterial: 'ALL_KEY_MATERIAL' });
    expect(
      parseError('ListKeyRotations', { KeyId: 'k', IncludeKeyMaterial: 'SOME' }).message,
    ).toMatch(/at 'includeKeyMaterial' failed to satisfy constraint: Member must satisfy enum/);
  });

  it('keeps grant tokens out of audit records', () => {
    expect(op('CreateGrant').responseElements({ grantId: 'g', grantToken: 'secret-ish' })).toEqual({
      grantId: 'g',
    });
  });
});
