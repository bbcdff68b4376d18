// Decisions per second of the pure policy evaluator on a realistic key policy:
// 10 statements, encryption-context conditions, identity policies and grants.
// Run with `npm run bench:policy` (builds @keyhold/policy first).
// Options: BENCH_SECONDS (default 3).
import { evaluatePolicies, parsePolicy } from '@keyhold/policy';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const seconds = Number(process.env.BENCH_SECONDS ?? '3');

const role = (name) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const keyPolicy = parsePolicy(
  JSON.stringify({
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
  }),
);
const identityPolicies = [
  parsePolicy(
    JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Action: ['kms:Encrypt', 'kms:Decrypt'],
          Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
        },
      ],
    }),
    { kind: 'identity' },
  ),
];
const grants = [
  {
    grantId: 'g1',
    granteePrincipal: role('db'),
    operations: ['Encrypt', 'Decrypt'],
    constraints: { encryptionContextSubset: { db: 'main' } },
  },
];

const principal = (name, account = ACCOUNT) => ({
  arn: `arn:aws:sts::${account}:assumed-role/${name}/s`,
  accountId: account,
  type: 'role',
});
const key = { arn: KEY_ARN, accountId: ACCOUNT };
const requests = [
  {
    principal: principal('billing'),
    action: 'kms:Decrypt',
    key,
    encryptionContext: { app: 'billing' },
    sourceIp: '10.1.2.3',
  },
  {
    principal: principal('billing'),
    action: 'kms:Decrypt',
    key,
    encryptionContext: { app: 'other' },
    sourceIp: '10.1.2.3',
  },
  {
    principal: principal('tenant-worker'),
    action: 'kms:GenerateDataKey',
    key,
    encryptionContext: { tenant: 't-42', app: 'x' },
  },
  {
    principal: principal('anyone'),
    action: 'kms:Decrypt',
    key,
    viaService: 's3.us-east-1.amazonaws.com',
    encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::b/k' },
  },
  {
    principal: principal('fn'),
    action: 'kms:Decrypt',
    key,
    encryptionContext: { LambdaFunctionName: 'checkout' },
  },
  {
    principal: principal('db'),
    action: 'kms:Encrypt',
    key,
    encryptionContext: { db: 'main', table: 't' },
  },
  {
    principal: principal('partner', OTHER),
    action: 'kms:Encrypt',
    key,
    encryptionContext: { partner: 'acme' },
  },
  { principal: principal('ops'), action: 'kms:ScheduleKeyDeletion', key },
  {
    principal: principal('intruder'),
    action: 'kms:Decrypt',
    key,
    encryptionContext: { restricted: '1' },
    sourceIp: '198.51.100.7',
  },
  {
    principal: principal('batch'),
    action: 'kms:GenerateDataKey',
    key,
    encryptionContext: { purpose: 'EXPORT' },
  },
];

function run(ms) {
  let n = 0;
  let allowed = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    // Check the clock every 1000 decisions, not every one.
    for (let i = 0; i < 1000; i++) {
      const request = requests[i % requests.length];
      if (evaluatePolicies({ keyPolicy, identityPolicies, grants, request }).decision === 'Allow')
        allowed++;
    }
    n += 1000;
  }
  return { n, allowed, elapsed: (performance.now() - start) / 1000 };
}

run(300); // warm-up: JIT and the compiled-statement cache
const { n, allowed, elapsed } = run(seconds * 1000);
const perSecond = Math.round(n / elapsed);
console.log(`policy evaluate: ${perSecond.toLocaleString('en-US')} decisions/s`);
console.log(
  `  ${n} decisions in ${elapsed.toFixed(2)} s, ${((allowed / n) * 100).toFixed(0)}% allowed`,
);
console.log(
  `  key policy: ${keyPolicy.statements.length} statements, ${requests.length} request shapes`,
);
