import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ListRetirableGrantsCommand,
  PutKeyPolicyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftedQuotas, startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// Every key lifecycle operation through @aws-sdk/client-kms against the
// whole cluster, including the calls Terraform's aws_kms_key makes.

const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/test`;

let test: TestCluster;
let cluster: TestCluster['cluster'];
let kms: KMSClient;

async function failure(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected the call to fail');
  return err;
}

async function newKey(description = 'lifecycle'): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: description }));
  return { keyId: KeyMetadata!.KeyId!, arn: KeyMetadata!.Arn! };
}

beforeAll(async () => {
  const classes = [
    'CreateKey',
    'EnableKey',
    'DisableKey',
    'UpdateKeyDescription',
    'CancelKeyDeletion',
    'ScheduleKeyDeletion',
    'CreateAlias',
    'UpdateAlias',
    'DeleteAlias',
    'EnableKeyRotation',
    'DisableKeyRotation',
    'RotateKeyOnDemand',
    'PutKeyPolicy',
    'TagResource',
    'UntagResource',
  ];
  test = await startTestCluster({
    name: 'lifecycle',
    region: REGION,
    principals: [{ arn: USER, accessKeyId: 'test', secretAccessKey: 'test' }],
    quota: liftedQuotas(classes),
  });
  cluster = test.cluster;
  kms = new KMSClient({
    endpoint: cluster.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 3,
  });
});

afterAll(async () => {
  kms?.destroy();
  await test?.stop();
});

describe('key lifecycle through the AWS SDK', () => {
  it("serves Terraform's read path with the shapes it expects", async () => {
    const { keyId, arn } = await newKey();
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 180 }));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(described.KeyMetadata).toMatchObject({
      KeyId: keyId,
      Arn: arn,
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
    });
    const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
    expect(JSON.parse(policy.Policy!)).toMatchObject({
      Statement: [{ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*' }],
    });
    expect(policy.PolicyName).toBe('default');
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status.KeyRotationEnabled).toBe(true);
    expect(status.KeyId).toBe(arn);
    expect(status.RotationPeriodInDays).toBe(180);
    expect(status.NextRotationDate).toBeInstanceOf(Date);
    expect(status.NextRotationDate!.getTime()).toBeGreaterThan(Date.now() + 179 * 86_400_000);
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect(tags.Tags).toEqual([]);
    expect(tags.Truncated).toBe(false);

    await kms.send(new DisableKeyRotationCommand({ KeyId: keyId }));
    const off = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(off.KeyRotationEnabled).toBe(false);
    expect(off.NextRotationDate).toBeUndefined();
    expect((await kms.send(new ListKeyPoliciesCommand({ KeyId: keyId }))).PolicyNames).toEqual([
      'default',
    ]);
  });

  it("moves through the key states and serves Terraform's delete path", async () => {
    const { keyId, arn } = await newKey();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    let md = (await kms.send(new DescribeKeyCommand({ KeyId: arn }))).KeyMetadata!;
    expect([md.KeyState, md.Enabled]).toEqual(['Disabled', false]);
    const disabledRotation = await failure(
      kms.send(new EnableKeyRotationCommand({ KeyId: keyId })),
    );
    expect(disabledRotation.name).toBe('DisabledException');
    expect(disabledRotation.message).toBe(`${arn} is disabled.`);
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: 'renamed' }));
    md = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect([md.KeyState, md.Description]).toEqual(['Enabled', 'renamed']);

    const before = Date.now();
    const scheduled = await kms.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }),
    );
    expect(scheduled.KeyId).toBe(arn);
    expect(scheduled.KeyState).toBe('PendingDeletion');
    expect(scheduled.PendingWindowInDays).toBe(7);
    expect(scheduled.DeletionDate!.getTime()).toBeGreaterThanOrEqual(
      before + 7 * 86_400_000 - 2000,
    );
    const again = await failure(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 })),
    );
    expect(again.name).toBe('KMSInvalidStateException');
    expect(again.message).toContain('is pending deletion');
    expect(again.message).toBe(`${arn} is pending deletion.`);
    md = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect(md.KeyState).toBe('PendingDeletion');
    expect(md.DeletionDate?.getTime()).toBe(scheduled.DeletionDate!.getTime());
    expect(md.PendingDeletionWindowInDays).toBe(7);
    expect((await failure(kms.send(new EnableKeyCommand({ KeyId: keyId })))).name).toBe(
      'KMSInvalidStateException',
    );

    const canceled = await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect(canceled.KeyId).toBe(arn);
    md = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect(md.KeyState).toBe('Disabled');
    expect(md.DeletionDate).toBeUndefined();
    const notPending = await failure(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })));
    expect(notPending.name).toBe('KMSInvalidStateException');
    expect(notPending.message).toBe(`${arn} is not pending deletion.`);

    const window = await failure(
      kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 6 })),
    );
    expect(window.name).toBe('ValidationException');
  });

  it('creates, resolves, moves, lists and deletes aliases', async () => {
    const a = await newKey('alias target a');
    const b = await newKey('alias target b');
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: a.keyId }));
    for (const id of ['alias/orders', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`]) {
      expect((await kms.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata!.Arn).toBe(a.arn);
    }
    const secret = 'lifecycle plaintext sent through an alias';
    test.registerSecret(secret);
    // Data operations take an alias by name or by ARN, as AWS does.
    const viaAlias = await kms.send(
      new EncryptCommand({ KeyId: 'alias/orders', Plaintext: Buffer.from(secret) }),
    );
    expect(viaAlias.KeyId).toBe(a.arn);
    const viaAliasArn = await kms.send(
      new EncryptCommand({
        KeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`,
        Plaintext: Buffer.from(secret),
      }),
    );
    expect(viaAliasArn.KeyId).toBe(a.arn);

    const dup = await failure(
      kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: b.keyId })),
    );
    expect(dup.name).toBe('AlreadyExistsException');
    const reserved = await failure(
      kms.send(new CreateAliasCommand({ AliasName: 'alias/aws/mine', TargetKeyId: b.keyId })),
    );
    expect(reserved.name).toBe('InvalidAliasNameException');
    const noPrefix = await failure(
      kms.send(new CreateAliasCommand({ AliasName: 'orders', TargetKeyId: b.keyId })),
    );
    expect(noPrefix.name).toBe('InvalidAliasNameException');
    const badChars = await failure(
      kms.send(new CreateAliasCommand({ AliasName: 'alias/a b', TargetKeyId: b.keyId })),
    );
    expect(badChars.name).toBe('ValidationException');
    // Management operations do not take aliases.
    expect((await failure(kms.send(new DisableKeyCommand({ KeyId: 'alias/orders' })))).name).toBe(
      'NotFoundException',
    );

    const ofA = await kms.send(new ListAliasesCommand({ KeyId: a.keyId }));
    expect(ofA.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/orders',
        AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`,
        TargetKeyId: a.keyId,
      }),
    ]);
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: b.keyId }));
    expect(
      (await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }))).KeyMetadata!.Arn,
    ).toBe(b.arn);
    expect((await kms.send(new ListAliasesCommand({ KeyId: a.keyId }))).Aliases).toEqual([]);
    // The old ciphertext still decrypts: it names its key, not the alias.
    const back = await kms.send(new DecryptCommand({ CiphertextBlob: viaAlias.CiphertextBlob! }));
    expect(Buffer.from(back.Plaintext!).toString()).toBe(secret);

    for (let i = 0; i < 3; i++) {
      await kms.send(
        new CreateAliasCommand({ AliasName: `alias/page-${i}`, TargetKeyId: b.keyId }),
      );
    }
    const names: string[] = [];
    let marker: string | undefined;
    for (let i = 0; i < 10; i++) {
      const p = await kms.send(
        new ListAliasesCommand({ KeyId: b.keyId, Limit: 2, ...(marker ? { Marker: marker } : {}) }),
      );
      names.push(...p.Aliases!.map((x) => x.AliasName!));
      if (!p.Truncated) break;
      marker = p.NextMarker;
    }
    expect(names).toEqual(['alias/orders', 'alias/page-0', 'alias/page-1', 'alias/page-2']);

    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/orders' }));
    expect((await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' })))).name).toBe(
      'NotFoundException',
    );
    expect(
      (await failure(kms.send(new DeleteAliasCommand({ AliasName: 'alias/orders' })))).name,
    ).toBe('NotFoundException');
  });

  it('creates an AWS managed key on first use of alias/aws/<service>', async () => {
    const first = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(first.KeyMetadata).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled' });
    const again = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(again.KeyMetadata!.KeyId).toBe(first.KeyMetadata!.KeyId);
    const status = await kms.send(
      new GetKeyRotationStatusCommand({ KeyId: first.KeyMetadata!.KeyId! }),
    );
    expect([status.KeyRotationEnabled, status.RotationPeriodInDays]).toEqual([true, 365]);
    const put = await failure(
      kms.send(
        new PutKeyPolicyCommand({
          KeyId: first.KeyMetadata!.KeyId!,
          PolicyName: 'default',
          Policy: '{}',
        }),
      ),
    );
    // The managed key's own policy allows no PutKeyPolicy (AccessDenied, as in
    // AWS, once the authorizer evaluates key policies); key-manager refuses too.
    expect(['AccessDeniedException', 'UnsupportedOperationException']).toContain(put.name);
    // Any first reference creates it; DescribeKey is one the managed key's
    // policy allows directly (crypto use is only through the service).
    const ebs = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    const aliases = await kms.send(new ListAliasesCommand({ Limit: 100 }));
    const managed = aliases
      .Aliases!.filter((x) => x.AliasName!.startsWith('alias/aws/') && x.TargetKeyId)
      .map((x) => x.AliasName);
    expect(managed.sort()).toEqual(['alias/aws/ebs', 'alias/aws/s3']);
    // As in AWS, predefined aliases whose key does not exist yet are listed without a target.
    expect(aliases.Aliases!.find((x) => x.AliasName === 'alias/aws/lambda')).toEqual({
      AliasName: 'alias/aws/lambda',
      AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/lambda`,
    });
    expect(ebs.KeyMetadata!.Arn).toMatch(/^arn:aws:kms:/);
  });

  it('rotates on demand and keeps every earlier ciphertext decryptable', async () => {
    const { keyId, arn } = await newKey();
    const [one, two] = [
      'lifecycle plaintext before rotation',
      'lifecycle plaintext after rotation',
    ];
    test.registerSecret(one);
    test.registerSecret(two);
    const v1 = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(one) }));
    expect((await kms.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).KeyId).toBe(arn);
    // Give crypto-worker the rotation event (it drops its cached key on any key event).
    let v2;
    for (let i = 0; i < 50; i++) {
      v2 = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(two) }));
      if (Buffer.compare(Buffer.from(v2.CiphertextBlob!), Buffer.from(v1.CiphertextBlob!)) !== 0)
        break;
    }
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    expect(rotations.Rotations).toEqual([
      expect.objectContaining({
        KeyId: arn,
        RotationType: 'ON_DEMAND',
        RotationDate: expect.any(Date),
        KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/),
        KeyMaterialState: 'CURRENT',
      }),
    ]);
    // ALL_KEY_MATERIAL adds the first material, now NON_CURRENT and not a rotation.
    const all = await kms.send(
      new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }),
    );
    expect(all.Rotations!.map((r) => [r.KeyMaterialState, r.RotationType])).toEqual([
      ['NON_CURRENT', undefined],
      ['CURRENT', 'ON_DEMAND'],
    ]);
    expect(all.Rotations![1]!.KeyMaterialId).toBe(rotations.Rotations![0]!.KeyMaterialId);
    expect(all.Rotations![0]!.KeyMaterialId).not.toBe(all.Rotations![1]!.KeyMaterialId);
    // Rotations are synchronous in Keyhold: none is ever seen in progress.
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status.OnDemandRotationStartDate).toBeUndefined();
    for (const [blob, text] of [
      [v1.CiphertextBlob!, one],
      [v2!.CiphertextBlob!, two],
    ] as const) {
      const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));
      expect(Buffer.from(out.Plaintext!).toString()).toBe(text);
    }
  });

  it('stores key policies and names what is wrong with a malformed one', async () => {
    const { keyId } = await newKey();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'root',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    await kms.send(
      new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: policy }),
    );
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(policy);
    const notJson = await failure(
      kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: '{nope' })),
    );
    expect(notJson.name).toBe('MalformedPolicyDocumentException');
    expect(notJson.message).toMatch(/not valid JSON/);
    const noEffect = await failure(
      kms.send(
        new PutKeyPolicyCommand({
          KeyId: keyId,
          PolicyName: 'default',
          Policy: JSON.stringify({ Statement: [{ Principal: '*', Action: 'kms:*' }] }),
        }),
      ),
    );
    expect(noEffect.name).toBe('MalformedPolicyDocumentException');
    expect(noEffect.message).toMatch(/Statement\[0\].*Effect/);
    // The lockout safety check: a policy that shuts the caller out needs the bypass.
    const elsewhere = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    const lockout = await failure(
      kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: elsewhere })),
    );
    expect([lockout.name, lockout.message]).toEqual([
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    ]);
    const created = await failure(kms.send(new CreateKeyCommand({ Policy: elsewhere })));
    expect(created.name).toBe('MalformedPolicyDocumentException');
    // Read-only for the account: no later PutKeyPolicy, so only with the bypass.
    const readOnly = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ['kms:Get*', 'kms:Describe*'],
          Resource: '*',
        },
      ],
    });
    expect(
      (await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: readOnly })))).name,
    ).toBe('MalformedPolicyDocumentException');
    await kms.send(
      new PutKeyPolicyCommand({
        KeyId: keyId,
        Policy: readOnly,
        BypassPolicyLockoutSafetyCheck: true,
      }),
    );
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(readOnly);
  });

  it('creates, lists, retires and revokes grants', async () => {
    const { keyId, arn } = await newKey();
    const grant = {
      KeyId: keyId,
      GranteePrincipal: 'arn:aws:iam::111122223333:role/app',
      RetiringPrincipal: USER,
      Operations: ['Encrypt' as const, 'Decrypt' as const],
      Constraints: { EncryptionContextSubset: { tenant: 'acme' } },
      Name: 'app-grant',
    };
    const g1 = await kms.send(new CreateGrantCommand(grant));
    expect(g1.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(g1.GrantToken!, 'base64').length).toBeGreaterThan(0);
    // Same Name, same parameters: the same grant, a new token.
    const g1again = await kms.send(new CreateGrantCommand(grant));
    expect(g1again.GrantId).toBe(g1.GrantId);
    const g2 = await kms.send(
      new CreateGrantCommand({
        KeyId: arn,
        GranteePrincipal: 'arn:aws:iam::111122223333:role/other',
        Operations: ['DescribeKey'],
      }),
    );
    const bad = await failure(
      kms.send(
        new CreateGrantCommand({
          KeyId: keyId,
          GranteePrincipal: 'arn:aws:iam::111122223333:role/x',
          Operations: ['Sign'],
        }),
      ),
    );
    expect(bad.name).toBe('ValidationException');

    const listed = await kms.send(new ListGrantsCommand({ KeyId: keyId }));
    expect(listed.Grants!.map((g) => g.GrantId)).toEqual([g1.GrantId, g2.GrantId]);
    expect(listed.Grants![0]).toMatchObject({
      KeyId: keyId,
      Name: 'app-grant',
      GranteePrincipal: grant.GranteePrincipal,
      RetiringPrincipal: USER,
      Operations: ['Encrypt', 'Decrypt'],
      Constraints: { EncryptionContextSubset: { tenant: 'acme' } },
      IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
    });
    const retirable = await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: USER }));
    expect(retirable.Grants!.map((g) => g.GrantId)).toContain(g1.GrantId);

    await kms.send(new RetireGrantCommand({ GrantToken: g1.GrantToken! }));
    await kms.send(new RevokeGrantCommand({ KeyId: keyId, GrantId: g2.GrantId! }));
    expect((await kms.send(new ListGrantsCommand({ KeyId: keyId }))).Grants).toEqual([]);
    const gone = await failure(
      kms.send(new RevokeGrantCommand({ KeyId: keyId, GrantId: g2.GrantId! })),
    );
    expect(gone.name).toBe('NotFoundException');
    const dry = await failure(
      kms.send(
        new CreateGrantCommand({
          KeyId: keyId,
          GranteePrincipal: USER,
          Operations: ['Encrypt'],
          DryRun: true,
        }),
      ),
    );
    expect(dry.name).toBe('DryRunOperationException');
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const disabled = await failure(
      kms.send(
        new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: USER, Operations: ['Encrypt'] }),
      ),
    );
    expect(disabled.name).toBe('DisabledException');
  });

  it('tags and untags a key within the AWS limits', async () => {
    const { keyId } = await newKey();
    await kms.send(
      new TagResourceCommand({
        KeyId: keyId,
        Tags: [
          { TagKey: 'team', TagValue: 'payments' },
          { TagKey: 'env', TagValue: 'dev' },
        ],
      }),
    );
    await kms.send(
      new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'env', TagValue: 'prod' }] }),
    );
    await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['team'] }));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([
      { TagKey: 'env', TagValue: 'prod' },
    ]);
    const reserved = await failure(
      kms.send(
        new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'aws:x', TagValue: 'v' }] }),
      ),
    );
    expect(reserved.name).toBe('TagException');
    const many = Array.from({ length: 50 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' }));
    const tooMany = await failure(kms.send(new TagResourceCommand({ KeyId: keyId, Tags: many })));
    expect(tooMany.name).toBe('LimitExceededException');
    const page1 = await kms.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 1 }));
    expect(page1.Truncated).toBe(false);
  });

  it('lists AWS managed keys with customer keys', async () => {
    const keys = await kms.send(new ListKeysCommand({ Limit: 1000 }));
    const s3 = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(keys.Keys!.map((k) => k.KeyId)).toContain(s3.KeyMetadata!.KeyId);
  });
});
