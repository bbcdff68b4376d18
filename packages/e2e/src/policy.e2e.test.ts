import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateRandomCommand,
  KMSClient,
  PutKeyPolicyCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecordOf, rawKmsCall } from './support/raw-call.js';
import { outcome } from './support/outcome.js';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// Key policies, identity policies and grants across two accounts, through the
// AWS SDK against the whole cluster: the patterns platform teams use to share
// keys, and how fast a tightened policy or a revoked grant takes effect.

const REGION = 'us-east-1';
const A = '111122223333';
const B = '444455556666';

interface Principal {
  readonly account: string;
  readonly name: string;
  readonly policies?: readonly object[];
}

const PRINCIPALS = {
  // No `policies`: the test fixture writes an allow-every-kms-action policy.
  admin: { account: A, name: 'admin' },
  // Account B's application: its IAM side of the cross-account pattern.
  app: {
    account: B,
    name: 'app',
    policies: [
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'UseSharedKeys',
            Effect: 'Allow',
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: `arn:aws:kms:*:${A}:key/*`,
          },
        ],
      },
    ],
  },
  // Account B principals without any identity policy.
  noiam: { account: B, name: 'noiam', policies: [] },
  grantee: { account: B, name: 'grantee', policies: [] },
} satisfies Record<string, Principal>;

type Name = keyof typeof PRINCIPALS;
const arnOf = (n: Name): string => `arn:aws:iam::${PRINCIPALS[n].account}:user/${n}`;

let test: TestCluster;
let cluster: TestCluster['cluster'];
const clients = new Map<Name, KMSClient>();

function kms(n: Name): KMSClient {
  let c = clients.get(n);
  if (!c) {
    c = new KMSClient({
      endpoint: cluster.endpoint,
      region: REGION,
      credentials: { accessKeyId: `ak-${n}`, secretAccessKey: `secret-${n}` },
      maxAttempts: 1,
    });
    clients.set(n, c);
  }
  return c;
}

/** Calls `probe` until it gives `want`; returns how long that took after `since`. */
async function msUntil(since: number, want: string, probe: () => Promise<string>): Promise<number> {
  for (let i = 0; i < 100; i++) {
    if ((await probe()) === want) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never ${want}`);
}

const policy = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const ROOT_OF_A = {
  Sid: 'Enable IAM policies',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${A}:root` },
  Action: 'kms:*',
  Resource: '*',
};

/**
 * A call by `n` as raw HTTP, and its audit record's deny reason: the reason
 * must be in the record and nowhere in the body the caller got.
 */
async function deniedWithReason(
  n: Name,
  operation: string,
  request: Record<string, unknown>,
): Promise<{ body: string; denyReason: unknown }> {
  const credentials = { accessKeyId: `ak-${n}`, secretAccessKey: `secret-${n}` };
  const answer = await rawKmsCall(cluster.endpoint, REGION, credentials, operation, request);
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.body)).toMatchObject({ __type: 'AccessDeniedException' });
  const record = await auditRecordOf(cluster.addresses['audit-log'], answer.requestId);
  expect(record).toMatchObject({ eventName: operation, errorCode: 'AccessDeniedException' });
  const extra = record['additionalEventData'] as { denyReason?: unknown } | undefined;
  return { body: answer.body, denyReason: extra?.denyReason };
}

async function createKey(keyPolicy?: string): Promise<string> {
  const res = await kms('admin').send(
    new CreateKeyCommand(keyPolicy === undefined ? {} : { Policy: keyPolicy }),
  );
  return res.KeyMetadata?.Arn ?? '';
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'policy',
    principals: (Object.keys(PRINCIPALS) as Name[]).map((n) => {
      const p: Principal = PRINCIPALS[n];
      return {
        arn: arnOf(n),
        accessKeyId: `ak-${n}`,
        secretAccessKey: `secret-${n}`,
        ...(p.policies ? { policies: p.policies } : {}),
      };
    }),
  });
  cluster = test.cluster;
});

afterAll(async () => {
  for (const c of clients.values()) c.destroy();
  await test?.stop();
});

describe('authorization across two accounts', () => {
  it('shares a key with account B: key policy naming B plus B’s identity policy', async () => {
    const keyArn = await createKey(
      policy(ROOT_OF_A, {
        Sid: 'AccountBUse',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${B}:root` },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
      }),
    );
    const plaintext = Buffer.from('shared across accounts');
    test.registerSecret(plaintext);
    const enc = await kms('app').send(new EncryptCommand({ KeyId: keyArn, Plaintext: plaintext }));
    const dec = await kms('app').send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
    expect(Buffer.from(dec.Plaintext ?? []).equals(plaintext)).toBe(true);
    expect(dec.KeyId).toBe(keyArn);
    const dk = await kms('app').send(
      new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256' }),
    );
    expect(dk.Plaintext?.length).toBe(32);
    test.registerSecret(dk.Plaintext!);

    // Without B's identity policy the key policy alone is not enough.
    const denied = await kms('noiam')
      .send(new EncryptCommand({ KeyId: keyArn, Plaintext: plaintext }))
      .catch((e: unknown) => e as Error);
    expect(denied).toMatchObject({ name: 'AccessDeniedException' });
    expect((denied as Error).message).toBe(
      `User: ${arnOf('noiam')} is not authorized to perform: kms:Encrypt on resource: ${keyArn} because no resource-based policy allows the kms:Encrypt action`,
    );
    expect(
      await outcome(kms('noiam').send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }))),
    ).toBe('AccessDeniedException');
    // The audit record says why (nothing allowed it); the caller is not told.
    const noAllow = await deniedWithReason('noiam', 'Encrypt', {
      KeyId: keyArn,
      Plaintext: plaintext.toString('base64'),
    });
    expect(noAllow.denyReason).toBe('no allow');
    expect(noAllow.body).not.toContain('no allow');
    // Management never works across accounts, whatever the policies say.
    expect(
      await outcome(
        kms('app').send(new ScheduleKeyDeletionCommand({ KeyId: keyArn, PendingWindowInDays: 7 })),
      ),
    ).toBe('AccessDeniedException');
  });

  it('allows GenerateRandom by identity policy only', async () => {
    const random = new GenerateRandomCommand({ NumberOfBytes: 16 });
    expect(await outcome(kms('admin').send(random))).toBe('OK');
    // Neither an identity policy without kms:GenerateRandom nor none at all allows it.
    expect(await outcome(kms('app').send(random))).toBe('AccessDeniedException');
    const denied = await deniedWithReason('noiam', 'GenerateRandom', { NumberOfBytes: 16 });
    expect(denied.denyReason).toBe('no allow');
  });

  it('denies a key of account A to account B when the key policy does not name B', async () => {
    const keyArn = await createKey();
    expect(
      await outcome(
        kms('app').send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from('x') })),
      ),
    ).toBe('AccessDeniedException');
  });

  it('applies an explicit Deny added by PutKeyPolicy to the next Encrypt within 1 s', async () => {
    const keyArn = await createKey();
    const encrypt = () =>
      outcome(
        kms('admin').send(new EncryptCommand({ KeyId: keyArn, Plaintext: Buffer.from('x') })),
      );
    expect(await encrypt()).toBe('OK');
    await kms('admin').send(
      new PutKeyPolicyCommand({
        KeyId: keyArn,
        PolicyName: 'default',
        Policy: policy(ROOT_OF_A, {
          Sid: 'NoEncrypt',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:Encrypt',
          Resource: '*',
        }),
      }),
    );
    const ms = await msUntil(Date.now(), 'AccessDeniedException', encrypt);
    expect(ms).toBeLessThan(1_000);
    // The Deny names Encrypt only: the default allow still covers the rest.
    expect(await outcome(kms('admin').send(new DescribeKeyCommand({ KeyId: keyArn })))).toBe('OK');
    // The audit record names the deciding statement (crypto-worker decided).
    const denied = await deniedWithReason('admin', 'Encrypt', {
      KeyId: keyArn,
      Plaintext: Buffer.from('x').toString('base64'),
    });
    expect(denied.denyReason).toMatch(/NoEncrypt/);
    expect(denied.body).not.toContain('NoEncrypt');
  });

  it('audits why a management call was denied, without telling the caller', async () => {
    const keyArn = await createKey(
      policy(ROOT_OF_A, {
        Sid: 'NoDescribe',
        Effect: 'Deny',
        Principal: { AWS: arnOf('admin') },
        Action: 'kms:DescribeKey',
        Resource: '*',
      }),
    );
    // key-manager asked the authorizer; the reason came back with the error.
    const denied = await deniedWithReason('admin', 'DescribeKey', { KeyId: keyArn });
    expect(denied.denyReason).toMatch(/NoDescribe/);
    expect(denied.body).not.toContain('NoDescribe');
  });

  it('lets a grant allow B’s principal to Decrypt under its encryption context, until revoked', async () => {
    const keyArn = await createKey();
    const context = { app: 'payments' };
    const blob = (
      await kms('admin').send(
        new EncryptCommand({
          KeyId: keyArn,
          Plaintext: Buffer.from('s'),
          EncryptionContext: context,
        }),
      )
    ).CiphertextBlob;
    const otherBlob = (
      await kms('admin').send(
        new EncryptCommand({
          KeyId: keyArn,
          Plaintext: Buffer.from('s'),
          EncryptionContext: { app: 'billing' },
        }),
      )
    ).CiphertextBlob;
    const decrypt = (
      ciphertext: Uint8Array | undefined,
      ec: Record<string, string>,
      tokens?: string[],
    ) =>
      outcome(
        kms('grantee').send(
          new DecryptCommand({
            CiphertextBlob: ciphertext,
            EncryptionContext: ec,
            ...(tokens ? { GrantTokens: tokens } : {}),
          }),
        ),
      );
    expect(await decrypt(blob, context)).toBe('AccessDeniedException');

    const grant = await kms('admin').send(
      new CreateGrantCommand({
        KeyId: keyArn,
        GranteePrincipal: arnOf('grantee'),
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextSubset: context },
      }),
    );
    // The grant token makes the grant usable at once.
    expect(await decrypt(blob, context, [grant.GrantToken ?? ''])).toBe('OK');
    expect(await decrypt(blob, context)).toBe('OK');
    // Outside its constraint the grant allows nothing.
    expect(await decrypt(otherBlob, { app: 'billing' })).toBe('AccessDeniedException');
    // Nor does it allow other operations.
    expect(
      await outcome(
        kms('grantee').send(
          new EncryptCommand({
            KeyId: keyArn,
            Plaintext: Buffer.from('x'),
            EncryptionContext: context,
          }),
        ),
      ),
    ).toBe('AccessDeniedException');

    const since = Date.now();
    await kms('admin').send(new RevokeGrantCommand({ KeyId: keyArn, GrantId: grant.GrantId }));
    const ms = await msUntil(since, 'AccessDeniedException', () => decrypt(blob, context));
    expect(ms).toBeLessThan(1_000);
  });

  it('lets a grant holding CreateGrant pass on only what it holds, within its constraints', async () => {
    const keyArn = await createKey();
    const context = { app: 'reports' };
    const parent = await kms('admin').send(
      new CreateGrantCommand({
        KeyId: keyArn,
        GranteePrincipal: arnOf('grantee'),
        Operations: ['CreateGrant', 'Decrypt'],
        Constraints: { EncryptionContextSubset: context },
      }),
    );
    const tokens = [parent.GrantToken ?? ''];
    const passOn = (operations: ('Decrypt' | 'Encrypt')[], subset?: Record<string, string>) =>
      outcome(
        kms('grantee').send(
          new CreateGrantCommand({
            KeyId: keyArn,
            GranteePrincipal: arnOf('noiam'),
            Operations: operations,
            GrantTokens: tokens,
            ...(subset ? { Constraints: { EncryptionContextSubset: subset } } : {}),
          }),
        ),
      );
    // More operations than it holds, or a looser constraint, would escalate.
    expect(await passOn(['Decrypt', 'Encrypt'], context)).toBe('AccessDeniedException');
    expect(await passOn(['Decrypt'])).toBe('AccessDeniedException');
    expect(await passOn(['Decrypt'], { ...context, region: 'eu' })).toBe('OK');
  });

  it('judges CreateGrant and ScheduleKeyDeletion parameters in key policy conditions', async () => {
    const keyArn = await createKey(
      policy(
        ROOT_OF_A,
        {
          Sid: 'DecryptGrantsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { 'ForAnyValue:StringNotEquals': { 'kms:GrantOperations': ['Decrypt'] } },
        },
        {
          Sid: 'LongWindowsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:ScheduleKeyDeletion',
          Resource: '*',
          Condition: { NumericLessThan: { 'kms:ScheduleKeyDeletionPendingWindowInDays': '14' } },
        },
      ),
    );
    const grant = (operations: ('Decrypt' | 'Encrypt')[]) =>
      outcome(
        kms('admin').send(
          new CreateGrantCommand({
            KeyId: keyArn,
            GranteePrincipal: arnOf('grantee'),
            Operations: operations,
          }),
        ),
      );
    expect(await grant(['Decrypt', 'Encrypt'])).toBe('AccessDeniedException');
    expect(await grant(['Decrypt'])).toBe('OK');
    const schedule = (days: number) =>
      outcome(
        kms('admin').send(
          new ScheduleKeyDeletionCommand({ KeyId: keyArn, PendingWindowInDays: days }),
        ),
      );
    expect(await schedule(7)).toBe('AccessDeniedException');
    expect(await schedule(30)).toBe('OK');
  });
});
