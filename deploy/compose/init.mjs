// `npm run compose:init`: writes the development secrets docker-compose.yml
// mounts, into deploy/compose/secrets/ (git-ignored, never in an image):
//   root-keyring.json  a fresh random root keyring (kept if it exists: every
//                      key of the compose cluster is wrapped under it)
//   identities.json    the development accounts of `npm start` (the seed of
//                      policy-authorizer's identities: users with kms:*, an
//                      identity admin with iam:*)
//   identity-key       a random 32-byte key (base64) secret access keys are
//                      sealed under at rest (kept if it exists: stored
//                      secrets open only under it)
//   audit-signing-key.pem  an Ed25519 key audit-log signs digests with (kept
//                      if it exists: earlier digests verify under it)
// Development only. Real deployments supply them from a secret store.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const dir = resolve(values.dir ?? join(dirname(fileURLToPath(import.meta.url)), 'secrets'));
const say = (line) => {
  if (!values.quiet) process.stdout.write(`${line}\n`);
};

const DEV_ACCOUNTS = [
  { accountId: '111122223333', user: 'test', accessKeyId: 'test', secretAccessKey: 'test' },
  { accountId: '444455556666', user: 'alt', accessKeyId: 'alt', secretAccessKey: 'alt' },
];
// As deploy/local/src/dev-config.ts: AWS gives no default identity policy.
const KMS_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DevKms', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
};
const ADMIN = { user: 'admin', accessKeyId: 'admin', secretAccessKey: 'admin' };
const ADMIN_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DevIdentityAdmin', Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
};

// The directory keeps other local users out; the files must be readable by
// the container's `node` user (uid 1000), which need not own them.
await mkdir(dir, { recursive: true, mode: 0o700 });
await chmod(dir, 0o700);

const keyringPath = join(dir, 'root-keyring.json');
const keyring = { current: 1, keys: { 1: randomBytes(32).toString('base64') } };
try {
  await writeFile(keyringPath, `${JSON.stringify(keyring)}\n`, { flag: 'wx', mode: 0o644 });
  say(`wrote a new DEVELOPMENT root keyring: ${keyringPath}`);
  say('  every key of the compose cluster is wrapped under it; deleting it makes them useless.');
} catch (err) {
  if (err.code !== 'EEXIST') throw err;
  say(`kept the existing root keyring: ${keyringPath}`);
}

const signingKeyPath = join(dir, 'audit-signing-key.pem');
const signingKey = generateKeyPairSync('ed25519').privateKey.export({
  type: 'pkcs8',
  format: 'pem',
});
try {
  await writeFile(signingKeyPath, signingKey, { flag: 'wx', mode: 0o644 });
  say(`wrote a new DEVELOPMENT audit signing key: ${signingKeyPath}`);
} catch (err) {
  if (err.code !== 'EEXIST') throw err;
  say(`kept the existing audit signing key: ${signingKeyPath}`);
}

const identityKeyPath = join(dir, 'identity-key');
try {
  await writeFile(identityKeyPath, `${randomBytes(32).toString('base64')}\n`, {
    flag: 'wx',
    mode: 0o644,
  });
  say(`wrote a new DEVELOPMENT identity key: ${identityKeyPath}`);
} catch (err) {
  if (err.code !== 'EEXIST') throw err;
  say(`kept the existing identity key: ${identityKeyPath}`);
}

const principal = (accountId, p, policy) => ({
  arn: `arn:aws:iam::${accountId}:user/${p.user}`,
  accessKeys: [{ accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey }],
  policies: [policy],
});
const identities = {
  accounts: DEV_ACCOUNTS.map((a, i) => ({
    accountId: a.accountId,
    principals: [
      principal(a.accountId, a, KMS_POLICY),
      ...(i === 0 ? [principal(a.accountId, ADMIN, ADMIN_POLICY)] : []),
    ],
  })),
};
const identitiesPath = join(dir, 'identities.json');
await writeFile(identitiesPath, `${JSON.stringify(identities, null, 2)}\n`, { mode: 0o644 });
say(`wrote the development identities: ${identitiesPath}`);
say('next: docker compose up --build');
