import { createLogger, deriveSigningKey } from '@keyhold/core';
import type { KmsError } from '@keyhold/core';
import { describe, expect, it } from 'vitest';
import { createAuthorizer, isScopeDate } from './authorizer.js';
import { parseIdentities } from './identities.js';
import { KeyReadModel } from './read-model.js';
import { event, keyCreated } from './test-events.js';

// Written out: a principal without policies has none (AWS gives no default).
const ALLOW_KMS = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'KeyholdDefault', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
};

const identities = parseIdentities(
  JSON.stringify({
    accounts: [
      {
        accountId: '111122223333',
        principals: [
          {
            arn: 'arn:aws:iam::111122223333:user/test',
            accessKeys: [{ accessKeyId: 'test', secretAccessKey: 'sekret' }],
            policies: [ALLOW_KMS],
          },
          {
            arn: 'arn:aws:iam::111122223333:user/readonly',
            accessKeys: [],
            policies: [
              {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'kms:Describe*', Resource: '*' }],
              },
            ],
          },
        ],
      },
      {
        accountId: '444455556666',
        principals: [
          { arn: 'arn:aws:iam::444455556666:user/eve', accessKeys: [], policies: [ALLOW_KMS] },
          { arn: 'arn:aws:iam::444455556666:user/nobody', accessKeys: [], policies: [] },
        ],
      },
    ],
  }),
);
const model = new KeyReadModel(createLogger({ service: 'test', level: 'silent' }));
const authorizer = createAuthorizer(identities, model, {
  catchUpMs: 50,
  now: () => new Date('2024-06-01T00:00:00Z'),
});
const ownKey = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const otherKey = 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const caller = {
  accountId: '111122223333',
  principalArn: 'arn:aws:iam::111122223333:user/test',
  region: 'us-east-1',
};

function thrown(fn: () => unknown): KmsError {
  try {
    fn();
  } catch (err) {
    return err as KmsError;
  }
  throw new Error('expected a throw');
}

describe('authenticate', () => {
  it('returns the principal and the signing key for the scope', () => {
    const out = authorizer.authenticate({
      accessKeyId: 'test',
      date: '20240131',
      region: 'eu-west-1',
      service: 'kms',
    });
    expect(out.principal).toEqual({
      accountId: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/test',
      accessKeyId: 'test',
    });
    expect(out.signingKey.equals(deriveSigningKey('sekret', '20240131', 'eu-west-1', 'kms'))).toBe(
      true,
    );
  });

  it('rejects an unknown access key with the AWS message', () => {
    const err = thrown(() =>
      authorizer.authenticate({
        accessKeyId: 'nobody',
        date: '20240131',
        region: 'us-east-1',
        service: 'kms',
      }),
    );
    expect(err.code).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it.each([
    { date: '2024-01-31', region: 'us-east-1', service: 'kms' },
    { date: '20240230', region: 'us-east-1', service: 'kms' },
    { date: '20240131', region: 'mars', service: 'kms' },
    { date: '20240131', region: 'us-east-1', service: 'KMS!' },
  ])('rejects a bad credential scope %o', (scope) => {
    const err = thrown(() => authorizer.authenticate({ accessKeyId: 'test', ...scope }));
    expect(err.code).toBe('IncompleteSignatureException');
    expect(err.message).not.toContain('sekret');
  });

  it('knows calendar dates', () => {
    expect(isScopeDate('20240229')).toBe(true);
    expect(isScopeDate('20230229')).toBe(false);
    expect(isScopeDate('20241301')).toBe(false);
    expect(isScopeDate('2024011')).toBe(false);
  });
});

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
model.apply(keyCreated(KEY_ID));
const key = ownKey;
const test = caller;

describe('authorize', () => {
  it('allows a caller of the key account through the key policy and its identity policy', async () => {
    await expect(
      authorizer.authorize({ ...test, action: 'kms:DescribeKey', resourceArn: key }),
    ).resolves.toEqual({
      allowed: true,
      reason:
        "allow: identity policy #0 statement 'KeyholdDefault' (key policy statement 'Enable IAM policies')",
    });
  });

  it('denies what the identity policies do not allow, saying so only in the reason', async () => {
    const decision = await authorizer.authorize({
      ...test,
      principalArn: 'arn:aws:iam::111122223333:user/readonly',
      action: 'kms:ScheduleKeyDeletion',
      resourceArn: key,
    });
    expect(decision).toEqual({
      allowed: false,
      message: `User: arn:aws:iam::111122223333:user/readonly is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${key} because no resource-based policy allows the kms:ScheduleKeyDeletion action`,
      reason: 'no allow',
    });
  });

  it('never lets another account manage the key, even with a key policy naming it', async () => {
    const id = '2234abcd-12ab-34cd-56ef-1234567890ab';
    model.apply(
      keyCreated(id, {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Everyone',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    );
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${id}`;
    const eve = {
      ...test,
      accountId: '444455556666',
      principalArn: 'arn:aws:iam::444455556666:user/eve',
    };
    expect(
      (await authorizer.authorize({ ...eve, action: 'kms:DescribeKey', resourceArn: arn })).allowed,
    ).toBe(true);
    expect(
      await authorizer.authorize({ ...eve, action: 'kms:ScheduleKeyDeletion', resourceArn: arn }),
    ).toMatchObject({ allowed: false, reason: 'no allow' });
    expect(
      await authorizer.authorize({
        ...eve,
        principalArn: 'arn:aws:iam::444455556666:user/nobody',
        action: 'kms:DescribeKey',
        resourceArn: arn,
      }),
    ).toMatchObject({ allowed: false, reason: 'no allow' });
  });

  it('applies a Deny added by PutKeyPolicy, naming the statement', async () => {
    const id = '3234abcd-12ab-34cd-56ef-1234567890ab';
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${id}`;
    model.apply(keyCreated(id));
    model.apply(
      event(id, 2, 'KeyPolicyPut', {
        policyName: 'default',
        at: '2024-06-01T00:00:00Z',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Enable IAM policies',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:root' },
              Action: 'kms:*',
              Resource: '*',
            },
            {
              Sid: 'NoDescribe',
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 'kms:DescribeKey',
              Resource: '*',
            },
          ],
        }),
      }),
    );
    expect(
      await authorizer.authorize({ ...test, action: 'kms:DescribeKey', resourceArn: arn }),
    ).toMatchObject({
      allowed: false,
      reason: "explicit deny: key policy statement 'NoDescribe'",
    });
  });

  it('lets a grant allowing CreateGrant create only narrower grants', async () => {
    const id = '7234abcd-12ab-34cd-56ef-1234567890ab';
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${id}`;
    const nobody = 'arn:aws:iam::444455556666:user/nobody';
    model.apply(keyCreated(id));
    model.apply(
      event(id, 2, 'GrantCreated', {
        grantId: 'g1',
        fingerprint: 'f1',
        granteePrincipal: nobody,
        operations: ['CreateGrant', 'Decrypt'],
        issuingAccount: '111122223333',
        constraints: { encryptionContextSubset: { tenant: 'a' } },
      }),
    );
    const createGrant = (operations: string[], subset?: Record<string, string>) =>
      authorizer.authorize({
        accountId: '444455556666',
        principalArn: nobody,
        region: 'us-east-1',
        action: 'kms:CreateGrant',
        resourceArn: arn,
        minVersion: 2,
        grant: {
          operations,
          granteePrincipal: nobody,
          ...(subset ? { constraints: { encryptionContextSubset: subset } } : {}),
        },
      });
    expect(await createGrant(['Decrypt'], { tenant: 'a', app: 'x' })).toMatchObject({
      allowed: true,
      reason: 'allow: grant g1',
    });
    // More operations than the grant has, or looser constraints: no.
    expect(await createGrant(['Decrypt', 'Encrypt'], { tenant: 'a' })).toMatchObject({
      allowed: false,
    });
    expect(await createGrant(['Decrypt'])).toMatchObject({ allowed: false });
  });

  it('judges request parameters and waits for the key version the caller saw', async () => {
    const id = '8234abcd-12ab-34cd-56ef-1234567890ab';
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${id}`;
    model.apply(
      keyCreated(id, {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'LongWindowsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 'kms:ScheduleKeyDeletion',
            Resource: '*',
            Condition: {
              NumericLessThan: { 'kms:ScheduleKeyDeletionPendingWindowInDays': '14' },
            },
          },
        ],
      }),
    );
    const schedule = (pendingWindowInDays: number, minVersion = 1) =>
      authorizer.authorize({
        ...test,
        action: 'kms:ScheduleKeyDeletion',
        resourceArn: arn,
        minVersion,
        parameters: { pendingWindowInDays },
      });
    expect(await schedule(7)).toMatchObject({
      allowed: false,
      reason: "explicit deny: key policy statement 'LongWindowsOnly'",
    });
    expect(await schedule(30)).toMatchObject({ allowed: true });
    // A version the read model has not reached yet: retryable, never a stale decision.
    await expect(schedule(30, 2)).rejects.toMatchObject({ code: 'DependencyTimeoutException' });
  });

  it('judges account-level actions by the identity policies alone', async () => {
    await expect(
      authorizer.authorize({ ...test, action: 'kms:CreateKey', resourceArn: '*' }),
    ).resolves.toMatchObject({ allowed: true });
    await expect(
      authorizer.authorize({
        ...test,
        principalArn: 'arn:aws:iam::111122223333:user/readonly',
        action: 'kms:CreateKey',
        resourceArn: '*',
      }),
    ).resolves.toMatchObject({ allowed: false, reason: 'no allow' });
  });

  it('denies a caller without an account', async () => {
    const decision = await authorizer.authorize({
      ...test,
      accountId: '',
      action: 'kms:ListKeys',
      resourceArn: '*',
    });
    expect(decision.allowed).toBe(false);
  });

  it('answers retryably when the read model does not know the key in time', async () => {
    const err = await authorizer
      .authorize({ ...test, action: 'kms:DescribeKey', resourceArn: otherKey })
      .catch((e: unknown) => e as KmsError);
    expect(err).toMatchObject({ code: 'DependencyTimeoutException' });
  });

  it('rejects a resource that is not a key ARN and an action that is not kms', async () => {
    await expect(
      authorizer.authorize({ ...test, action: 'kms:DescribeKey', resourceArn: 'key/x' }),
    ).rejects.toMatchObject({ code: 'InvalidArnException' });
    await expect(
      authorizer.authorize({ ...test, action: 'DescribeKey', resourceArn: key }),
    ).rejects.toMatchObject({ code: 'ValidationException' });
  });
});

describe('decisionBundle', () => {
  it('carries the key, its policy, grants and version', async () => {
    const id = '4234abcd-12ab-34cd-56ef-1234567890ab';
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${id}`;
    model.apply(keyCreated(id));
    const pending = authorizer.decisionBundle({ keyArn: arn, minVersion: 2, grantId: 'g1' });
    model.apply(
      event(id, 2, 'GrantCreated', {
        grantId: 'g1',
        name: '',
        granteePrincipal: 'arn:aws:iam::444455556666:user/eve',
        operations: ['Decrypt'],
        constraints: { encryptionContextSubset: { app: 'x' } },
        issuingAccount: '111122223333',
        fingerprint: 'f',
        at: '2024-06-01T00:00:00Z',
      }),
    );
    const bundle = await pending;
    expect(bundle).toMatchObject({
      keyArn: arn,
      keyAccountId: '111122223333',
      version: '2',
      keyState: 'Enabled',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      grants: [
        {
          grantId: 'g1',
          granteePrincipal: 'arn:aws:iam::444455556666:user/eve',
          retiringPrincipal: '',
          operations: ['Decrypt'],
          encryptionContextEquals: null,
          encryptionContextSubset: { pairs: { app: 'x' } },
          issuingAccount: '111122223333',
        },
      ],
    });
    expect(JSON.parse(bundle.keyPolicy ?? '')).toMatchObject({ Version: '2012-10-17' });
  });

  it('refuses to hand out a bundle older than the version the caller saw', async () => {
    await expect(authorizer.decisionBundle({ keyArn: key, minVersion: 9 })).rejects.toMatchObject({
      code: 'DependencyTimeoutException',
    });
  });

  it('rejects an invalid ARN', async () => {
    await expect(
      authorizer.decisionBundle({ keyArn: 'arn:aws:kms:us-east-1:1:key/x' }),
    ).rejects.toMatchObject({ code: 'InvalidArnException' });
  });
});

describe('identityPolicies', () => {
  it('serves the configured policies, or none', () => {
    expect(
      authorizer
        .identityPolicies('arn:aws:iam::111122223333:user/test')
        .policies.map((p) => JSON.parse(p)),
    ).toEqual([
      {
        Version: '2012-10-17',
        Statement: [{ Sid: 'KeyholdDefault', Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
      },
    ]);
    expect(authorizer.identityPolicies('arn:aws:iam::444455556666:user/nobody').policies).toEqual(
      [],
    );
    expect(authorizer.identityPolicies('arn:aws:iam::444455556666:user/ghost').policies).toEqual(
      [],
    );
  });
});
