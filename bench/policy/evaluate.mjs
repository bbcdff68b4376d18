// Decisions per second of the pure policy evaluator on a realistic key policy:
// 10 statements, encryption-context conditions, identity policies and grants.
// Run with `npm run bench:policy` (builds @keyhold/policy first).
// Options: BENCH_SECONDS (default 3).
import { evaluatePolicies, parsePolicy } from '@keyhold/policy';
import { ACCOUNT, OTHER, REALISTIC_KEY_POLICY, role } from '../lib/realistic-policy.mjs';

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const seconds = Number(process.env.BENCH_SECONDS ?? '3');

const keyPolicy = parsePolicy(JSON.stringify(REALISTIC_KEY_POLICY));
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
