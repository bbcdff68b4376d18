import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeyholdClient, isKmsError } from '@keyhold/client';
import type { KeyholdClient } from '@keyhold/client';
import { startTestCluster } from '@keyhold/e2e/support';
import type { TestCluster } from '@keyhold/e2e/support';
import { createAuditLogClient, createIdentityAdminClient } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectContext } from './context.js';
import { USER_HEADER, objectStoreListener } from './http.js';
import { bucketKeyPolicy } from './key-policy.js';
import { ObjectStore } from './object-store.js';

// Object storage with server-side encryption through a service principal:
// the store signs with its own key and names the user, the bucket key lets
// users in only via the store, and every object has its own data key bound
// to the object's name by the encryption context.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const SERVICE = 'objectstore.keyhold.internal';
const BUCKET = 'photos';
type User = 'admin' | 'alice' | 'bob' | 'mallory';
const arnOf = (user: User): string => `arn:aws:iam::${ACCOUNT}:user/${user}`;
const credentialsOf = (user: User) => ({
  accessKeyId: `ak-${user}`,
  secretAccessKey: `secret-${user}`,
});
const BODIES = {
  cat: Buffer.from('object-storage e2e: a photo of a cat 6b1f0e'),
  dog: Buffer.from('object-storage e2e: a photo of a dog 93ac41'),
};

let test: TestCluster;
let keyArn: string;
let storeKms: KeyholdClient;
let storeAccessKeyId: string;
let store: ObjectStore;
let server: http.Server;
let base: string;
const clients: KeyholdClient[] = [];

function connect(credentials: { accessKeyId: string; secretAccessKey: string }): KeyholdClient {
  const c = createKeyholdClient({
    endpoint: test.cluster.addresses.gateway,
    region: REGION,
    credentials,
    retry: { maxAttempts: 1 },
  });
  clients.push(c);
  return c;
}

/** One request to the store as `user`. */
async function request(
  user: User,
  method: 'PUT' | 'GET' | 'DELETE',
  path: string,
  body?: Buffer,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}/${path}`, {
    method,
    headers: { [USER_HEADER]: arnOf(user) },
    ...(body ? { body } : {}),
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The AWS error code a KMS call fails with. */
const failure = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'succeeded',
    (e: unknown) => (isKmsError(e) ? e.code : Promise.reject(e)),
  );

beforeAll(async () => {
  test = await startTestCluster({
    name: 'example-object-storage',
    principals: [
      {
        arn: arnOf('admin'),
        ...credentialsOf('admin'),
        policies: [
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        ],
      },
      // No `policies`: the fixture's default allows them every kms action, so
      // only the bucket key's policy keeps them from using it directly.
      ...(['alice', 'bob', 'mallory'] as const).map((user) => ({
        arn: arnOf(user),
        ...credentialsOf(user),
      })),
    ],
  });
  for (const body of Object.values(BODIES)) test.registerSecret(body);
  // The platform registers its object store as a service principal with an access key.
  const iam = createIdentityAdminClient(test.cluster.addresses['policy-authorizer'], {
    ...credentialsOf('admin'),
    region: REGION,
  });
  try {
    await iam.RegisterServicePrincipal({ accountId: ACCOUNT, name: SERVICE });
    const created = await iam.CreateAccessKey({ owner: SERVICE, accountId: ACCOUNT });
    test.registerSecret(created.secretAccessKey);
    storeAccessKeyId = created.metadata!.accessKeyId;
    storeKms = connect({ accessKeyId: storeAccessKeyId, secretAccessKey: created.secretAccessKey });
  } finally {
    iam.close();
  }
  const { keyMetadata } = await connect(credentialsOf('admin')).createKey({
    description: 'bucket key of photos',
    policy: bucketKeyPolicy({
      bucket: BUCKET,
      adminArn: arnOf('admin'),
      userArns: [arnOf('alice'), arnOf('bob')],
      service: SERVICE,
    }),
  });
  keyArn = keyMetadata!.arn;
  store = new ObjectStore({ kms: storeKms, buckets: { [BUCKET]: keyArn } });
  server = http.createServer(objectStoreListener(store));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  for (const c of clients) c.close();
  await test?.stop();
});

describe('object storage with server-side encryption', () => {
  it('stores and serves objects for the bucket’s users, encrypted at rest', async () => {
    const put = await request('alice', 'PUT', `${BUCKET}/pets/cat.jpg`, BODIES.cat);
    expect(put.status).toBe(200);
    expect(put.headers.get('x-amz-server-side-encryption')).toBe('aws:kms');
    expect(put.headers.get('x-amz-server-side-encryption-aws-kms-key-id')).toBe(keyArn);
    expect((await request('bob', 'PUT', `${BUCKET}/pets/dog.jpg`, BODIES.dog)).status).toBe(200);

    const got = await request('alice', 'GET', `${BUCKET}/pets/cat.jpg`);
    expect(got.status).toBe(200);
    expect(got.body.equals(BODIES.cat)).toBe(true);
    expect((await request('alice', 'GET', `${BUCKET}/pets/dog.jpg`)).body.equals(BODIES.dog)).toBe(
      true,
    );

    const stored = store.objects.get(`${BUCKET}/pets/cat.jpg`)!;
    expect(stored.keyArn).toBe(keyArn);
    expect(stored.body.ciphertext.includes(BODIES.cat)).toBe(false);
    // Each object has a data key of its own.
    expect(
      stored.encryptedDataKey.equals(store.objects.get(`${BUCKET}/pets/dog.jpg`)!.encryptedDataKey),
    ).toBe(false);
  });

  it('denies the same user calling KMS directly', async () => {
    const alice = connect(credentialsOf('alice'));
    const stored = store.objects.get(`${BUCKET}/pets/cat.jpg`)!;
    const context = objectContext(BUCKET, 'pets/cat.jpg');
    expect(
      await failure(
        alice.encrypt({ keyId: keyArn, plaintext: Buffer.from('x'), encryptionContext: context }),
      ),
    ).toBe('AccessDeniedException');
    expect(
      await failure(
        alice.decrypt({
          keyId: keyArn,
          ciphertextBlob: stored.encryptedDataKey,
          encryptionContext: context,
        }),
      ),
    ).toBe('AccessDeniedException');
    expect(
      await failure(
        alice.generateDataKey({ keyId: keyArn, keySpec: 'AES_256', encryptionContext: context }),
      ),
    ).toBe('AccessDeniedException');
  });

  it('lets the key administrator manage the key, not use it', async () => {
    const admin = connect(credentialsOf('admin'));
    expect((await admin.describeKey({ keyId: keyArn })).keyMetadata?.arn).toBe(keyArn);
    expect(
      await failure(
        admin.generateDataKey({
          keyId: keyArn,
          keySpec: 'AES_256',
          encryptionContext: objectContext(BUCKET, 'pets/cat.jpg'),
        }),
      ),
    ).toBe('AccessDeniedException');
  });

  it('refuses users the key policy does not name, through the store too', async () => {
    const put = await request('mallory', 'PUT', `${BUCKET}/pets/bird.jpg`, Buffer.from('tweet'));
    expect(put.status).toBe(403);
    expect(JSON.parse(put.body.toString()) as unknown).toMatchObject({ code: 'AccessDenied' });
    expect((await request('mallory', 'GET', `${BUCKET}/pets/cat.jpg`)).status).toBe(403);
  });

  it('binds each encrypted data key to its object', async () => {
    const cat = store.objects.get(`${BUCKET}/pets/cat.jpg`)!;
    const decryptAs = (bucket: string, key: string) =>
      storeKms.decrypt(
        {
          keyId: keyArn,
          ciphertextBlob: cat.encryptedDataKey,
          encryptionContext: objectContext(bucket, key),
        },
        { onBehalfOf: arnOf('alice') },
      );
    // Another object's name: KMS cannot decrypt the data key under it.
    expect(await failure(decryptAs(BUCKET, 'pets/dog.jpg'))).toBe('InvalidCiphertextException');
    // Another bucket's name: the key policy allows this bucket's objects only.
    expect(await failure(decryptAs('other-bucket', 'pets/cat.jpg'))).toBe('AccessDeniedException');

    // The cat's stored object copied over the dog's: the read fails rather than serve the cat.
    const dog = store.objects.get(`${BUCKET}/pets/dog.jpg`)!;
    store.objects.set(`${BUCKET}/pets/dog.jpg`, cat);
    try {
      const swapped = await request('alice', 'GET', `${BUCKET}/pets/dog.jpg`);
      expect(swapped.status).toBe(500);
      expect(JSON.parse(swapped.body.toString()) as unknown).toMatchObject({
        code: 'KMS.InvalidCiphertextException',
      });
    } finally {
      store.objects.set(`${BUCKET}/pets/dog.jpg`, dog);
    }
  });

  it('audits the store’s calls as the user’s, invoked by the service', async () => {
    const audit = createAuditLogClient(test.cluster.addresses['audit-log']);
    try {
      const wanted = ['GenerateDataKey', 'Decrypt'];
      let viaStore: Array<Record<string, unknown>> = [];
      for (
        let i = 0;
        i < 75 && wanted.some((n) => !viaStore.some((r) => r['eventName'] === n));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 200));
        const { events } = await audit.LookupEvents({
          principalArn: arnOf('alice'),
          maxResults: 1000,
        });
        viaStore = events
          .map((e) => JSON.parse(e.cloudTrailEvent) as Record<string, unknown>)
          .filter((r) => (r['userIdentity'] as Record<string, unknown>)['invokedBy'] !== undefined);
      }
      expect(viaStore.map((r) => r['eventName'])).toEqual(expect.arrayContaining(wanted));
      for (const r of viaStore) {
        expect(r['userIdentity']).toMatchObject({
          type: 'IAMUser',
          arn: arnOf('alice'),
          accountId: ACCOUNT,
          accessKeyId: storeAccessKeyId,
          invokedBy: SERVICE,
        });
      }
      const put = viaStore.find(
        (r) => r['eventName'] === 'GenerateDataKey' && r['errorCode'] === undefined,
      )!;
      expect(put['requestParameters']).toMatchObject({
        encryptionContext: objectContext(BUCKET, 'pets/cat.jpg'),
      });
    } finally {
      audit.close();
    }
  });

  it('deletes objects', async () => {
    expect((await request('alice', 'DELETE', `${BUCKET}/pets/dog.jpg`)).status).toBe(204);
    expect((await request('alice', 'GET', `${BUCKET}/pets/dog.jpg`)).status).toBe(404);
    expect((await request('alice', 'GET', `nobucket/pets/cat.jpg`)).status).toBe(404);
  });
});
