import { describe, expect, it } from 'vitest';
import { conditionsHold } from './match.js';
import { OPERATORS, parseDate, parseOperatorName } from './operators.js';
import { keyPolicy, request } from './test-fixtures.js';

/**
 * Evaluates `{ operator: { "aws:TagKeys": policyValues } }` against a request
 * whose aws:TagKeys are `contextValues` (undefined: the key is missing).
 */
function holds(
  operator: string,
  policyValues: string | readonly string[],
  contextValues: readonly string[] | undefined,
): boolean {
  const policy = keyPolicy({
    Effect: 'Allow',
    Principal: '*',
    Action: 'kms:*',
    Resource: '*',
    Condition: { [operator]: { 'aws:TagKeys': policyValues } },
  });
  const ctx = contextValues === undefined ? request() : request({ tagKeys: contextValues });
  return conditionsHold(policy.statements[0]!, ctx);
}

type Row = readonly [
  operator: string,
  policy: string | readonly string[],
  context: readonly string[] | undefined,
  expected: boolean,
];

const ROWS: readonly Row[] = [
  ['StringEquals', 'abc', ['abc'], true],
  ['StringEquals', 'abc', ['ABC'], false],
  ['StringEquals', ['x', 'abc'], ['abc'], true],
  ['StringEquals', 'abc', undefined, false],
  ['StringNotEquals', 'abc', ['abc'], false],
  ['StringNotEquals', 'abc', ['abd'], true],
  ['StringNotEquals', ['x', 'abc'], ['abc'], false],
  ['StringNotEquals', 'abc', undefined, true],
  ['StringEqualsIgnoreCase', 'aBc', ['ABC'], true],
  ['StringEqualsIgnoreCase', 'abc', ['abd'], false],
  ['StringNotEqualsIgnoreCase', 'aBc', ['ABC'], false],
  ['StringNotEqualsIgnoreCase', 'abc', ['abd'], true],
  ['StringLike', 'a*c', ['abbbc'], true],
  ['StringLike', 'a?c', ['abc'], true],
  ['StringLike', 'a?c', ['abbc'], false],
  ['StringLike', 'a.c', ['abc'], false],
  ['StringLike', 'A*', ['abc'], false],
  ['StringNotLike', 'a*', ['abc'], false],
  ['StringNotLike', 'b*', ['abc'], true],
  ['StringNotLike', 'b*', undefined, true],
  ['NumericEquals', '10', ['10'], true],
  ['NumericEquals', '10', ['10.0'], true],
  ['NumericEquals', '10', ['11'], false],
  ['NumericEquals', '10', ['ten'], false],
  ['NumericNotEquals', '10', ['11'], true],
  ['NumericNotEquals', '10', ['10'], false],
  ['NumericLessThan', '10', ['9'], true],
  ['NumericLessThan', '10', ['10'], false],
  ['NumericLessThanEquals', '10', ['10'], true],
  ['NumericLessThanEquals', '10', ['11'], false],
  ['NumericGreaterThan', '10', ['11'], true],
  ['NumericGreaterThan', '10', ['10'], false],
  ['NumericGreaterThanEquals', '10', ['10'], true],
  ['NumericGreaterThanEquals', '10', ['9.5'], false],
  ['DateEquals', '2024-01-01T00:00:00Z', ['2024-01-01T00:00:00.000Z'], true],
  ['DateEquals', '1704067200', ['2024-01-01T00:00:00Z'], true],
  ['DateEquals', '2024-01-01', ['2024-01-02T00:00:00Z'], false],
  ['DateNotEquals', '2024-01-01', ['2024-01-02'], true],
  ['DateNotEquals', '2024-01-01', ['2024-01-01T00:00:00Z'], false],
  ['DateLessThan', '2024-01-01T00:00:00Z', ['2023-12-31T23:59:59Z'], true],
  ['DateLessThan', '2024-01-01T00:00:00Z', ['2024-01-01T00:00:00Z'], false],
  ['DateLessThanEquals', '2024-01-01T00:00:00Z', ['2024-01-01T00:00:00Z'], true],
  ['DateLessThanEquals', '2024-01-01T00:00:00Z', ['2024-01-01T00:00:01Z'], false],
  ['DateGreaterThan', '2024-01-01T00:00:00+02:00', ['2023-12-31T23:00:00Z'], true],
  ['DateGreaterThan', '2024-01-01T00:00:00Z', ['2023-12-31T23:00:00Z'], false],
  ['DateGreaterThanEquals', '2024-01-01', ['2024-01-01T00:00:00Z'], true],
  ['DateGreaterThanEquals', '2024-01-01', ['2023-12-31T00:00:00Z'], false],
  ['Bool', 'true', ['true'], true],
  ['Bool', 'True', ['true'], true],
  ['Bool', 'true', ['false'], false],
  ['Bool', 'true', undefined, false],
  ['BinaryEquals', 'QUJD', ['QUJD'], true],
  ['BinaryEquals', 'QUJD', ['QUJE'], false],
  ['IpAddress', '10.0.0.0/8', ['10.1.2.3'], true],
  ['IpAddress', '10.0.0.0/8', ['11.1.2.3'], false],
  ['IpAddress', '192.0.2.7', ['192.0.2.7'], true],
  ['IpAddress', ['192.0.2.0/24', '2001:db8::/32'], ['2001:db8:1::5'], true],
  ['IpAddress', '2001:db8::/32', ['2001:db9::1'], false],
  ['IpAddress', '10.0.0.0/8', ['::ffff:10.0.0.1'], true],
  ['IpAddress', '10.0.0.0/8', ['2001:db8::1'], false],
  ['IpAddress', '10.0.0.0/8', ['not-an-ip'], false],
  ['NotIpAddress', '10.0.0.0/8', ['10.1.2.3'], false],
  ['NotIpAddress', '10.0.0.0/8', ['192.0.2.1'], true],
  ['NotIpAddress', '10.0.0.0/8', undefined, true],
  ['ArnEquals', 'arn:aws:iam::111122223333:role/app', ['arn:aws:iam::111122223333:role/app'], true],
  [
    'ArnEquals',
    'arn:aws:iam::111122223333:role/app',
    ['arn:aws:iam::111122223333:role/App'],
    false,
  ],
  ['ArnEquals', 'arn:aws:iam::*:role/app', ['arn:aws:iam::444455556666:role/app'], true],
  ['ArnLike', 'arn:aws:iam::111122223333:role/*', ['arn:aws:iam::111122223333:role/a/b'], true],
  ['ArnLike', 'arn:aws:iam::111122223333:role/*', ['arn:aws:iam::111122223333:user/a'], false],
  ['ArnLike', 'arn:aws:s3:::bucket/*', ['arn:aws:s3:::bucket/a:b'], true],
  ['ArnLike', 'arn:aws:*:*:*:*', ['not-an-arn'], false],
  [
    'ArnNotEquals',
    'arn:aws:iam::111122223333:role/app',
    ['arn:aws:iam::111122223333:role/x'],
    true,
  ],
  [
    'ArnNotEquals',
    'arn:aws:iam::111122223333:role/app',
    ['arn:aws:iam::111122223333:role/app'],
    false,
  ],
  ['ArnNotLike', 'arn:aws:iam::*:role/*', ['arn:aws:iam::111122223333:user/a'], true],
  ['ArnNotLike', 'arn:aws:iam::*:role/*', ['arn:aws:iam::111122223333:role/a'], false],
  ['ArnNotLike', 'arn:aws:iam::*:role/*', undefined, true],
  ['Null', 'true', undefined, true],
  ['Null', 'true', ['x'], false],
  ['Null', 'false', ['x'], true],
  ['Null', 'false', undefined, false],
  // IfExists: a missing key passes; a present key is tested as usual.
  ['StringEqualsIfExists', 'abc', undefined, true],
  ['StringEqualsIfExists', 'abc', ['abd'], false],
  ['StringNotEqualsIfExists', 'abc', ['abc'], false],
  ['NumericLessThanIfExists', '5', undefined, true],
  ['DateLessThanIfExists', '2024-01-01', undefined, true],
  ['BoolIfExists', 'true', undefined, true],
  ['BoolIfExists', 'true', ['false'], false],
  ['IpAddressIfExists', '10.0.0.0/8', undefined, true],
  ['ArnLikeIfExists', 'arn:aws:iam::*:role/*', undefined, true],
  // Multi-valued keys without a qualifier: any value matches.
  ['StringEquals', 'a', ['b', 'a'], true],
  ['StringNotEquals', 'a', ['b', 'a'], false],
  // ForAllValues: every request value is in the policy set; empty/missing is true.
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
  ['ForAllValues:StringEquals', ['a', 'b'], ['a'], true],
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
  ['ForAllValues:StringEquals', ['a', 'b'], undefined, true],
  ['ForAllValues:StringEquals', ['a', 'b'], [], true],
  ['ForAllValues:StringLike', ['a*'], ['ab', 'ac'], true],
  ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true],
  ['ForAllValues:StringNotEquals', ['a'], ['a', 'c'], false],
  // ForAnyValue: some request value is in the set; empty/missing is false.
  ['ForAnyValue:StringEquals', ['a', 'b'], ['c', 'b'], true],
  ['ForAnyValue:StringEquals', ['a', 'b'], ['c'], false],
  ['ForAnyValue:StringEquals', ['a', 'b'], undefined, false],
  ['ForAnyValue:StringEquals', ['a', 'b'], [], false],
  ['ForAnyValue:StringNotEquals', ['a'], ['a', 'c'], true],
  ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
  ['ForAnyValue:StringEqualsIfExists', ['a'], undefined, true],
];

describe('condition operators', () => {
  it.each(ROWS)('%s %j against %j is %s', (operator, policy, context, expected) => {
    expect(holds(operator, policy, context)).toBe(expected);
  });

  it('covers every operator in the table', () => {
    const tested = new Set(ROWS.map(([op]) => parseOperatorName(op)?.base));
    for (const op of [...Object.keys(OPERATORS), 'Null']) expect(tested).toContain(op);
  });

  it('ANDs keys and operators, ORs values', () => {
    const policy = keyPolicy({
      Effect: 'Allow',
      Principal: '*',
      Action: 'kms:*',
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:a': ['1', '2'], 'kms:EncryptionContext:b': '3' },
        StringLike: { 'kms:ViaService': 's3.*' },
      },
    });
    const s = policy.statements[0]!;
    const ok = request({
      encryptionContext: { a: '2', b: '3' },
      viaService: 's3.us-east-1.amazonaws.com',
    });
    expect(conditionsHold(s, ok)).toBe(true);
    expect(conditionsHold(s, { ...ok, encryptionContext: { a: '2', b: '4' } })).toBe(false);
    expect(conditionsHold(s, { ...ok, viaService: 'ec2.us-east-1.amazonaws.com' })).toBe(false);
  });

  it('parses operator names with qualifier and IfExists, case-sensitively', () => {
    expect(parseOperatorName('ForAnyValue:StringLikeIfExists')).toEqual({
      base: 'StringLike',
      qualifier: 'ForAnyValue',
      ifExists: true,
    });
    expect(parseOperatorName('stringequals')).toBeUndefined();
    expect(parseOperatorName('ForSomeValues:StringEquals')).toBeUndefined();
    expect(parseOperatorName('NullIfExists')).toBeUndefined();
    expect(parseOperatorName('ForAllValues:Null')).toBeUndefined();
  });

  it('reads dates without a zone as UTC', () => {
    expect(parseDate('2024-01-01T00:00:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('2024-01-01')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('yesterday')).toBeUndefined();
  });
});
