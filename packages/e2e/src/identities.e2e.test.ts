import { execFile } from 'node:child_process';
import path from 'node:path';
import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { createIdentityAdminClient } from '@keyhold/proto';
import type { Client, IdentityAdminMethods } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome } from './support/outcome.js';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// Identities administered through policy-authorizer's IdentityAdmin API: an
// admin seeded from the identities file creates a user, its access key and
// identity policy; the key works through the gateway at once, and stops
// working within a second of being deactivated or deleted.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const ADMIN = {
  accessKeyId: 'AKIAE2EADMIN00000001',
  secretAccessKey: 'e2e-admin-secret-0123456789abcdefghijkl',
};
const ALLOW_KMS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AppKms', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
});

const CLI = path.resolve(import.meta.dirname, '../../cli/dist/main.js');

let test: TestCluster;
let admin: Client<IdentityAdminMethods>;
const kmsClients: KMSClient[] = [];

function kmsWith(credentials: { accessKeyId: string; secretAccessKey: string }): KMSClient {
  const c = new KMSClient({ endpoint: test.endpoint, region: REGION, credentials, maxAttempts: 1 });
  kmsClients.push(c);
  return c;
}

/** Milliseconds from `since` until `encrypt` is first rejected as an unknown client. */
async function msUntilRejected(encrypt: () => Promise<unknown>, since: number): Promise<number> {
  for (;;) {
    const name = await outcome(encrypt());
    if (name === 'UnrecognizedClientException') return Date.now() - since;
    expect(name).toBe('OK');
    if (Date.now() - since > 5_000) throw new Error('the access key still works after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `keyhold iam ... --json` as the admin; resolves with the parsed output, or rejects with stderr. */
function iam(...args: string[]): Promise<unknown> {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: ADMIN.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
    AUTHORIZER_ADDR: test.cluster.addresses['policy-authorizer'],
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'iam', ...args, '--json'],
      { env, timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))),
    );
  });
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'identities',
    principals: [
      {
        arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
        ...ADMIN,
        policies: [
          {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
          },
        ],
      },
    ],
  });
  test.registerSecret(ADMIN.secretAccessKey);
  admin = createIdentityAdminClient(test.cluster.addresses['policy-authorizer'], {
    ...ADMIN,
    region: REGION,
  });
}, 120_000);

afterAll(async () => {
  for (const c of kmsClients) c.destroy();
  admin?.close();
  await test?.stop();
});

describe('identities through the admin API', () => {
  it('a new access key encrypts through the gateway, and is rejected within 1 s of deactivation', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/app`;
    await admin.CreatePrincipal({ principalArn: arn });
    const created = await admin.CreateAccessKey({ owner: arn, accountId: '' });
    test.registerSecret(created.secretAccessKey);
    const accessKeyId = created.metadata!.accessKeyId;
    const kms = kmsWith({ accessKeyId, secretAccessKey: created.secretAccessKey });

    // Without an identity policy the new user may do nothing.
    expect(await outcome(kms.send(new CreateKeyCommand({})))).toBe('AccessDeniedException');
    await admin.PutPrincipalPolicy({
      principalArn: arn,
      policyName: 'kms',
      policyDocument: ALLOW_KMS,
    });
    const key = await kms.send(new CreateKeyCommand({}));
    const encrypt = () =>
      kms.send(
        new EncryptCommand({ KeyId: key.KeyMetadata!.KeyId!, Plaintext: Buffer.from('hello') }),
      );
    expect(await outcome(encrypt())).toBe('OK');

    const started = Date.now();
    await admin.UpdateAccessKey({ accessKeyId, status: 'Inactive' });
    const elapsed = await msUntilRejected(encrypt, started);
    expect(elapsed).toBeLessThanOrEqual(1_000);

    // Active again works again; deleted is rejected within 1 s too.
    await admin.UpdateAccessKey({ accessKeyId, status: 'Active' });
    await expect.poll(() => outcome(encrypt()), { timeout: 1_000 }).toBe('OK');
    const deleting = Date.now();
    await admin.DeleteAccessKey({ accessKeyId });
    expect(await msUntilRejected(encrypt, deleting)).toBeLessThanOrEqual(1_000);
  });

  it('denies the admin API to a principal without iam permissions', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/plain`;
    await admin.CreatePrincipal({ principalArn: arn });
    const created = await admin.CreateAccessKey({ owner: arn, accountId: '' });
    test.registerSecret(created.secretAccessKey);
    const plain = createIdentityAdminClient(test.cluster.addresses['policy-authorizer'], {
      accessKeyId: created.metadata!.accessKeyId,
      secretAccessKey: created.secretAccessKey,
      region: REGION,
    });
    try {
      expect(
        await outcome(plain.CreatePrincipal({ principalArn: `arn:aws:iam::${ACCOUNT}:user/x` })),
      ).toBe('AccessDeniedException');
    } finally {
      plain.close();
    }
  });

  it('does it all from the CLI: the secret is printed once, never listed', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/cli`;
    await iam('principals', 'create', arn);
    const key = (await iam('access-keys', 'create', arn)) as {
      accessKeyId: string;
      secretAccessKey: string;
    };
    test.registerSecret(key.secretAccessKey);
    expect(key.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    const listed = await iam('access-keys', 'list', arn);
    expect(listed).toEqual([
      expect.objectContaining({ accessKeyId: key.accessKeyId, status: 'Active' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(key.secretAccessKey);
    await iam('access-keys', 'deactivate', key.accessKeyId);
    expect(await iam('access-keys', 'list', arn)).toEqual([
      expect.objectContaining({ status: 'Inactive' }),
    ]);
    expect(await iam('policies', 'list', arn)).toEqual([]);
    expect(await iam('accounts', 'list')).toEqual([
      expect.objectContaining({ accountId: ACCOUNT }),
    ]);
  });
});
