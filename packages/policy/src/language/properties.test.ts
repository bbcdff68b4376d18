import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate-policies.js';
import { parsePolicy, serializePolicy } from './parse.js';
import {
  KEY_ARN,
  OTHER_ROOT_ARN,
  ROOT_ARN,
  alice,
  appRole,
  bob,
  carol,
  otherRoot,
  request,
  root,
  s3Service,
} from './test-fixtures.js';
import type { Grant, Policy, RequestContext } from './types.js';

const ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:GenerateDataKey',
  'kms:DescribeKey',
  'kms:PutKeyPolicy',
];

const principal = fc.constantFrom<unknown>(
  '*',
  { AWS: ROOT_ARN },
  { AWS: OTHER_ROOT_ARN },
  { AWS: alice.arn },
  { AWS: [bob.arn, carol.arn] },
  { AWS: 'arn:aws:iam::111122223333:role/app' },
  { Service: 's3.amazonaws.com' },
);
const action = fc.oneof(
  fc.constantFrom<unknown>('kms:*', '*', 'kms:GenerateDataKey*', 'kms:*crypt'),
  fc.subarray(ACTIONS, { minLength: 1 }),
);
const resource = fc.constantFrom<unknown>(
  '*',
  KEY_ARN,
  'arn:aws:kms:*:111122223333:key/*',
  'arn:aws:kms:*:*:key/other',
);
const condition = fc.option(
  fc.constantFrom<unknown>(
    { StringEquals: { 'kms:EncryptionContext:app': 'a' } },
    { StringNotEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    { StringEqualsIfExists: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['app', 'tenant'] } },
    { 'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': 't*' } },
    { Null: { 'kms:EncryptionContext:tenant': 'false' } },
    { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  ),
  { nil: undefined },
);

const effect = fc.constantFrom('Allow', 'Deny');
const notOr = (name: string) => fc.boolean().map((not) => (not ? `Not${name}` : name));

const keyStatement = fc
  .record({
    effect,
    principal,
    action,
    resource,
    condition,
    p: notOr('Principal'),
    a: notOr('Action'),
    r: notOr('Resource'),
  })
  .map((s) => ({
    Effect: s.effect,
    [s.p]: s.principal,
    [s.a]: s.action,
    [s.r]: s.resource,
    ...(s.condition === undefined ? {} : { Condition: s.condition }),
  }));
const identityStatement = fc
  .record({ effect, action, resource, condition, a: notOr('Action') })
  .map((s) => ({
    Effect: s.effect,
    [s.a]: s.action,
    Resource: s.resource,
    ...(s.condition === undefined ? {} : { Condition: s.condition }),
  }));

const keyPolicyOf = (statements: object[]): Policy =>
  parsePolicy(JSON.stringify({ Statement: statements }));
const identityPolicyOf = (statements: object[]): Policy =>
  parsePolicy(JSON.stringify({ Statement: statements }), { kind: 'identity' });

const grant: fc.Arbitrary<Grant> = fc.record({
  grantId: fc.constantFrom('g1', 'g2'),
  granteePrincipal: fc.constantFrom(alice.arn, carol.arn, 's3.amazonaws.com'),
  operations: fc.subarray(['Encrypt', 'Decrypt', 'GenerateDataKey', 'DescribeKey'], {
    minLength: 1,
  }),
});

const ctx: fc.Arbitrary<RequestContext> = fc
  .record({
    principal: fc.constantFrom(alice, bob, root, appRole, carol, otherRoot, s3Service),
    action: fc.constantFrom(...ACTIONS),
    encryptionContext: fc.dictionary(
      fc.constantFrom('app', 'tenant', 'x'),
      fc.constantFrom('a', 'b'),
    ),
    viaService: fc.option(
      fc.constantFrom('s3.us-east-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com'),
      {
        nil: undefined,
      },
    ),
    sourceIp: fc.constantFrom('10.1.1.1', '192.0.2.1'),
  })
  .map(({ viaService, ...r }) =>
    request({ ...r, ...(viaService === undefined ? {} : { viaService }) }),
  );

const world = fc.record({
  key: fc.array(keyStatement, { minLength: 1, maxLength: 6 }),
  identity: fc.array(fc.array(identityStatement, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
  grants: fc.array(grant, { maxLength: 2 }),
  request: ctx,
});

type World = { key: object[]; identity: object[][]; grants: Grant[]; request: RequestContext };

function decideWorld(w: World): 'Allow' | 'Deny' {
  return evaluatePolicies({
    keyPolicy: keyPolicyOf(w.key),
    identityPolicies: w.identity.map(identityPolicyOf),
    grants: w.grants,
    request: w.request,
  }).decision;
}

const RUNS = { numRuns: 400 };

describe('evaluation properties', () => {
  it('adding a Deny statement never grants access', () => {
    fc.assert(
      fc.property(world, keyStatement, identityStatement, fc.boolean(), (w, k, i, toKey) => {
        const before = decideWorld(w);
        const after = toKey
          ? decideWorld({ ...w, key: [...w.key, { ...k, Effect: 'Deny' }] })
          : decideWorld({ ...w, identity: [...w.identity, [{ ...i, Effect: 'Deny' }]] });
        if (before === 'Deny') expect(after).toBe('Deny');
      }),
      RUNS,
    );
  });

  it('removing an Allow statement never grants access', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, n) => {
        const allows = w.key.flatMap((s, i) =>
          (s as { Effect: string }).Effect === 'Allow' ? [i] : [],
        );
        fc.pre(allows.length > 0 && w.key.length > 1);
        const drop = allows[n % allows.length];
        const before = decideWorld(w);
        const after = decideWorld({ ...w, key: w.key.filter((_, i) => i !== drop) });
        if (before === 'Deny') expect(after).toBe('Deny');
      }),
      RUNS,
    );
  });

  it('removing an identity-policy Allow never grants access', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, n) => {
        const allows = w.identity.flatMap((p, pi) =>
          p.flatMap((s, si) => ((s as { Effect: string }).Effect === 'Allow' ? [[pi, si]] : [])),
        );
        fc.pre(allows.length > 0);
        const [pi, si] = allows[n % allows.length] as number[];
        const identity = w.identity
          .map((p, i) => (i === pi ? p.filter((_, j) => j !== si) : p))
          .filter((p) => p.length > 0);
        const before = decideWorld(w);
        if (before === 'Deny') expect(decideWorld({ ...w, identity })).toBe('Deny');
      }),
      RUNS,
    );
  });

  it('statement order never matters', () => {
    fc.assert(
      fc.property(
        world.chain((w) =>
          fc.tuple(fc.constant(w), fc.shuffledSubarray(w.key, { minLength: w.key.length })),
        ),
        ([w, shuffled]) => {
          expect(decideWorld({ ...w, key: shuffled })).toBe(decideWorld(w));
          expect(decideWorld({ ...w, identity: [...w.identity].reverse() })).toBe(decideWorld(w));
        },
      ),
      RUNS,
    );
  });

  it('parse(serialize(p)) is stable', () => {
    fc.assert(
      fc.property(
        fc.array(keyStatement, { minLength: 1, maxLength: 6 }),
        fc.option(
          fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
          { nil: undefined },
        ),
        (statements, sid) => {
          const withSid = statements.map((s, i) =>
            i === 0 && sid !== undefined ? { Sid: sid, ...s } : s,
          );
          const p = keyPolicyOf(withSid);
          const once = serializePolicy(p);
          expect(parsePolicy(once)).toEqual(p);
          expect(serializePolicy(parsePolicy(once))).toBe(once);
        },
      ),
      RUNS,
    );
  });
});
