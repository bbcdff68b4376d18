// The realistic key policy both policy benchmarks use (bench:policy evaluates
// it in-process; bench:policy-encrypt puts it on a key in a running cluster):
// 10 statements as platform teams write them: IAM delegation, key admins,
// encryption-context scoped use, a service via kms:ViaService, a partner
// account, grants for AWS resources, and Deny guard rails.
export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';

export const role = (name) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export const REALISTIC_KEY_POLICY = {
  Version: '2012-10-17',
  Id: 'bench',
  Statement: [
    {
      Sid: 'Enable IAM policies',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Key admins',
      Effect: 'Allow',
      Principal: { AWS: [role('admin'), role('ops')] },
      Action: [
        'kms:Create*',
        'kms:Describe*',
        'kms:Enable*',
        'kms:List*',
        'kms:Put*',
        'kms:Update*',
        'kms:Revoke*',
        'kms:Disable*',
        'kms:Get*',
        'kms:Delete*',
        'kms:TagResource',
        'kms:UntagResource',
        'kms:ScheduleKeyDeletion',
        'kms:CancelKeyDeletion',
      ],
      Resource: '*',
    },
    {
      Sid: 'Billing data keys',
      Effect: 'Allow',
      Principal: { AWS: role('billing') },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:app': 'billing' } },
    },
    {
      Sid: 'Tenant isolation',
      Effect: 'Allow',
      Principal: { AWS: role('tenant-worker') },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: {
        StringLike: { 'kms:EncryptionContext:tenant': 't-*' },
        'ForAllValues:StringEquals': {
          'kms:EncryptionContextKeys': ['tenant', 'app', 'purpose'],
        },
      },
    },
    {
      Sid: 'Via S3',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': ACCOUNT,
          'kms:ViaService': 's3.us-east-1.amazonaws.com',
        },
      },
    },
    {
      Sid: 'Partner account',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:partner': 'acme' } },
    },
    {
      Sid: 'Lambda env',
      Effect: 'Allow',
      Principal: { AWS: role('fn') },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:LambdaFunctionName': 'checkout' } },
    },
    {
      Sid: 'Grants for AWS resources',
      Effect: 'Allow',
      Principal: { AWS: role('db') },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'Office network only',
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: {
        NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] },
        'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'restricted' },
      },
    },
    {
      Sid: 'No plaintext keys for batch',
      Effect: 'Deny',
      Principal: { AWS: role('batch') },
      Action: 'kms:GenerateDataKey',
      Resource: '*',
      Condition: { StringEqualsIgnoreCase: { 'kms:EncryptionContext:purpose': 'export' } },
    },
  ],
};
