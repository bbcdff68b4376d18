import { describe, expect, it } from 'vitest';
import type { KeyCreated, KeyEvent } from '@keyhold/bus';
import { deciderSpec } from '@keyhold/eventstore/testing';
import type { KeyCommand } from './commands.js';
import { decide, defaultKeyPolicy, grantFingerprint, keyDecider } from './decide.js';
import { evolve, initialState } from './state.js';

const now = new Date('2024-05-01T12:00:00.000Z');
const at = now.toISOString();
const DAY = 86_400_000;
const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const accountId = '111122223333';
const region = 'eu-west-1';
const arn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
const base = { keyId, arn, accountId, region };
const spec = deciderSpec(keyDecider);

const created = (keyManager: 'CUSTOMER' | 'AWS' = 'CUSTOMER'): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    ...base,
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    keyManager,
    multiRegion: false,
    policy: defaultKeyPolicy(accountId),
    tags: [],
    createdAt: at,
    materialVersion: 1,
  },
});
const disabled: KeyEvent = { type: 'KeyDisabled', data: { ...base, at } };
const pending: KeyEvent = {
  type: 'KeyDeletionScheduled',
  data: {
    ...base,
    deletionDate: new Date(now.getTime() + 7 * DAY).toISOString(),
    pendingWindowInDays: 7,
    at,
  },
};
const deleted: KeyEvent = { type: 'KeyDeleted', data: { ...base, at } };

/** The histories of each state that matters. */
const STATES = {
  Nonexistent: [] as KeyEvent[],
  Enabled: [created()],
  Disabled: [created(), disabled],
  PendingDeletion: [created(), pending],
  Deleted: [created(), pending, deleted],
  AwsManaged: [created('AWS')],
};
type StateName = keyof typeof STATES;

function cmd<T extends KeyCommand['type']>(
  type: T,
  data: Omit<Extract<KeyCommand, { type: T }>['data'], 'keyId'> = {} as never,
  when = now,
): KeyCommand {
  return { type, data: { keyId, ...data }, metadata: { now: when } } as KeyCommand;
}

const IS_PENDING = ['KMSInvalidStateException', `${arn} is pending deletion.`] as const;
const IS_DISABLED = ['DisabledException', `${arn} is disabled.`] as const;
const NOT_FOUND_NEW = ['NotFoundException', `Key '${keyId}' does not exist`] as const;
const NOT_FOUND_DELETED = ['NotFoundException', `Key '${arn}' does not exist`] as const;
const AWS_MANAGED = ['UnsupportedOperationException', /is an AWS managed key/] as const;

type Outcome = 'ok' | 'noop' | readonly [string, string | RegExp];

/**
 * The AWS key state x operation matrix, one row per command: what each
 * state answers. 'ok' means at least one event, 'noop' none.
 */
const MATRIX: Array<[string, KeyCommand, Partial<Record<StateName, Outcome>>]> = [
  [
    'EnableKey',
    cmd('EnableKey'),
    {
      Enabled: 'noop',
      Disabled: 'ok',
      PendingDeletion: IS_PENDING,
      Nonexistent: NOT_FOUND_NEW,
      Deleted: NOT_FOUND_DELETED,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'DisableKey',
    cmd('DisableKey'),
    {
      Enabled: 'ok',
      Disabled: 'noop',
      PendingDeletion: IS_PENDING,
      Nonexistent: NOT_FOUND_NEW,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'UpdateKeyDescription',
    cmd('UpdateKeyDescription', { description: 'new' }),
    { Enabled: 'ok', Disabled: 'ok', PendingDeletion: IS_PENDING, Deleted: NOT_FOUND_DELETED },
  ],
  [
    'ScheduleKeyDeletion',
    cmd('ScheduleKeyDeletion', { pendingWindowInDays: 7 }),
    {
      Enabled: 'ok',
      Disabled: 'ok',
      PendingDeletion: IS_PENDING,
      Nonexistent: NOT_FOUND_NEW,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'CancelKeyDeletion',
    cmd('CancelKeyDeletion'),
    {
      PendingDeletion: 'ok',
      Enabled: ['KMSInvalidStateException', `${arn} is not pending deletion.`],
      Disabled: ['KMSInvalidStateException', `${arn} is not pending deletion.`],
      Deleted: NOT_FOUND_DELETED,
    },
  ],
  [
    'DeleteKey (due)',
    cmd('DeleteKey', {}, new Date(now.getTime() + 7 * DAY)),
    {
      PendingDeletion: 'ok',
      Enabled: 'noop',
      Disabled: 'noop',
      Deleted: 'noop',
      Nonexistent: 'noop',
    },
  ],
  [
    'DeleteKey (early)',
    cmd('DeleteKey', {}, new Date(now.getTime() + 7 * DAY - 1)),
    { PendingDeletion: 'noop' },
  ],
  [
    'PutKeyPolicy',
    cmd('PutKeyPolicy', { policy: defaultKeyPolicy(accountId) }),
    {
      Enabled: 'ok',
      Disabled: 'ok',
      PendingDeletion: 'ok',
      Deleted: NOT_FOUND_DELETED,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'TagResource',
    cmd('TagResource', { tags: [{ tagKey: 'a', tagValue: 'b' }] }),
    {
      Enabled: 'ok',
      Disabled: 'ok',
      PendingDeletion: IS_PENDING,
      Nonexistent: NOT_FOUND_NEW,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'UntagResource (absent key)',
    cmd('UntagResource', { tagKeys: ['a'] }),
    { Enabled: 'noop', Disabled: 'noop', PendingDeletion: IS_PENDING },
  ],
  [
    'CreateAlias',
    cmd('CreateAlias', { aliasName: 'alias/a' }),
    {
      Enabled: 'ok',
      Disabled: 'ok',
      PendingDeletion: IS_PENDING,
      Deleted: NOT_FOUND_DELETED,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'UpdateAlias (to this key)',
    cmd('UpdateAlias', { aliasName: 'alias/a', previousKeyId: 'other' }),
    { Enabled: 'ok', Disabled: 'ok', PendingDeletion: IS_PENDING },
  ],
  [
    'DeleteAlias',
    cmd('DeleteAlias', { aliasName: 'alias/a' }),
    { Enabled: 'ok', Disabled: 'ok', PendingDeletion: 'ok', Nonexistent: NOT_FOUND_NEW },
  ],
  [
    'EnableKeyRotation',
    cmd('EnableKeyRotation', {}),
    { Enabled: 'ok', Disabled: IS_DISABLED, PendingDeletion: IS_PENDING, AwsManaged: AWS_MANAGED },
  ],
  [
    'DisableKeyRotation (not enabled)',
    cmd('DisableKeyRotation'),
    {
      Enabled: 'noop',
      Disabled: IS_DISABLED,
      PendingDeletion: IS_PENDING,
      AwsManaged: AWS_MANAGED,
    },
  ],
  [
    'RotateKey ON_DEMAND',
    cmd('RotateKey', { materialVersion: 2, rotationType: 'ON_DEMAND' }),
    {
      Enabled: 'ok',
      Disabled: IS_DISABLED,
      PendingDeletion: IS_PENDING,
      AwsManaged: AWS_MANAGED,
      Deleted: NOT_FOUND_DELETED,
    },
  ],
  [
    'RotateKey AUTOMATIC (rotation off)',
    cmd('RotateKey', { materialVersion: 2, rotationType: 'AUTOMATIC' }),
    { Enabled: 'noop', Disabled: 'noop', PendingDeletion: 'noop', Deleted: 'noop' },
  ],
  [
    'CreateGrant',
    cmd('CreateGrant', {
      grantId: 'g'.repeat(64),
      granteePrincipal: 'arn:aws:iam::111122223333:role/app',
      operations: ['Encrypt'],
      issuingAccount: accountId,
      maxGrants: 10,
    }),
    {
      Enabled: 'ok',
      AwsManaged: 'ok',
      Disabled: IS_DISABLED,
      PendingDeletion: IS_PENDING,
      Nonexistent: NOT_FOUND_NEW,
    },
  ],
];

describe('the key state x operation matrix', () => {
  for (const [name, command, outcomes] of MATRIX) {
    for (const [state, outcome] of Object.entries(outcomes) as Array<[StateName, Outcome]>) {
      it(`${name} on ${state}: ${typeof outcome === 'string' ? outcome : outcome[0]}`, () => {
        const given = spec.given(STATES[state]).when(command);
        if (outcome === 'noop') given.then([]);
        else if (outcome === 'ok') {
          const fold = STATES[state].reduce(evolve, initialState());
          expect(decide(command, fold).length).toBeGreaterThan(0);
        } else given.thenThrows(outcome[0] as never, outcome[1]);
      });
    }
  }
});

describe('key lifecycle decisions', () => {
  it('schedules deletion 7..30 days out, 30 by default, and cancels to Disabled', () => {
    spec
      .given([created()])
      .when(cmd('ScheduleKeyDeletion', {}))
      .then([
        {
          type: 'KeyDeletionScheduled',
          data: {
            ...base,
            deletionDate: new Date(now.getTime() + 30 * DAY).toISOString(),
            pendingWindowInDays: 30,
            at,
          },
        },
      ]);
    for (const [days, message] of [
      [6, /greater than or equal to 7$/],
      [31, /less than or equal to 30$/],
    ] as const) {
      spec
        .given([created()])
        .when(cmd('ScheduleKeyDeletion', { pendingWindowInDays: days }))
        .thenThrows('ValidationException', message);
    }
    spec
      .given([created(), pending])
      .when(cmd('CancelKeyDeletion'))
      .then([{ type: 'KeyDeletionCanceled', data: { ...base, at } }]);
    const state = [
      created(),
      pending,
      { type: 'KeyDeletionCanceled', data: { ...base, at } } as KeyEvent,
    ].reduce(evolve, initialState());
    expect(state.status).toBe('Disabled');
  });

  it('deletes a key exactly at its deletion date, once', () => {
    const due = new Date(now.getTime() + 7 * DAY);
    spec
      .given([created(), pending])
      .when(cmd('DeleteKey', {}, due))
      .then([{ type: 'KeyDeleted', data: { ...base, at: due.toISOString() } }]);
    spec
      .given([created(), pending, deleted])
      .when(cmd('DeleteKey', {}, due))
      .then([]);
  });

  it('rejects descriptions over 8192 characters', () => {
    spec
      .given([created()])
      .when(cmd('UpdateKeyDescription', { description: 'd'.repeat(8193) }))
      .thenThrows('ValidationException', /less than or equal to 8192$/);
  });

  it('refuses a policy that would lock the caller out, unless told to bypass the check', () => {
    const caller = { principalArn: `arn:aws:iam::${accountId}:user/alice`, accountId, region };
    const otherAccountOnly = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    const put = (policy: string, bypass?: boolean) =>
      spec.given([created()]).when(
        cmd('PutKeyPolicy', {
          policy,
          caller,
          ...(bypass !== undefined ? { bypassPolicyLockoutSafetyCheck: bypass } : {}),
        }),
      );
    put(otherAccountOnly).thenThrows(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
    put(otherAccountOnly, false).thenThrows('MalformedPolicyDocumentException');
    put(otherAccountOnly, true).then([
      {
        type: 'KeyPolicyPut',
        data: { ...base, policyName: 'default', policy: otherAccountOnly, at },
      },
    ]);
    // The account root delegates to IAM: the caller keeps PutKeyPolicy.
    put(defaultKeyPolicy(accountId)).then([
      {
        type: 'KeyPolicyPut',
        data: { ...base, policyName: 'default', policy: defaultKeyPolicy(accountId), at },
      },
    ]);
    // An explicit Deny of PutKeyPolicy to the caller locks it out too.
    const denyAlice = JSON.stringify({
      Statement: [
        JSON.parse(defaultKeyPolicy(accountId)).Statement[0],
        {
          Effect: 'Deny',
          Principal: { AWS: caller.principalArn },
          Action: 'kms:PutKeyPolicy',
          Resource: '*',
        },
      ],
    });
    put(denyAlice).thenThrows('MalformedPolicyDocumentException', /will not allow you/);
    // A network guard rail is judged by the request's own source address.
    const denyOutside = JSON.stringify({
      Statement: [
        JSON.parse(defaultKeyPolicy(accountId)).Statement[0],
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          Resource: '*',
          Condition: { NotIpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    });
    const putFrom = (sourceIp: string) =>
      spec
        .given([created()])
        .when(cmd('PutKeyPolicy', { policy: denyOutside, caller: { ...caller, sourceIp } }));
    putFrom('10.1.2.3').then([
      {
        type: 'KeyPolicyPut',
        data: { ...base, policyName: 'default', policy: denyOutside, at },
      },
    ]);
    putFrom('192.0.2.1').thenThrows('MalformedPolicyDocumentException', /will not allow you/);
    // So is a "through our service only" rule, by the request's kms:ViaService.
    const viaStoreOnly = JSON.stringify({
      Statement: [
        JSON.parse(defaultKeyPolicy(accountId)).Statement[0],
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'kms:ViaService': 'store.keyhold.internal' } },
        },
      ],
    });
    const putVia = (viaService?: string) =>
      spec.given([created()]).when(
        cmd('PutKeyPolicy', {
          policy: viaStoreOnly,
          caller: { ...caller, ...(viaService ? { viaService } : {}) },
        }),
      );
    putVia('store.keyhold.internal').then([
      {
        type: 'KeyPolicyPut',
        data: { ...base, policyName: 'default', policy: viaStoreOnly, at },
      },
    ]);
    putVia().thenThrows('MalformedPolicyDocumentException', /will not allow you/);
  });

  it('validates key policies and names the problem', () => {
    const put = (policy: string) => spec.given([created()]).when(cmd('PutKeyPolicy', { policy }));
    put('{').thenThrows('MalformedPolicyDocumentException', /^Policy is not valid JSON/);
    put('{"Version":"2012-10-17"}').thenThrows(
      'MalformedPolicyDocumentException',
      'Policy is missing Statement',
    );
    put('{"Statement":[{"Effect":"Maybe","Principal":"*"}]}').thenThrows(
      'MalformedPolicyDocumentException',
      'Statement[0].Effect must be "Allow" or "Deny", not "Maybe"',
    );
    put('{"Statement":[{"Sid":"x","Effect":"Allow"}]}').thenThrows(
      'MalformedPolicyDocumentException',
      'Statement[0] (Sid "x") is missing Principal',
    );
    put('{"Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"}}]}').thenThrows(
      'MalformedPolicyDocumentException',
      /Statement\[0\]\.Principal.*bob/,
    );
    put('{"Version":"2099-01-01","Statement":[]}').thenThrows(
      'MalformedPolicyDocumentException',
      /^Version must be one of/,
    );
    put('{"Statement":[],"x":"\u0100"}').thenThrows(
      'MalformedPolicyDocumentException',
      /character outside/,
    );
    put(JSON.stringify({ Statement: [], pad: 'x'.repeat(32_768) })).thenThrows(
      'LimitExceededException',
    );
    spec
      .given([created()])
      .when(cmd('PutKeyPolicy', { policyName: 'other', policy: defaultKeyPolicy(accountId) }))
      .thenThrows('NotFoundException');
  });

  it('merges tags up to 50 and rejects invalid ones', () => {
    const tags = (n: number, prefix = 'k') =>
      Array.from({ length: n }, (_, i) => ({ tagKey: `${prefix}${i}`, tagValue: 'v' }));
    const tagged: KeyEvent = { type: 'KeyTagged', data: { ...base, tags: tags(49), at } };
    spec
      .given([created(), tagged])
      .when(cmd('TagResource', { tags: tags(1, 'x') }))
      .then([{ type: 'KeyTagged', data: { ...base, tags: tags(1, 'x'), at } }]);
    // Overwriting an existing key does not count twice.
    spec
      .given([created(), tagged])
      .when(cmd('TagResource', { tags: tags(1) }))
      .then([{ type: 'KeyTagged', data: { ...base, tags: tags(1), at } }]);
    spec
      .given([created(), tagged])
      .when(cmd('TagResource', { tags: tags(2, 'x') }))
      .thenThrows('LimitExceededException');
    spec
      .given([created()])
      .when(cmd('TagResource', { tags: [{ tagKey: 'aws:x', tagValue: '' }] }))
      .thenThrows('TagException');
    spec
      .given([created(), tagged])
      .when(cmd('UntagResource', { tagKeys: ['k0', 'nope'] }))
      .then([{ type: 'KeyUntagged', data: { ...base, tagKeys: ['k0'], at } }]);
  });

  it('checks alias names: prefix, reserved prefix, characters', () => {
    const alias = (aliasName: string) =>
      spec.given([created()]).when(cmd('CreateAlias', { aliasName }));
    alias('orders').thenThrows('InvalidAliasNameException');
    alias('alias/').thenThrows('InvalidAliasNameException');
    alias('alias/aws/s3').thenThrows(
      'InvalidAliasNameException',
      'Alias names that begin with "alias/aws/" are reserved.',
    );
    alias('alias/a b').thenThrows('ValidationException', /regular expression pattern/);
    alias(`alias/${'a'.repeat(251)}`).thenThrows(
      'ValidationException',
      /less than or equal to 256$/,
    );
    alias(`alias/${'a'.repeat(250)}`).then([
      { type: 'AliasCreated', data: { ...base, aliasName: `alias/${'a'.repeat(250)}`, at } },
    ]);
  });

  it('creates an AWS managed key with its alias and yearly rotation, once', () => {
    const command = cmd('CreateManagedKey', { accountId, region, aliasName: 'alias/aws/s3' });
    const events = decide(command, initialState());
    expect(events.map((e) => e.type)).toEqual(['KeyCreated', 'KeyRotationEnabled', 'AliasCreated']);
    expect(events[0]!.data).toMatchObject({
      keyManager: 'AWS',
      description: expect.stringContaining('s3'),
    });
    expect(events[1]!.data).toMatchObject({ rotationPeriodInDays: 365 });
    spec.given(events).when(command).then([]);
  });

  it('enables rotation with a 90..2560 day period, 365 by default', () => {
    spec
      .given([created()])
      .when(cmd('EnableKeyRotation', {}))
      .then([
        {
          type: 'KeyRotationEnabled',
          data: {
            ...base,
            rotationPeriodInDays: 365,
            nextRotationDate: new Date(now.getTime() + 365 * DAY).toISOString(),
            at,
          },
        },
      ]);
    spec
      .given([created()])
      .when(cmd('EnableKeyRotation', { rotationPeriodInDays: 89 }))
      .thenThrows('ValidationException', /greater than or equal to 90$/);
    spec
      .given([created()])
      .when(cmd('EnableKeyRotation', { rotationPeriodInDays: 2561 }))
      .thenThrows('ValidationException', /less than or equal to 2560$/);
    const enabled = decide(
      cmd('EnableKeyRotation', { rotationPeriodInDays: 90 }),
      [created()].reduce(evolve, initialState()),
    );
    spec
      .given([created(), ...enabled])
      .when(cmd('EnableKeyRotation', { rotationPeriodInDays: 90 }))
      .then([]);
    spec
      .given([created(), ...enabled])
      .when(cmd('DisableKeyRotation'))
      .then([{ type: 'KeyRotationDisabled', data: { ...base, at } }]);
  });

  it('rotates automatically only when due, and on demand at most 25 times', () => {
    const enabled = decide(
      cmd('EnableKeyRotation', { rotationPeriodInDays: 90 }),
      [created()].reduce(evolve, initialState()),
    );
    const due = new Date(now.getTime() + 90 * DAY);
    spec
      .given([created(), ...enabled])
      .when(
        cmd(
          'RotateKey',
          { materialVersion: 2, rotationType: 'AUTOMATIC' },
          new Date(due.getTime() - 1),
        ),
      )
      .then([]);
    spec
      .given([created(), ...enabled])
      .when(cmd('RotateKey', { materialVersion: 2, rotationType: 'AUTOMATIC' }, due))
      .then([
        {
          type: 'KeyMaterialRotated',
          data: {
            ...base,
            materialVersion: 2,
            rotationType: 'AUTOMATIC',
            nextRotationDate: new Date(due.getTime() + 90 * DAY).toISOString(),
            at: due.toISOString(),
          },
        },
      ]);
    const rotations: KeyEvent[] = Array.from({ length: 25 }, (_, i) => ({
      type: 'KeyMaterialRotated',
      data: { ...base, materialVersion: i + 2, rotationType: 'ON_DEMAND', at },
    }));
    spec
      .given([created(), ...rotations.slice(0, 24)])
      .when(cmd('RotateKey', { materialVersion: 26, rotationType: 'ON_DEMAND' }))
      .then([
        {
          type: 'KeyMaterialRotated',
          data: { ...base, materialVersion: 26, rotationType: 'ON_DEMAND', at },
        },
      ]);
    spec
      .given([created(), ...rotations])
      .when(cmd('RotateKey', { materialVersion: 27, rotationType: 'ON_DEMAND' }))
      .thenThrows('LimitExceededException');
    spec
      .given([created()])
      .when(cmd('RotateKey', { materialVersion: 3, rotationType: 'ON_DEMAND' }))
      .thenThrows('ConflictException');
  });

  it('creates grants once per Name and parameters, within the quota', () => {
    const data = {
      grantId: 'a'.repeat(64),
      name: 'app',
      granteePrincipal: 'arn:aws:iam::111122223333:role/app',
      operations: ['Encrypt', 'Decrypt'],
      issuingAccount: accountId,
      maxGrants: 2,
    };
    const first = decide(cmd('CreateGrant', data), [created()].reduce(evolve, initialState()));
    expect(first).toHaveLength(1);
    expect(first[0]!.data).toMatchObject({
      grantId: data.grantId,
      fingerprint: grantFingerprint({ keyId, ...data }),
    });
    // Same name and parameters: nothing new (the handler answers with the first id).
    spec
      .given([created(), ...first])
      .when(cmd('CreateGrant', { ...data, grantId: 'b'.repeat(64) }))
      .then([]);
    // Same name, other operations: a new grant.
    const second = decide(
      cmd('CreateGrant', { ...data, grantId: 'c'.repeat(64), operations: ['Decrypt'] }),
      [created(), ...first].reduce(evolve, initialState()),
    );
    expect(second).toHaveLength(1);
    spec
      .given([created(), ...first, ...second])
      .when(cmd('CreateGrant', { ...data, name: undefined, grantId: 'd'.repeat(64) }))
      .thenThrows('LimitExceededException');
    spec
      .given([created()])
      .when(cmd('CreateGrant', { ...data, operations: ['Sign'] }))
      .thenThrows('ValidationException', /Sign/);
  });

  it('lets a grant create grants only within its operations and constraints', () => {
    const app = 'arn:aws:iam::444455556666:role/app';
    const parent = decide(
      cmd('CreateGrant', {
        grantId: 'a'.repeat(64),
        granteePrincipal: app,
        operations: ['Encrypt', 'Decrypt', 'CreateGrant'],
        constraints: { encryptionContextSubset: { tenant: 't1' } },
        issuingAccount: accountId,
        maxGrants: 10,
      }),
      [created()].reduce(evolve, initialState()),
    );
    const viaGrant = {
      grantId: 'a'.repeat(64),
      caller: { principalArn: app, accountId: '444455556666', region },
    };
    const child = (data: Record<string, unknown>) =>
      spec.given([created(), ...parent]).when(
        cmd('CreateGrant', {
          grantId: 'b'.repeat(64),
          granteePrincipal: 'arn:aws:iam::444455556666:role/worker',
          operations: ['Decrypt'],
          constraints: { encryptionContextSubset: { tenant: 't1', stage: 'prod' } },
          issuingAccount: '444455556666',
          maxGrants: 10,
          viaGrant,
          ...data,
        }),
      );
    const state = [created(), ...parent].reduce(evolve, initialState());
    const allowed = (data: Record<string, unknown>) =>
      decide(
        cmd('CreateGrant', {
          grantId: 'b'.repeat(64),
          granteePrincipal: 'arn:aws:iam::444455556666:role/worker',
          operations: ['Decrypt'],
          constraints: { encryptionContextSubset: { tenant: 't1', stage: 'prod' } },
          issuingAccount: '444455556666',
          maxGrants: 10,
          viaGrant,
          ...data,
        }),
        state,
      );
    // A subset of the operations with equal or stricter constraints.
    expect(allowed({})).toHaveLength(1);
    expect(allowed({ constraints: { encryptionContextEquals: { tenant: 't1' } } })).toHaveLength(1);
    expect(allowed({ operations: ['Encrypt', 'CreateGrant'] })).toHaveLength(1);
    // More operations, looser or no constraints, another caller, an unknown grant: denied.
    const denied = /subset of its operations and equal or stricter constraints$/;
    child({ operations: ['Decrypt', 'GenerateDataKey'] }).thenThrows(
      'AccessDeniedException',
      denied,
    );
    child({ constraints: undefined }).thenThrows('AccessDeniedException', denied);
    child({ constraints: { encryptionContextSubset: { stage: 'prod' } } }).thenThrows(
      'AccessDeniedException',
      denied,
    );
    child({
      viaGrant: { ...viaGrant, caller: { ...viaGrant.caller, principalArn: `${app}-other` } },
    }).thenThrows('AccessDeniedException', denied);
    child({ viaGrant: { ...viaGrant, grantId: 'f'.repeat(64) } }).thenThrows(
      'AccessDeniedException',
    );
    // Authorized by the key policy (no grant involved): no such limit.
    expect(allowed({ viaGrant: undefined, constraints: undefined })).toHaveLength(1);
  });

  it('retires and revokes existing grants in any state, and only those', () => {
    const grant = decide(
      cmd('CreateGrant', {
        grantId: 'a'.repeat(64),
        granteePrincipal: 'p',
        operations: ['Encrypt'],
        issuingAccount: accountId,
        maxGrants: 5,
      }),
      [created()].reduce(evolve, initialState()),
    );
    for (const type of ['RetireGrant', 'RevokeGrant'] as const) {
      spec
        .given([created(), ...grant, pending])
        .when(cmd(type, { grantId: 'a'.repeat(64) }))
        .then([
          {
            type: type === 'RetireGrant' ? 'GrantRetired' : 'GrantRevoked',
            data: { ...base, grantId: 'a'.repeat(64), at },
          },
        ]);
      spec
        .given([created()])
        .when(cmd(type, { grantId: 'a'.repeat(64) }))
        .thenThrows('NotFoundException');
    }
    const after = [
      created(),
      ...grant,
      { type: 'GrantRevoked', data: { ...base, grantId: 'a'.repeat(64), at } } as KeyEvent,
    ].reduce(evolve, initialState());
    expect(after.status === 'Enabled' && after.grants.size).toBe(0);
  });
});
