import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busNames, connectBus } from '@keyhold/bus';
import type { Bus } from '@keyhold/bus';
import { Registry, createLogger, deriveSigningKey, isKmsError } from '@keyhold/core';
import { createAuthorizerClient, createIdentityAdminClient } from '@keyhold/proto';
import type { AuthorizerMethods, Client, IdentityAdminMethods } from '@keyhold/proto';
import { testBusPrefix, testDatabase, testNatsUrl } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { validateIdentities } from '../identities.js';
import { startIdentityAnnouncer } from '../identity/changes.js';
import { openIdentityDirectory } from '../identity/directory.js';
import type { IdentityDirectory } from '../identity/directory.js';
import { migratePolicyAuthorizer } from '../identity/schema.js';
import { createSecretBox } from '../identity/secrets.js';
import { seedIdentities } from '../identity/seed.js';
import { startPolicyAuthorizer } from '../server.js';
import type { PolicyAuthorizerHandle } from '../server.js';

const logger = createLogger({ service: 'policy-authorizer-test', level: 'silent' });
const ACCOUNT = '111122223333';
const ADMIN = {
  accessKeyId: 'AKIAADMIN00000000001',
  secretAccessKey: randomBytes(30).toString('base64'),
};
const USER = {
  accessKeyId: 'AKIAUSER000000000001',
  secretAccessKey: randomBytes(30).toString('base64'),
};
const seed = validateIdentities(
  JSON.stringify({
    accounts: [
      {
        accountId: ACCOUNT,
        principals: [
          {
            arn: `arn:aws:iam::${ACCOUNT}:user/admin`,
            accessKeys: [ADMIN],
            policies: [
              {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
              },
            ],
          },
          {
            arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
            accessKeys: [USER],
            policies: [
              {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
              },
            ],
          },
        ],
      },
    ],
  }),
);

let db: TestDatabase;
let bus: Bus;
let directory: IdentityDirectory;
let server: PolicyAuthorizerHandle;
let announcer: Awaited<ReturnType<typeof startIdentityAnnouncer>>;
let admin: Client<IdentityAdminMethods>;
let user: Client<IdentityAdminMethods>;
let authorizer: Client<AuthorizerMethods>;
const changes: unknown[] = [];

const scope = { date: '20260101', region: 'us-east-1', service: 'kms' };

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isKmsError(err)) throw new Error(`expected a KmsError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  db = await testDatabase();
  await migratePolicyAuthorizer(db.sql);
  directory = await openIdentityDirectory({
    sql: db.sql,
    box: createSecretBox(randomBytes(32)),
    logger,
  });
  await seedIdentities(directory, seed, logger);
  bus = await connectBus({
    url: testNatsUrl(),
    name: 'admin-test',
    names: busNames(testBusPrefix()),
    logger,
  });
  bus.nc.subscribe(bus.names.identityChangedSubject, {
    callback: (_err, msg) => changes.push(msg.json()),
  });
  await bus.nc.flush();
  announcer = await startIdentityAnnouncer({
    sql: db.sql,
    nc: bus.nc,
    subject: bus.names.identityChangedSubject,
    logger,
  });
  server = await startPolicyAuthorizer(
    { logger, registry: new Registry(), identities: directory, directory, bus, announcer },
    { grpcListen: '127.0.0.1:0' },
  );
  server.serving();
  admin = createIdentityAdminClient(server.address, ADMIN);
  user = createIdentityAdminClient(server.address, USER);
  authorizer = createAuthorizerClient(server.address);
});

afterAll(async () => {
  for (const c of [admin, user, authorizer]) c?.close();
  await server?.close(1_000);
  await announcer?.stop();
  await directory?.close();
  await bus?.close();
  await db?.drop();
});

describe('IdentityAdmin', () => {
  it('lets the seeded admin create a user, an access key and a policy; the key authenticates', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/carol`;
    await expect(admin.CreatePrincipal({ principalArn: arn })).resolves.toMatchObject({
      principalArn: arn,
      accountId: ACCOUNT,
      kind: 'user',
    });
    const created = await admin.CreateAccessKey({ owner: arn, accountId: '' });
    expect(created.metadata).toMatchObject({ owner: arn, status: 'Active', accountId: ACCOUNT });
    expect(created.metadata!.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(created.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    await admin.PutPrincipalPolicy({
      principalArn: arn,
      policyName: 'encrypt',
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }],
      }),
    });
    await expect(admin.ListPrincipalPolicies({ principalArn: arn })).resolves.toEqual({
      policyNames: ['encrypt'],
    });
    const listed = await admin.ListAccessKeys({ owner: arn, accountId: '' });
    expect(JSON.stringify(listed)).not.toContain(created.secretAccessKey);
    expect(listed.accessKeys).toHaveLength(1);

    const auth = await authorizer.Authenticate({
      accessKeyId: created.metadata!.accessKeyId,
      ...scope,
    });
    expect(auth.principal).toMatchObject({
      principalArn: arn,
      accountId: ACCOUNT,
      servicePrincipal: '',
    });
    expect(
      auth.signingKey.equals(
        deriveSigningKey(created.secretAccessKey, scope.date, scope.region, 'kms'),
      ),
    ).toBe(true);
    await expect(authorizer.GetIdentityPolicies({ principalArn: arn })).resolves.toMatchObject({
      policies: [expect.stringContaining('kms:Encrypt')],
    });

    // Deactivated: unknown to Authenticate at once, and announced on NATS (no secret).
    await admin.UpdateAccessKey({ accessKeyId: created.metadata!.accessKeyId, status: 'Inactive' });
    const err = await rejection(
      authorizer.Authenticate({ accessKeyId: created.metadata!.accessKeyId, ...scope }),
    );
    expect(err.code).toBe('UnrecognizedClientException');
    await expect
      .poll(() => changes, { timeout: 2_000 })
      .toContainEqual({ accessKeyId: created.metadata!.accessKeyId });
    expect(JSON.stringify(changes)).not.toContain(created.secretAccessKey);

    await admin.DeleteAccessKey({ accessKeyId: created.metadata!.accessKeyId });
    await admin.DeletePrincipal({ principalArn: arn });
    await expect(admin.ListPrincipals({ accountId: ACCOUNT })).resolves.toMatchObject({
      principals: [expect.objectContaining({ kind: 'root' }), expect.anything(), expect.anything()],
    });
  });

  it('announces a change however it was committed, from the outbox', async () => {
    // Committed without the admin API (as if the process died before announcing
    // it): the outbox relay still announces it.
    await directory.execute({
      type: 'UpdateAccessKey',
      accountId: ACCOUNT,
      at: new Date().toISOString(),
      accessKeyId: USER.accessKeyId,
      status: 'Inactive',
    });
    await expect
      .poll(() => changes, { timeout: 2_000 })
      .toContainEqual({ accessKeyId: USER.accessKeyId });
    await directory.execute({
      type: 'UpdateAccessKey',
      accountId: ACCOUNT,
      at: new Date().toISOString(),
      accessKeyId: USER.accessKeyId,
      status: 'Active',
    });
    // Nothing piles up in the outbox: every row is marked published.
    await expect
      .poll(
        async () => {
          const [row] = await db.sql<{ pending: number }[]>`
        select count(*)::int as pending from policy_authorizer.outbox where published_at is null`;
          return row!.pending;
        },
        { timeout: 2_000 },
      )
      .toBe(0);
  });

  it('denies a caller whose identity policies do not allow the IAM action', async () => {
    for (const call of [
      user.CreatePrincipal({ principalArn: `arn:aws:iam::${ACCOUNT}:user/mallory` }),
      user.CreateAccessKey({ owner: `arn:aws:iam::${ACCOUNT}:user/admin`, accountId: '' }),
      user.PutPrincipalPolicy({
        principalArn: `arn:aws:iam::${ACCOUNT}:user/dev`,
        policyName: 'all',
        policyDocument:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      }),
      user.CreateAccount({ accountId: '999988887777' }),
    ]) {
      const err = await rejection(call);
      expect(err.code).toBe('AccessDeniedException');
    }
    await expect(user.ListAccounts({})).resolves.toEqual({ accounts: [] });
  });

  it('rejects unsigned calls, unknown keys and bad signatures', async () => {
    const forged = createIdentityAdminClient(server.address, {
      ...ADMIN,
      secretAccessKey: 'wrong',
    });
    const ghost = createIdentityAdminClient(server.address, {
      accessKeyId: 'AKIAGHOST0000000000',
      secretAccessKey: 'x',
    });
    try {
      expect((await rejection(forged.ListAccounts({}))).code).toBe('InvalidSignatureException');
      expect((await rejection(ghost.ListAccounts({}))).code).toBe('UnrecognizedClientException');
    } finally {
      forged.close();
      ghost.close();
    }
  });

  it('validates policies, statuses and names AWS-style', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:user/dev`;
    const bad = await rejection(
      admin.PutPrincipalPolicy({
        principalArn: arn,
        policyName: 'x',
        policyDocument: '{"Version":"2012-10-17"}',
      }),
    );
    expect(bad.code).toBe('MalformedPolicyDocumentException');
    const status = await rejection(
      admin.UpdateAccessKey({ accessKeyId: USER.accessKeyId, status: 'Paused' }),
    );
    expect(status.code).toBe('ValidationException');
    expect((await rejection(admin.CreatePrincipal({ principalArn: 'alice' }))).code).toBe(
      'ValidationException',
    );
  });

  it('registers service principals whose access keys authenticate as the service', async () => {
    const name = 'objectstore.keyhold.internal';
    await admin.RegisterServicePrincipal({ accountId: ACCOUNT, name });
    const key = await admin.CreateAccessKey({ owner: name, accountId: ACCOUNT });
    const auth = await authorizer.Authenticate({
      accessKeyId: key.metadata!.accessKeyId,
      ...scope,
    });
    expect(auth.principal).toMatchObject({
      principalArn: name,
      servicePrincipal: name,
      accountId: ACCOUNT,
    });
    await admin.RemoveServicePrincipal({ accountId: ACCOUNT, name });
    const err = await rejection(
      authorizer.Authenticate({ accessKeyId: key.metadata!.accessKeyId, ...scope }),
    );
    expect(err.code).toBe('UnrecognizedClientException');
  });
});
