import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { parsePolicy, serializePolicy } from './parse.js';
import { ROOT_ARN } from './test-fixtures.js';

const base = { Effect: 'Allow', Principal: { AWS: ROOT_ARN }, Action: 'kms:*', Resource: '*' };
const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

function errorOf(
  text: string,
  kind: 'key' | 'identity' = 'key',
): { code: string; message: string } {
  try {
    parsePolicy(text, { kind });
  } catch (err) {
    if (isKmsError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected parsePolicy to throw');
}

describe('parsePolicy', () => {
  it('parses the default key policy', () => {
    const p = parsePolicy(doc({ Sid: 'Enable IAM policies', ...base }));
    expect(p).toEqual({
      version: '2012-10-17',
      id: undefined,
      statements: [
        {
          index: 0,
          sid: 'Enable IAM policies',
          effect: 'Allow',
          principal: { aws: [ROOT_ARN], service: [], negated: false },
          action: { negated: false, patterns: ['kms:*'] },
          resource: { negated: false, patterns: ['*'] },
          conditions: [],
        },
      ],
    });
  });

  it('accepts a single statement object, the 2008 version, an Id and no Version', () => {
    const p = parsePolicy(
      JSON.stringify({ Version: '2008-10-17', Id: 'key-default-1', Statement: base }),
    );
    expect(p.version).toBe('2008-10-17');
    expect(p.id).toBe('key-default-1');
    expect(p.statements).toHaveLength(1);
    expect(parsePolicy(JSON.stringify({ Statement: [base] })).version).toBeUndefined();
  });

  it.each([
    ['"*"', '*', ['*'], []],
    ['{"AWS":"*"}', { AWS: '*' }, ['*'], []],
    ['an account id', { AWS: '111122223333' }, ['111122223333'], []],
    [
      'user and role ARNs',
      { AWS: ['arn:aws:iam::111122223333:user/a', 'arn:aws:iam::111122223333:role/p/r'] },
      ['arn:aws:iam::111122223333:user/a', 'arn:aws:iam::111122223333:role/p/r'],
      [],
    ],
    [
      'an assumed-role ARN',
      { AWS: 'arn:aws:sts::111122223333:assumed-role/r/s' },
      ['arn:aws:sts::111122223333:assumed-role/r/s'],
      [],
    ],
    ['a service', { Service: 's3.amazonaws.com' }, [], ['s3.amazonaws.com']],
    [
      'both',
      { AWS: ROOT_ARN, Service: ['logs.us-east-1.amazonaws.com'] },
      [ROOT_ARN],
      ['logs.us-east-1.amazonaws.com'],
    ],
  ])('accepts Principal as %s', (_name, principal, aws, service) => {
    const p = parsePolicy(doc({ ...base, Principal: principal }));
    expect(p.statements[0]?.principal).toEqual({ aws, service, negated: false });
  });

  it('parses NotPrincipal, NotAction, NotResource', () => {
    const { Principal: _p, Action: _a, Resource: _r, ...rest } = base;
    const p = parsePolicy(
      doc({
        ...rest,
        Effect: 'Deny',
        NotPrincipal: { AWS: ROOT_ARN },
        NotAction: ['kms:Decrypt'],
        NotResource: 'arn:aws:kms:*:*:key/x*',
      }),
    );
    const s = p.statements[0];
    expect(s?.principal?.negated).toBe(true);
    expect(s?.action).toEqual({ negated: true, patterns: ['kms:Decrypt'] });
    expect(s?.resource).toEqual({ negated: true, patterns: ['arn:aws:kms:*:*:key/x*'] });
  });

  it('keeps statements without Action or Resource (they never apply)', () => {
    const { Action: _a, Resource: _r, ...rest } = base;
    const s = parsePolicy(doc(rest)).statements[0];
    expect(s?.action).toBeUndefined();
    expect(s?.resource).toBeUndefined();
  });

  it('turns JSON numbers and booleans in conditions into strings', () => {
    const p = parsePolicy(
      doc({
        ...base,
        Condition: {
          NumericLessThan: { 'kms:RotationPeriodInDays': 365 },
          Bool: { 'aws:SecureTransport': true },
        },
      }),
    );
    expect(p.statements[0]?.conditions.map((c) => c.values)).toEqual([['365'], ['true']]);
  });

  it('parses an identity policy (no Principal)', () => {
    const p = parsePolicy(
      doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111122223333:key/*' }),
      {
        kind: 'identity',
      },
    );
    expect(p.statements[0]?.principal).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['empty', '  ', /empty/],
    [
      'an unknown top-level element',
      JSON.stringify({ Statement: [base], Extra: 1 }),
      /unknown element "Extra"/,
    ],
    [
      'a bad Version',
      JSON.stringify({ Version: '2020-01-01', Statement: [base] }),
      /Version must be one of/,
    ],
    ['a non-string Id', JSON.stringify({ Id: 5, Statement: [base] }), /Id must be a string/],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), /missing Statement/],
    ['an empty Statement', doc(), /must not be an empty array/],
    ['a non-object statement', doc('x' as unknown as object), /Statement\[0\] must be an object/],
    [
      'a bad Effect',
      doc({ ...base, Effect: 'allow' }),
      /Statement\[0\]\.Effect must be "Allow" or "Deny"/,
    ],
    ['a missing Effect', doc({ ...base, Effect: undefined }), /Statement\[0\] is missing Effect/],
    [
      'an unknown statement element',
      doc({ ...base, Sid: 'S1', Foo: 1 }),
      /Statement\[0\] \(Sid "S1"\) has an unknown element "Foo"/,
    ],
    ['a non-string Sid', doc({ ...base, Sid: 3 }), /Sid must be a string/],
    ['no Principal', doc({ ...base, Principal: undefined }), /missing Principal/],
    [
      'Principal and NotPrincipal',
      doc({ ...base, NotPrincipal: '*' }),
      /both Principal and NotPrincipal/,
    ],
    [
      'Action and NotAction',
      doc({ ...base, NotAction: 'kms:Decrypt' }),
      /both Action and NotAction/,
    ],
    [
      'Resource and NotResource',
      doc({ ...base, NotResource: '*' }),
      /both Resource and NotResource/,
    ],
    [
      'a Principal string',
      doc({ ...base, Principal: ROOT_ARN }),
      /Principal must be "\*" or an object/,
    ],
    [
      'an unknown principal type',
      doc({ ...base, Principal: { Federated: 'x' } }),
      /unsupported principal type "Federated"/,
    ],
    ['an empty principal', doc({ ...base, Principal: {} }), /names no principal/],
    [
      'a wildcard principal ARN',
      doc({ ...base, Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }),
      /invalid AWS principal/,
    ],
    [
      'a bad account id',
      doc({ ...base, Principal: { AWS: '1234' } }),
      /invalid AWS principal: "1234"/,
    ],
    [
      'a bad service',
      doc({ ...base, Principal: { Service: 's3 amazonaws' } }),
      /invalid service principal/,
    ],
    [
      'a bad action',
      doc({ ...base, Action: 'Encrypt' }),
      /Statement\[0\]\.Action has an invalid action: "Encrypt"/,
    ],
    ['an empty Action array', doc({ ...base, Action: [] }), /Action must not be an empty array/],
    ['a non-string action', doc({ ...base, Action: [1] }), /Action\[0\] must be a string/],
    ['a bad resource', doc({ ...base, Resource: 'key/abc' }), /invalid resource/],
    ['a non-object Condition', doc({ ...base, Condition: 'x' }), /Condition must be an object/],
    [
      'an unknown operator',
      doc({ ...base, Sid: 'S', Condition: { StringEqualz: { 'kms:ViaService': 'x' } } }),
      /Statement\[0\] \(Sid "S"\)\.Condition has an unknown condition operator "StringEqualz"/,
    ],
    [
      'a lower-case operator',
      doc({ ...base, Condition: { stringequals: { 'kms:ViaService': 'x' } } }),
      /unknown condition operator/,
    ],
    [
      'a non-object operator block',
      doc({ ...base, Condition: { StringEquals: 'x' } }),
      /StringEquals must be an object/,
    ],
    [
      'a bad condition key',
      doc({ ...base, Condition: { StringEquals: { ViaService: 'x' } } }),
      /invalid condition key "ViaService"/,
    ],
    [
      'an empty value list',
      doc({ ...base, Condition: { StringEquals: { 'kms:ViaService': [] } } }),
      /at least one value/,
    ],
    [
      'an object value',
      doc({ ...base, Condition: { StringEquals: { 'kms:ViaService': {} } } }),
      /must be a string, number or boolean/,
    ],
    [
      'a bad number',
      doc({ ...base, Condition: { NumericEquals: { 'kms:RotationPeriodInDays': 'x' } } }),
      /"x" is not a number/,
    ],
    [
      'a bad date',
      doc({ ...base, Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } }),
      /"soon" is not a date/,
    ],
    [
      'a bad Bool',
      doc({ ...base, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
      /"yes" is not true or false/,
    ],
    [
      'a bad Null',
      doc({ ...base, Condition: { Null: { 'kms:ViaService': 'maybe' } } }),
      /"maybe" is not true or false/,
    ],
    [
      'a bad CIDR',
      doc({ ...base, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }),
      /not an IP address or CIDR/,
    ],
    [
      'a bad ARN',
      doc({ ...base, Condition: { ArnLike: { 'aws:PrincipalArn': 'role/x' } } }),
      /not an ARN/,
    ],
    ['the second statement', doc(base, { ...base, Effect: 'Maybe' }), /Statement\[1\]\.Effect/],
  ])('rejects %s', (_name, text, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('MalformedPolicyDocumentException');
    expect(e.message).toMatch(message);
  });

  it('rejects Principal in an identity policy', () => {
    expect(errorOf(doc(base), 'identity').message).toMatch(/identity policy cannot have Principal/);
  });

  it('rejects characters above U+00FF and accepts Latin-1, tab, CR, LF', () => {
    expect(errorOf(doc({ ...base, Sid: 'caf\u00e9 \u20ac' })).message).toMatch(/character outside/);
    expect(
      parsePolicy(`\t\r\n${doc({ ...base, Sid: 'Caf\u00e9 \u00ff' })}`).statements[0]?.sid,
    ).toBe('Caf\u00e9 \u00ff');
  });

  it('rejects a policy over 32 KB with LimitExceededException', () => {
    const big = doc({ ...base, Sid: 'x'.repeat(33_000) });
    expect(errorOf(big).code).toBe('LimitExceededException');
    expect(() => parsePolicy(doc({ ...base, Sid: 'x'.repeat(32_000) }))).not.toThrow();
  });
});

describe('serializePolicy', () => {
  it('round-trips to an equal policy', () => {
    const p = parsePolicy(
      doc(
        {
          Sid: 'A',
          ...base,
          Condition: {
            'ForAnyValue:StringLike': { 'kms:EncryptionContextKeys': ['a*', 'b'] },
            NumericLessThan: { 'kms:RotationPeriodInDays': 400 },
          },
        },
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: ['111122223333'], Service: 's3.amazonaws.com' },
          NotAction: 'kms:Decrypt',
          NotResource: '*',
        },
        { Effect: 'Allow', Principal: '*' },
      ),
    );
    expect(parsePolicy(serializePolicy(p))).toEqual(p);
    expect(JSON.parse(serializePolicy(p)).Statement[2]).toEqual({
      Effect: 'Allow',
      Principal: '*',
    });
  });
});
