import { describe, expect, it } from 'vitest';
import { conditionKeyResolver } from './context-keys.js';
import { appRole, KEY_ARN, request, root, s3Service } from './test-fixtures.js';
import type { RequestContext } from './types.js';

type Row = readonly [key: string, ctx: RequestContext, expected: readonly string[]];

const at = new Date('2024-05-01T12:00:00.000Z');

const ROWS: readonly Row[] = [
  [
    'kms:EncryptionContext:Department',
    request({ encryptionContext: { Department: 'IT' } }),
    ['IT'],
  ],
  // The key part is case-insensitive; the value keeps its case.
  [
    'kms:encryptioncontext:DEPARTMENT',
    request({ encryptionContext: { Department: 'It' } }),
    ['It'],
  ],
  ['kms:EncryptionContextKeys', request({ encryptionContext: { a: '1', B: '2' } }), ['a', 'B']],
  ['kms:CallerAccount', request(), ['111122223333']],
  [
    'kms:ViaService',
    request({ viaService: 's3.us-east-1.amazonaws.com' }),
    ['s3.us-east-1.amazonaws.com'],
  ],
  [
    'kms:GrantOperations',
    request({ grant: { operations: ['Decrypt', 'Encrypt'] } }),
    ['Decrypt', 'Encrypt'],
  ],
  ['kms:GrantIsForAWSResource', request({ grant: { isForAwsResource: true } }), ['true']],
  ['kms:GranteePrincipal', request({ grant: { granteePrincipal: appRole.arn } }), [appRole.arn]],
  ['kms:RetiringPrincipal', request({ grant: { retiringPrincipal: root.arn } }), [root.arn]],
  [
    'kms:GrantConstraintType',
    request({ grant: { constraints: { encryptionContextSubset: { a: '1' } } } }),
    ['EncryptionContextSubset'],
  ],
  ['kms:RequestAlias', request({ requestAlias: 'alias/app' }), ['alias/app']],
  [
    'kms:ResourceAliases',
    request({ key: { arn: KEY_ARN, accountId: '111122223333', aliases: ['alias/a', 'alias/b'] } }),
    ['alias/a', 'alias/b'],
  ],
  [
    'kms:KeySpec',
    request({ key: { arn: KEY_ARN, accountId: '1', keySpec: 'SYMMETRIC_DEFAULT' } }),
    ['SYMMETRIC_DEFAULT'],
  ],
  [
    'kms:CustomerMasterKeySpec',
    request({ key: { arn: KEY_ARN, accountId: '1', keySpec: 'RSA_2048' } }),
    ['RSA_2048'],
  ],
  [
    'kms:KeyUsage',
    request({ key: { arn: KEY_ARN, accountId: '1', keyUsage: 'ENCRYPT_DECRYPT' } }),
    ['ENCRYPT_DECRYPT'],
  ],
  [
    'kms:KeyOrigin',
    request({ key: { arn: KEY_ARN, accountId: '1', origin: 'AWS_KMS' } }),
    ['AWS_KMS'],
  ],
  [
    'kms:MultiRegion',
    request({ key: { arn: KEY_ARN, accountId: '1', multiRegion: false } }),
    ['false'],
  ],
  ['kms:RotationPeriodInDays', request({ parameters: { rotationPeriodInDays: 180 } }), ['180']],
  [
    'kms:ScheduleKeyDeletionPendingWindowInDays',
    request({ parameters: { pendingWindowInDays: 7 } }),
    ['7'],
  ],
  [
    'kms:BypassPolicyLockoutSafetyCheck',
    request({ parameters: { bypassPolicyLockoutSafetyCheck: true } }),
    ['true'],
  ],
  [
    'kms:EncryptionAlgorithm',
    request({ parameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } }),
    ['SYMMETRIC_DEFAULT'],
  ],
  [
    'kms:SigningAlgorithm',
    request({ parameters: { signingAlgorithm: 'ECDSA_SHA_256' } }),
    ['ECDSA_SHA_256'],
  ],
  ['kms:MacAlgorithm', request({ parameters: { macAlgorithm: 'HMAC_SHA_256' } }), ['HMAC_SHA_256']],
  ['kms:DataKeyPairSpec', request({ parameters: { dataKeyPairSpec: 'RSA_2048' } }), ['RSA_2048']],
  ['kms:MessageType', request({ parameters: { messageType: 'RAW' } }), ['RAW']],
  ['kms:ReEncryptOnSameKey', request({ parameters: { reEncryptOnSameKey: true } }), ['true']],
  ['aws:PrincipalArn', request(), ['arn:aws:iam::111122223333:user/alice']],
  // A role session is known by its role.
  ['aws:PrincipalArn', request({ principal: appRole }), ['arn:aws:iam::111122223333:role/app']],
  ['aws:PrincipalAccount', request(), ['111122223333']],
  ['aws:PrincipalType', request({ principal: root }), ['Account']],
  ['aws:PrincipalServiceName', request({ principal: s3Service }), ['s3.amazonaws.com']],
  ['aws:SourceIp', request({ sourceIp: '192.0.2.1' }), ['192.0.2.1']],
  ['aws:CurrentTime', request({ time: at }), ['2024-05-01T12:00:00.000Z']],
  ['aws:EpochTime', request({ time: at }), [String(at.getTime() / 1000)]],
  ['aws:SecureTransport', request({ secureTransport: true }), ['true']],
  ['aws:RequestedRegion', request({ region: 'eu-west-1' }), ['eu-west-1']],
  [
    'aws:ResourceTag/Project',
    request({ key: { arn: KEY_ARN, accountId: '1', tags: { project: 'alpha' } } }),
    ['alpha'],
  ],
  ['aws:RequestTag/Env', request({ requestTags: { Env: 'prod' } }), ['prod']],
  ['aws:TagKeys', request({ requestTags: { Env: 'prod', Team: 'x' } }), ['Env', 'Team']],
  ['aws:TagKeys', request({ tagKeys: ['Env'] }), ['Env']],
  ['aws:SourceArn', request({ sourceArn: 'arn:aws:s3:::bucket' }), ['arn:aws:s3:::bucket']],
  ['aws:SourceAccount', request({ sourceAccount: '111122223333' }), ['111122223333']],
];

describe('condition keys', () => {
  it.each(ROWS)('%s reads %j', (key, ctx, expected) => {
    expect(conditionKeyResolver(key)(ctx)).toEqual(expected);
  });

  it.each(
    ROWS.map(([key]) => key).filter(
      (k) => !/CallerAccount|PrincipalArn|PrincipalAccount|PrincipalType/.test(k),
    ),
  )('%s is missing from a bare request', (key) => {
    expect(conditionKeyResolver(key)(request())).toBeUndefined();
  });

  it('matches key names case-insensitively', () => {
    const ctx = request({ viaService: 'ec2.us-east-1.amazonaws.com' });
    expect(conditionKeyResolver('KMS:VIASERVICE')(ctx)).toEqual(['ec2.us-east-1.amazonaws.com']);
  });

  it('treats empty values and unknown keys as missing', () => {
    expect(conditionKeyResolver('kms:ViaService')(request({ viaService: '' }))).toBeUndefined();
    expect(
      conditionKeyResolver('kms:EncryptionContextKeys')(request({ encryptionContext: {} })),
    ).toBeUndefined();
    expect(conditionKeyResolver('kms:NoSuchKey')(request())).toBeUndefined();
    expect(conditionKeyResolver('kms:EncryptionContext:')(request())).toBeUndefined();
  });

  it('drops kms:ResourceAliases over 50 aliases', () => {
    const aliases = Array.from({ length: 51 }, (_, i) => `alias/a${i}`);
    const ctx = request({ key: { arn: KEY_ARN, accountId: '1', aliases } });
    expect(conditionKeyResolver('kms:ResourceAliases')(ctx)).toBeUndefined();
  });

  it('has no principal ARN or account for a service caller', () => {
    const ctx = request({ principal: s3Service });
    expect(conditionKeyResolver('aws:PrincipalArn')(ctx)).toBeUndefined();
    expect(conditionKeyResolver('kms:CallerAccount')(ctx)).toBeUndefined();
  });
});
