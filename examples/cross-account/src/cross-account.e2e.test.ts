import { createKeyholdClient } from '@keyhold/client';
import type { KeyholdClient } from '@keyhold/client';
import { startTestCluster } from '@keyhold/e2e/support';
import type { TestCluster } from '@keyhold/e2e/support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome } from './outcome.js';
import { crossAccountIdentityPolicy } from './policies.js';
import { createSharedKey, shareKey } from './share.js';
import {
  assertKeyArn,
  dataKeyFromSharedKey,
  decryptWithSharedKey,
  describeSharedKey,
  encryptWithSharedKey,
} from './shared-key.js';

// Account B uses account A's key: allowed only by A's key policy naming B
// together with B's identity policy, never for managing the key, and only
// by key ARN.

const REGION = 'us-east-1';
const A = '111122223333';
const B = '444455556666';
// B's identity policy covers A's keys; the key policy decides which of them B may use.
const KEYS_OF_A = `arn:aws:kms:${REGION}:${A}:key/*`;

const ALL_KMS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
};

// Every identity policy written out: a principal without one may do nothing.
const PRINCIPALS = {
  // A's key administrator: every kms action in A.
  owner: { account: A, policies: [ALL_KMS] },
  // B's application, with the identity-policy half of the pattern.
  app: { account: B, policies: [crossAccountIdentityPolicy(KEYS_OF_A)] },
  // B's principal without it.
  noiam: { account: B, policies: [] },
  // B's administrator: kms:* on everything, still no management of A's keys.
  badmin: { account: B, policies: [ALL_KMS] },
} as const;
type Name = keyof typeof PRINCIPALS;

let test: TestCluster;
const clients = new Map<Name, KeyholdClient>();
let sharedArn: string;

function kms(name: Name): KeyholdClient {
  let c = clients.get(name);
  if (!c) {
    c = createKeyholdClient({
      endpoint: test.cluster.addresses.gateway,
      region: REGION,
      credentials: { accessKeyId: `ak-${name}`, secretAccessKey: `secret-${name}` },
      retry: { maxAttempts: 1 },
    });
    clients.set(name, c);
  }
  return c;
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'example-cross-account',
    principals: (Object.keys(PRINCIPALS) as Name[]).map((name) => {
      const p: { account: string; policies: readonly object[] } = PRINCIPALS[name];
      return {
        arn: `arn:aws:iam::${p.account}:user/${name}`,
        accessKeyId: `ak-${name}`,
        secretAccessKey: `secret-${name}`,
        policies: p.policies,
      };
    }),
  });
  sharedArn = await createSharedKey(kms('owner'), A, B, 'shared with account B');
});

afterAll(async () => {
  for (const c of clients.values()) c.close();
  await test?.stop();
});

describe('cross-account use of a key', () => {
  it('lets B encrypt, decrypt and generate data keys with A’s key by its ARN', async () => {
    const secret = Buffer.from('account B card number 4111-1111');
    test.registerSecret(secret);
    const context = { tenant: 'b-payments' };
    expect(await describeSharedKey(kms('app'), sharedArn)).toEqual({
      arn: sharedArn,
      enabled: true,
      keySpec: 'SYMMETRIC_DEFAULT',
    });
    const blob = await encryptWithSharedKey(kms('app'), sharedArn, secret, context);
    expect(await decryptWithSharedKey(kms('app'), sharedArn, blob, context)).toEqual(secret);
    // The ciphertext is A's key's: A decrypts it as well.
    expect(await decryptWithSharedKey(kms('owner'), sharedArn, blob, context)).toEqual(secret);
    const dataKey = await dataKeyFromSharedKey(kms('app'), sharedArn, context);
    test.registerSecret(dataKey.plaintext);
    expect(dataKey.plaintext.length).toBe(32);
    expect(
      await decryptWithSharedKey(kms('app'), sharedArn, dataKey.ciphertextBlob, context),
    ).toEqual(dataKey.plaintext);
  });

  it('denies B without its identity policy, though the key policy names B', async () => {
    const plaintext = Buffer.from('denied without IAM');
    test.registerSecret(plaintext);
    const blob = await encryptWithSharedKey(kms('app'), sharedArn, plaintext);
    expect(await outcome(encryptWithSharedKey(kms('noiam'), sharedArn, plaintext))).toBe(
      'AccessDeniedException',
    );
    expect(await outcome(decryptWithSharedKey(kms('noiam'), sharedArn, blob))).toBe(
      'AccessDeniedException',
    );
    expect(await outcome(dataKeyFromSharedKey(kms('noiam'), sharedArn))).toBe(
      'AccessDeniedException',
    );
  });

  it('denies B without the key policy statement, though B’s identity policy allows it', async () => {
    const plaintext = Buffer.from('denied without key policy');
    test.registerSecret(plaintext);
    const { keyMetadata } = await kms('owner').createKey({ description: 'not shared yet' });
    const arn = keyMetadata!.arn;
    const blob = await encryptWithSharedKey(kms('owner'), arn, plaintext);
    expect(await outcome(encryptWithSharedKey(kms('app'), arn, plaintext))).toBe(
      'AccessDeniedException',
    );
    expect(await outcome(decryptWithSharedKey(kms('app'), arn, blob))).toBe(
      'AccessDeniedException',
    );
    expect(await outcome(describeSharedKey(kms('app'), arn))).toBe('AccessDeniedException');
    // Once A shares the key, the same calls work.
    await shareKey(kms('owner'), arn, A, B);
    let now = '';
    for (let i = 0; i < 100 && now !== 'OK'; i++) {
      now = await outcome(decryptWithSharedKey(kms('app'), arn, blob));
      if (now !== 'OK') await new Promise((r) => setTimeout(r, 20));
    }
    expect(now).toBe('OK');
  });

  it('never lets B manage A’s key, whatever the policies say', async () => {
    // A key policy giving B's account every action, and B's administrator with kms:*.
    const { keyMetadata } = await kms('owner').createKey({
      description: 'over-shared',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: [`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:root`] },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    });
    const arn = keyMetadata!.arn;
    for (const who of ['badmin', 'app'] as const) {
      const b = kms(who);
      expect({
        who,
        putKeyPolicy: await outcome(
          b.putKeyPolicy({ keyId: arn, policyName: 'default', policy: '{}' }),
        ),
        scheduleKeyDeletion: await outcome(
          b.scheduleKeyDeletion({ keyId: arn, pendingWindowInDays: 7 }),
        ),
        disableKey: await outcome(b.disableKey({ keyId: arn })),
        enableKeyRotation: await outcome(b.enableKeyRotation({ keyId: arn })),
      }).toEqual({
        who,
        putKeyPolicy: 'AccessDeniedException',
        scheduleKeyDeletion: 'AccessDeniedException',
        disableKey: 'AccessDeniedException',
        enableKeyRotation: 'AccessDeniedException',
      });
    }
    // Using it still works for B's administrator.
    const plaintext = Buffer.from('use but never manage');
    test.registerSecret(plaintext);
    expect(await outcome(encryptWithSharedKey(kms('badmin'), arn, plaintext))).toBe('OK');
    const described = await kms('owner').describeKey({ keyId: arn });
    expect([described.keyMetadata!.enabled, described.keyMetadata!.keyState]).toEqual([
      true,
      'Enabled',
    ]);
  });

  it('does not resolve A’s alias or bare key id from B: only the key ARN names it', async () => {
    await kms('owner').createAlias({ aliasName: 'alias/shared-orders', targetKeyId: sharedArn });
    const plaintext = Buffer.from('aliases stay in their account');
    test.registerSecret(plaintext);
    const keyId = sharedArn.split('/').pop()!;
    // Raw calls (not through assertKeyArn) resolve in B's account, where neither exists.
    for (const name of ['alias/shared-orders', keyId]) {
      expect(await outcome(kms('app').encrypt({ keyId: name, plaintext }))).toBe(
        'NotFoundException',
      );
      expect(() => assertKeyArn(name)).toThrow(TypeError);
    }
    // In A the alias works.
    expect(await outcome(kms('owner').encrypt({ keyId: 'alias/shared-orders', plaintext }))).toBe(
      'OK',
    );
  });
});
