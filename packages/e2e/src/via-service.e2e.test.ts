import * as grpc from '@grpc/grpc-js';
import { createKeyholdClient, isKmsError } from '@keyhold/client';
import type { ClientOptions, KeyholdClient } from '@keyhold/client';
import { createIdentityAdminClient } from '@keyhold/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecordOf, rawKmsCall } from './support/raw-call.js';
import type { RawCallHeaders } from './support/raw-call.js';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// Service principals and kms:ViaService through the whole cluster: a service
// principal acting as itself is a service caller; one calling for a user
// (`x-keyhold-on-behalf-of`, signed) is evaluated as that user with
// kms:ViaService naming the service, on the data plane (crypto-worker's local
// decision) and the management path (key-manager -> policy-authorizer), and
// audited as the user with invokedBy naming the service.

const REGION = 'us-east-1';
const A = '111122223333';
const STORE = 'objectstore.keyhold.internal';
const S3 = 's3.amazonaws.com';
const ON_BEHALF_OF = 'x-keyhold-on-behalf-of';
const arnOf = (name: string): string => `arn:aws:iam::${A}:user/${name}`;
const ALICE = arnOf('alice');
const USERS = ['admin', 'alice', 'bob'] as const;
type User = (typeof USERS)[number];
const credentialsOf = (name: User) => ({
  accessKeyId: `ak-${name}`,
  secretAccessKey: `secret-${name}`,
});

let test: TestCluster;
let keyId: string;
const services = new Map<string, { accessKeyId: string; secretAccessKey: string }>();
const clients: KeyholdClient[] = [];

function client(
  credentials: { accessKeyId: string; secretAccessKey: string },
  channelOptions: ClientOptions['channelOptions'] = {},
): KeyholdClient {
  const c = createKeyholdClient({
    endpoint: test.cluster.addresses.gateway,
    region: REGION,
    credentials,
    retry: { maxAttempts: 1 },
    channelOptions,
  });
  clients.push(c);
  return c;
}

/** The AWS error code of a call, or 'OK'. */
const outcome = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'OK',
    (err: unknown) => (isKmsError(err) ? err.code : Promise.reject(err)),
  );

/** A JSON API call; resolves with the error code ('OK') and the audit record's userIdentity. */
async function jsonCall(
  credentials: { accessKeyId: string; secretAccessKey: string },
  operation: string,
  request: Record<string, unknown>,
  headers: RawCallHeaders = {},
): Promise<{ code: string; userIdentity: Record<string, unknown>; body: string }> {
  const answer = await rawKmsCall(test.endpoint, REGION, credentials, operation, request, headers);
  const record = await auditRecordOf(test.cluster.addresses['audit-log'], answer.requestId);
  const code =
    answer.status === 200 ? 'OK' : String((JSON.parse(answer.body) as { __type: string }).__type);
  return {
    code,
    userIdentity: record['userIdentity'] as Record<string, unknown>,
    body: answer.body,
  };
}

const ADMIN_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['kms:*', 'iam:*'], Resource: '*' }],
};
const forAlice: RawCallHeaders = { signed: { [ON_BEHALF_OF]: ALICE } };

beforeAll(async () => {
  test = await startTestCluster({
    name: 'via-service',
    // The fixture's default identity policy allows every kms action: the key policy decides.
    principals: USERS.map((name) => ({
      arn: arnOf(name),
      ...credentialsOf(name),
      ...(name === 'admin' ? { policies: [ADMIN_POLICY] } : {}),
    })),
  });
  const admin = createIdentityAdminClient(test.cluster.addresses['policy-authorizer'], {
    ...credentialsOf('admin'),
    region: REGION,
  });
  try {
    for (const name of [STORE, S3]) {
      await admin.RegisterServicePrincipal({ accountId: A, name });
      const created = await admin.CreateAccessKey({ owner: name, accountId: A });
      test.registerSecret(created.secretAccessKey);
      services.set(name, {
        accessKeyId: created.metadata!.accessKeyId,
        secretAccessKey: created.secretAccessKey,
      });
    }
  } finally {
    admin.close();
  }
  const created = await client(credentialsOf('admin')).createKey({
    description: 'via-service e2e',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Admin',
          Effect: 'Allow',
          Principal: { AWS: arnOf('admin') },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'AliceOnlyThroughStorage',
          Effect: 'Allow',
          Principal: { AWS: ALICE },
          Action: ['kms:GenerateDataKey', 'kms:Decrypt', 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:ViaService': [STORE, `s3.${REGION}.amazonaws.com`] },
          },
        },
        {
          Sid: 'TheStoreItself',
          Effect: 'Allow',
          Principal: { Service: STORE },
          Action: 'kms:DescribeKey',
          Resource: '*',
        },
      ],
    }),
  });
  keyId = created.keyMetadata!.keyId;
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await test?.stop();
});

describe('a service principal acting as itself', () => {
  it('is a service caller: matched by "Service", audited as AWSService', async () => {
    const store = services.get(STORE)!;
    const described = await jsonCall(store, 'DescribeKey', { KeyId: keyId });
    expect(described.code).toBe('OK');
    expect(described.userIdentity).toMatchObject({
      type: 'AWSService',
      arn: STORE,
      accountId: A,
      accessKeyId: store.accessKeyId,
      invokedBy: STORE,
    });
    // Not for alice's uses: those need her, through the store.
    expect(await outcome(client(store).generateDataKey({ keyId, numberOfBytes: 32 }))).toBe(
      'AccessDeniedException',
    );
  });
});

describe('a service calling on behalf of a user', () => {
  it('is evaluated as the user via the service on the data plane, and audited so', async () => {
    const store = services.get(STORE)!;
    const call = await jsonCall(
      store,
      'GenerateDataKey',
      { KeyId: keyId, NumberOfBytes: 32 },
      forAlice,
    );
    expect(call.code).toBe('OK');
    test.registerSecret((JSON.parse(call.body) as { Plaintext: string }).Plaintext);
    expect(call.userIdentity).toMatchObject({
      type: 'IAMUser',
      arn: ALICE,
      accountId: A,
      accessKeyId: store.accessKeyId,
      invokedBy: STORE,
    });
  });

  it('works on the native API, data plane and management path alike', async () => {
    const store = client(services.get(STORE)!);
    const dataKey = await store.generateDataKey(
      { keyId, numberOfBytes: 32 },
      { onBehalfOf: ALICE },
    );
    test.registerSecret(dataKey.plaintext);
    const decrypted = await store.decrypt(
      { ciphertextBlob: dataKey.ciphertextBlob },
      { onBehalfOf: ALICE },
    );
    expect(Buffer.compare(decrypted.plaintext, dataKey.plaintext)).toBe(0);
    test.registerSecret(decrypted.plaintext);
    // DescribeKey goes key-manager -> policy-authorizer: kms:ViaService travels there too.
    expect(await outcome(store.describeKey({ keyId }, { onBehalfOf: ALICE }))).toBe('OK');
  });

  it('names an AWS-style service by region in kms:ViaService', async () => {
    const s3 = client(services.get(S3)!);
    const dataKey = await s3.generateDataKey({ keyId, numberOfBytes: 32 }, { onBehalfOf: ALICE });
    test.registerSecret(dataKey.plaintext);
    expect(dataKey.keyId).toContain(keyId);
  });

  it('leaves a direct call by the user without kms:ViaService: denied', async () => {
    const alice = client(credentialsOf('alice'));
    expect(await outcome(alice.generateDataKey({ keyId, numberOfBytes: 32 }))).toBe(
      'AccessDeniedException',
    );
    expect(await outcome(alice.describeKey({ keyId }))).toBe('AccessDeniedException');
    const direct = await jsonCall(credentialsOf('alice'), 'GenerateDataKey', {
      KeyId: keyId,
      NumberOfBytes: 32,
    });
    expect(direct.code).toBe('AccessDeniedException');
    expect(direct.userIdentity).not.toHaveProperty('invokedBy');
  });
});

describe('the x-keyhold-on-behalf-of rules', () => {
  it('refuses the header unless it is signed: JSON API and native API', async () => {
    const store = services.get(STORE)!;
    const unsigned = await jsonCall(
      store,
      'GenerateDataKey',
      { KeyId: keyId, NumberOfBytes: 32 },
      { unsigned: { [ON_BEHALF_OF]: ALICE } },
    );
    expect(unsigned.code).toBe('IncompleteSignatureException');
    // The refused call is the service's own, and audited so.
    expect(unsigned.userIdentity).toMatchObject({ type: 'AWSService', invokedBy: STORE });
    // An interceptor adds the metadata after the client signed the call.
    const addUnsigned: grpc.Interceptor = (options, next) =>
      new grpc.InterceptingCall(next(options), {
        start: (metadata, listener, proceed) => {
          metadata.set(ON_BEHALF_OF, ALICE);
          proceed(metadata, listener);
        },
      });
    const native = client(store, { interceptors: [addUnsigned] });
    expect(await outcome(native.generateDataKey({ keyId, numberOfBytes: 32 }))).toBe(
      'IncompleteSignatureException',
    );
  });

  it('refuses it from a caller that is not a service principal', async () => {
    const bob = await jsonCall(credentialsOf('bob'), 'DescribeKey', { KeyId: keyId }, forAlice);
    expect(bob.code).toBe('AccessDeniedException');
    expect(bob.userIdentity).toMatchObject({ type: 'IAMUser', arn: arnOf('bob') });
    const native = client(credentialsOf('bob'));
    expect(await outcome(native.describeKey({ keyId }, { onBehalfOf: ALICE }))).toBe(
      'AccessDeniedException',
    );
  });

  it('refuses a value that is not an IAM principal ARN', async () => {
    const store = client(services.get(STORE)!);
    expect(await outcome(store.describeKey({ keyId }, { onBehalfOf: S3 }))).toBe(
      'ValidationException',
    );
  });
});
