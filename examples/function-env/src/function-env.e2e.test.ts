import fs from 'node:fs';
import path from 'node:path';
import { createKeyholdClient, isKmsError } from '@keyhold/client';
import type { KeyholdClient } from '@keyhold/client';
import { startTestCluster } from '@keyhold/e2e/support';
import type { TestCluster } from '@keyhold/e2e/support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptEnvironment } from './deploy.js';
import { functionKeyPolicy } from './key-policy.js';
import { readManifest, writeManifest } from './manifest.js';
import type { DeployManifest } from './manifest.js';
import { loadFunctionEnvironment } from './startup.js';

// Function environment variables: encrypted at deploy time with the
// function's name as encryption context, decrypted once at start-up, and
// readable only by that function (by the context, and by the key policy's
// kms:EncryptionContext:FunctionName condition on each function's role).

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const roleArn = (fn: string) => `arn:aws:iam::${ACCOUNT}:role/${fn}-fn`;
const FUNCTIONS = ['orders', 'billing'] as const;
type Fn = (typeof FUNCTIONS)[number];

const SECRETS: Record<Fn, Record<string, string>> = {
  orders: {
    DB_PASSWORD: 'orders-db-password-7f3a9c',
    API_TOKEN: 'orders-api-token-19be44d0',
    SIGNING_SECRET: 'orders-signing-secret-52e1',
  },
  billing: { STRIPE_KEY: 'billing-stripe-key-0c77aa1' },
};
const PLAIN = { LOG_LEVEL: 'info', REGION };

let test: TestCluster;
let keyArn: string;
let clients: Record<'deployer' | Fn, KeyholdClient>;
const manifests = new Map<Fn, DeployManifest>();

/** `deployer` (may create keys and encrypt) or a function's role (only what the key policy allows). */
const kms = (who: 'deployer' | Fn): KeyholdClient => clients[who];

async function failure(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isKmsError(err)) throw new Error(`expected a KmsError, got ${String(err)}`);
  return err.code;
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'example-function-env',
    principals: [
      {
        arn: `arn:aws:iam::${ACCOUNT}:user/deployer`,
        accessKeyId: 'ak-deployer',
        secretAccessKey: 'secret-deployer',
        // The deploy pipeline's identity: what it needs to encrypt, and nothing to decrypt.
        policies: [
          {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['kms:CreateKey', 'kms:CreateAlias', 'kms:DescribeKey', 'kms:Encrypt'],
                Resource: '*',
              },
            ],
          },
        ],
      },
      // Function roles without identity policies: the key policy alone lets them decrypt.
      ...FUNCTIONS.map((fn) => ({
        arn: roleArn(fn),
        accessKeyId: `ak-${fn}`,
        secretAccessKey: `secret-${fn}`,
        policies: [],
      })),
    ],
  });
  const connect = (who: string) =>
    createKeyholdClient({
      endpoint: test.cluster.addresses.gateway,
      region: REGION,
      credentials: { accessKeyId: `ak-${who}`, secretAccessKey: `secret-${who}` },
      retry: { maxAttempts: 1 },
    });
  clients = {
    deployer: connect('deployer'),
    orders: connect('orders'),
    billing: connect('billing'),
  };
  for (const secrets of Object.values(SECRETS)) {
    for (const value of Object.values(secrets)) test.registerSecret(value);
  }
  const policy = functionKeyPolicy(
    ACCOUNT,
    FUNCTIONS.map((functionName) => ({ functionName, roleArn: roleArn(functionName) })),
  );
  const { keyMetadata } = await kms('deployer').createKey({
    description: 'function secrets',
    policy,
  });
  keyArn = keyMetadata!.arn;
  await kms('deployer').createAlias({ aliasName: 'alias/function-secrets', targetKeyId: keyArn });
});

afterAll(async () => {
  for (const c of Object.values(clients ?? {})) c.close();
  await test?.stop();
});

describe('function environment variables', () => {
  it('encrypts each secret at deploy time into a manifest', async () => {
    for (const fn of FUNCTIONS) {
      const manifest = await encryptEnvironment(kms('deployer'), {
        functionName: fn,
        keyId: 'alias/function-secrets',
        secrets: SECRETS[fn],
        plain: PLAIN,
      });
      const file = path.join(test.dir, `${fn}.manifest.json`);
      writeManifest(file, manifest);
      const text = fs.readFileSync(file, 'utf8');
      for (const secret of Object.values(SECRETS[fn])) expect(text).not.toContain(secret);
      manifests.set(fn, readManifest(file));
    }
    const orders = manifests.get('orders')!;
    expect(orders).toMatchObject({
      functionName: 'orders',
      kmsKeyArn: keyArn,
      encryptedVariables: ['DB_PASSWORD', 'API_TOKEN', 'SIGNING_SECRET'],
      variables: { LOG_LEVEL: 'info', REGION },
    });
    expect(Object.keys(orders.variables).sort()).toEqual([
      'API_TOKEN',
      'DB_PASSWORD',
      'LOG_LEVEL',
      'REGION',
      'SIGNING_SECRET',
    ]);
  });

  it('decrypts every secret once, in parallel, at start-up', async () => {
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const counting = {
      decrypt: async (...args: Parameters<KeyholdClient['decrypt']>) => {
        calls += 1;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        try {
          return await kms('orders').decrypt(...args);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const env = await loadFunctionEnvironment(counting, manifests.get('orders')!, 'orders');
    expect(env).toEqual({ ...PLAIN, ...SECRETS.orders });
    expect(Object.isFrozen(env)).toBe(true);
    expect([calls, maxInFlight]).toEqual([3, 3]);
  });

  it('gives a function of another name InvalidCiphertextException', async () => {
    // billing's role may decrypt for FunctionName=billing, but these ciphertexts name orders.
    expect(
      await failure(loadFunctionEnvironment(kms('billing'), manifests.get('orders')!, 'billing')),
    ).toBe('InvalidCiphertextException');
  });

  it('keeps the deploy pipeline from reading what it deployed', async () => {
    // Its identity policy allows Encrypt but not Decrypt, under the right name or any other.
    expect(
      await failure(loadFunctionEnvironment(kms('deployer'), manifests.get('orders')!, 'orders')),
    ).toBe('AccessDeniedException');
  });

  it('restricts each role to its own function by the key policy condition', async () => {
    // The right context for billing's secrets, but the orders role: the condition refuses it.
    expect(
      await failure(loadFunctionEnvironment(kms('orders'), manifests.get('billing')!, 'billing')),
    ).toBe('AccessDeniedException');
    expect(
      await loadFunctionEnvironment(kms('billing'), manifests.get('billing')!, 'billing'),
    ).toEqual({ ...PLAIN, ...SECRETS.billing });
    // The roles may decrypt and nothing else.
    expect(
      await failure(
        kms('orders').encrypt({
          keyId: keyArn,
          plaintext: Buffer.from('x'),
          encryptionContext: { FunctionName: 'orders' },
        }),
      ),
    ).toBe('AccessDeniedException');
  });
});
