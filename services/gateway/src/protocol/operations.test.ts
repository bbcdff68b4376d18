import { describe, expect, it } from 'vitest';
import { KmsError } from '@keyhold/core';
import type { KeyMetadata__Output } from '@keyhold/proto';
import { EdgeError, toAwsErrorResponse } from '../errors.js';
import { parseJsonBody } from './members.js';
import { OPERATIONS, operationForTarget } from './operations.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function op(name: string) {
  const o = OPERATIONS.get(name);
  if (!o) throw new Error(`no ${name}`);
  return o;
}

/** The AWS error a request body would get: its __type and message. */
function awsError(name: string, body: string): { type: string; message: string; status: number } {
  try {
    op(name).parse(parseJsonBody(Buffer.from(body)));
  } catch (err) {
    const r = toAwsErrorResponse(err, 'req-1');
    const parsed = JSON.parse(r.body) as { __type: string; message: string };
    return { type: parsed.__type, message: parsed.message, status: r.status };
  }
  throw new Error('expected an error');
}

describe('request parsing', () => {
  const cases: Array<[string, string, string, string, RegExp?]> = [
    ['malformed JSON', 'Encrypt', '{"KeyId":', 'SerializationException'],
    ['a JSON array', 'Encrypt', '[1,2]', 'SerializationException'],
    ['a JSON string', 'ListKeys', '"x"', 'SerializationException'],
    ['JSON null', 'ListKeys', 'null', 'SerializationException'],
    ['Plaintext not a string', 'Encrypt', '{"KeyId":"k","Plaintext":42}', 'SerializationException'],
    [
      'Plaintext not base64',
      'Encrypt',
      '{"KeyId":"k","Plaintext":"not base64!"}',
      'SerializationException',
    ],
    [
      'Plaintext badly padded',
      'Encrypt',
      '{"KeyId":"k","Plaintext":"aGVsbG8"}',
      'SerializationException',
    ],
    ['KeyId a number', 'DescribeKey', '{"KeyId":7}', 'SerializationException'],
    [
      'EncryptionContext a list',
      'Encrypt',
      '{"KeyId":"k","Plaintext":"aA==","EncryptionContext":["a"]}',
      'SerializationException',
    ],
    [
      'EncryptionContext with a number value',
      'Decrypt',
      '{"CiphertextBlob":"aA==","EncryptionContext":{"a":1}}',
      'SerializationException',
    ],
    [
      'NumberOfBytes a string',
      'GenerateDataKey',
      '{"KeyId":"k","NumberOfBytes":"32"}',
      'SerializationException',
    ],
    [
      'NumberOfBytes a fraction',
      'GenerateDataKey',
      '{"KeyId":"k","NumberOfBytes":1.5}',
      'SerializationException',
    ],
    ['Limit a boolean', 'ListKeys', '{"Limit":true}', 'SerializationException'],
    ['MultiRegion a string', 'CreateKey', '{"MultiRegion":"true"}', 'SerializationException'],
    ['Tags not a list', 'CreateKey', '{"Tags":{"TagKey":"a"}}', 'SerializationException'],
    [
      'GrantTokens with a number',
      'Encrypt',
      '{"KeyId":"k","Plaintext":"aA==","GrantTokens":[1]}',
      'SerializationException',
    ],
    [
      'missing KeyId',
      'DescribeKey',
      '{}',
      'ValidationException',
      /Value null at 'keyId' failed to satisfy constraint: Member must not be null/,
    ],
    [
      'empty KeyId',
      'DescribeKey',
      '{"KeyId":""}',
      'ValidationException',
      /at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    ],
    ['missing Plaintext', 'Encrypt', '{"KeyId":"k"}', 'ValidationException', /at 'plaintext'/],
    [
      'empty Plaintext',
      'Encrypt',
      '{"KeyId":"k","Plaintext":""}',
      'ValidationException',
      /HeapByteBuffer\[pos=0 lim=0 cap=0\]/,
    ],
    [
      'Plaintext over 4096 bytes',
      'Encrypt',
      `{"KeyId":"k","Plaintext":"${Buffer.alloc(4097).toString('base64')}"}`,
      'ValidationException',
      /less than or equal to 4096/,
    ],
    [
      'CiphertextBlob over 6144 bytes',
      'Decrypt',
      `{"CiphertextBlob":"${Buffer.alloc(6145).toString('base64')}"}`,
      'ValidationException',
    ],
    ['missing CiphertextBlob', 'Decrypt', '{}', 'ValidationException'],
    [
      'both NumberOfBytes and KeySpec',
      'GenerateDataKey',
      '{"KeyId":"k","NumberOfBytes":32,"KeySpec":"AES_256"}',
      'ValidationException',
    ],
    [
      'neither NumberOfBytes nor KeySpec',
      'GenerateDataKey',
      '{"KeyId":"k"}',
      'ValidationException',
    ],
    [
      'NumberOfBytes 0',
      'GenerateDataKey',
      '{"KeyId":"k","NumberOfBytes":0}',
      'ValidationException',
    ],
    [
      'NumberOfBytes 1025',
      'GenerateDataKey',
      '{"KeyId":"k","NumberOfBytes":1025}',
      'ValidationException',
    ],
    [
      'unknown data key spec',
      'GenerateDataKey',
      '{"KeyId":"k","KeySpec":"AES_512"}',
      'ValidationException',
      /enum value set: \[AES_256, AES_128\]/,
    ],
    ['unknown key usage', 'CreateKey', '{"KeyUsage":"WRAP"}', 'ValidationException'],
    [
      'description over 8192',
      'CreateKey',
      `{"Description":"${'d'.repeat(8193)}"}`,
      'ValidationException',
    ],
    [
      'conflicting key specs',
      'CreateKey',
      '{"KeySpec":"HMAC_256","CustomerMasterKeySpec":"SYMMETRIC_DEFAULT"}',
      'ValidationException',
    ],
    ['Limit 0', 'ListKeys', '{"Limit":0}', 'ValidationException'],
    ['Limit 1001', 'ListKeys', '{"Limit":1001}', 'ValidationException'],
    [
      '11 grant tokens',
      'Encrypt',
      `{"KeyId":"k","Plaintext":"aA==","GrantTokens":${JSON.stringify(Array(11).fill('t'))}}`,
      'ValidationException',
    ],
    [
      'unknown encryption algorithm',
      'Encrypt',
      '{"KeyId":"k","Plaintext":"aA==","EncryptionAlgorithm":"ROT13"}',
      'ValidationException',
    ],
  ];
  for (const [name, operation, body, type, message] of cases) {
    it(`${operation}: ${name} -> ${type}`, () => {
      const e = awsError(operation, body);
      expect(e.type).toBe(type);
      expect(e.status).toBe(400);
      if (message) expect(e.message).toMatch(message);
    });
  }

  it('counts several validation errors in one message', () => {
    const e = awsError('ListKeys', '{"Limit":0,"Marker":""}');
    expect(e.message).toMatch(
      /^2 validation errors detected: Value '0' at 'limit'.*; Value '' at 'marker'/,
    );
  });

  it('never echoes plaintext in a validation message', () => {
    const big = Buffer.alloc(5000, 'S').toString('base64');
    const e = awsError('Encrypt', `{"KeyId":"k","Plaintext":"${big}"}`);
    expect(e.message).not.toContain('SSSS');
    expect(e.message).not.toContain(big.slice(0, 16));
  });

  it('maps Encrypt members to the proto request and ignores unknown members', () => {
    const req = op('Encrypt').parse(
      parseJsonBody(
        Buffer.from(
          JSON.stringify({
            KeyId: KEY_ARN,
            Plaintext: Buffer.from('hello').toString('base64'),
            EncryptionContext: { purpose: 'test', __proto__: 'x' },
            GrantTokens: ['g'],
            EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
            SomethingNew: { nested: true },
          }),
        ),
      ),
    ) as Record<string, unknown>;
    expect(req).toEqual({
      keyId: KEY_ARN,
      plaintext: Buffer.from('hello'),
      encryptionContext: { purpose: 'test' },
      grantTokens: ['g'],
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    expect(Object.getPrototypeOf(req['encryptionContext'])).toBe(Object.prototype);
  });

  it('keeps a __proto__ context key as data, not as a prototype', () => {
    const req = op('Decrypt').parse(
      parseJsonBody(
        Buffer.from('{"CiphertextBlob":"aA==","EncryptionContext":{"__proto__":"x","a":"b"}}'),
      ),
    ) as { encryptionContext: Record<string, string> };
    expect(Object.keys(req.encryptionContext).sort()).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(req.encryptionContext)).toBe(Object.prototype);
  });

  it('maps CreateKey members, with CustomerMasterKeySpec as KeySpec and null as absent', () => {
    const req = op('CreateKey').parse(
      parseJsonBody(
        Buffer.from(
          '{"Description":"d","KeyUsage":"ENCRYPT_DECRYPT","CustomerMasterKeySpec":"SYMMETRIC_DEFAULT","Policy":null,"Tags":[{"TagKey":"a","TagValue":"b"}],"MultiRegion":false}',
        ),
      ),
    );
    expect(req).toEqual({
      description: 'd',
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      tags: [{ tagKey: 'a', tagValue: 'b' }],
      multiRegion: false,
    });
  });

  it('treats an empty body as no members', () => {
    expect(op('ListKeys').parse(parseJsonBody(Buffer.alloc(0)))).toEqual({});
  });
});

describe('targets', () => {
  it('knows operations under TrentService only', () => {
    for (const name of [
      'CreateKey',
      'DescribeKey',
      'ListKeys',
      'Encrypt',
      'Decrypt',
      'GenerateDataKey',
    ]) {
      expect(operationForTarget(`TrentService.${name}`)?.name).toBe(name);
    }
    expect(operationForTarget(undefined)).toBeUndefined();
    expect(operationForTarget('TrentService.ReplicateKey')).toBeUndefined();
    expect(operationForTarget('KmsService.Encrypt')).toBeUndefined();
    expect(operationForTarget('TrentService.toString')).toBeUndefined();
  });

  it('puts the crypto operations in one shared quota class', () => {
    expect(new Set(['Encrypt', 'Decrypt', 'GenerateDataKey'].map((n) => op(n).quotaClass))).toEqual(
      new Set(['CryptographicOperationsSymmetric']),
    );
    expect(op('CreateKey').quotaClass).toBe('CreateKey');
  });
});

describe('response serialisation', () => {
  const metadata: KeyMetadata__Output = {
    awsAccountId: '111122223333',
    keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
    arn: KEY_ARN,
    creationDate: 1_764_000_000.5,
    enabled: true,
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keyState: 'Enabled',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    keySpec: 'SYMMETRIC_DEFAULT',
    encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    multiRegion: false,
  };

  it('writes KeyMetadata with AWS member names and epoch-second dates', () => {
    expect(op('DescribeKey').serialize({ keyMetadata: metadata })).toEqual({
      KeyMetadata: {
        AWSAccountId: '111122223333',
        KeyId: metadata.keyId,
        Arn: KEY_ARN,
        CreationDate: 1_764_000_000.5,
        Enabled: true,
        Description: '',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
    });
    const pending = op('CreateKey').serialize({
      keyMetadata: {
        ...metadata,
        keyState: 'PendingDeletion',
        deletionDate: 1_765_000_000,
        pendingDeletionWindowInDays: 7,
      },
    }) as { KeyMetadata: Record<string, unknown> };
    expect(pending.KeyMetadata['DeletionDate']).toBe(1_765_000_000);
    expect(pending.KeyMetadata['PendingDeletionWindowInDays']).toBe(7);
  });

  it('writes blobs as base64', () => {
    expect(
      op('Encrypt').serialize({
        ciphertextBlob: Buffer.from([1, 2, 3]),
        keyId: KEY_ARN,
        encryptionAlgorithm: '',
      }),
    ).toEqual({ CiphertextBlob: 'AQID', KeyId: KEY_ARN, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(
      op('GenerateDataKey').serialize({
        ciphertextBlob: Buffer.from('c'),
        plaintext: Buffer.from('p'),
        keyId: KEY_ARN,
      }),
    ).toEqual({ CiphertextBlob: 'Yw==', Plaintext: 'cA==', KeyId: KEY_ARN });
  });

  it('writes ListKeys with NextMarker only when truncated', () => {
    const keys = [{ keyId: 'a', keyArn: 'arn:a' }];
    expect(op('ListKeys').serialize({ keys, truncated: false, nextMarker: '' })).toEqual({
      Keys: [{ KeyId: 'a', KeyArn: 'arn:a' }],
      Truncated: false,
    });
    expect(op('ListKeys').serialize({ keys, truncated: true, nextMarker: 'm' })).toMatchObject({
      NextMarker: 'm',
      Truncated: true,
    });
  });

  it('zeroes plaintext buffers after the response is written', () => {
    const plaintext = Buffer.from('secret');
    op('Decrypt').wipe({}, { keyId: KEY_ARN, plaintext, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(plaintext.every((b) => b === 0)).toBe(true);
    const req = { keyId: 'k', plaintext: Buffer.from('secret') };
    op('Encrypt').wipe(req, undefined);
    expect(req.plaintext.every((b) => b === 0)).toBe(true);
  });
});

describe('toAwsErrorResponse', () => {
  it('uses the KMS_ERRORS status and the AWS body shape', () => {
    const r = toAwsErrorResponse(KmsError.notFound('k'), 'rid');
    expect(r.status).toBe(400);
    expect(r.headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': 'rid',
    });
    expect(JSON.parse(r.body)).toEqual({
      __type: 'NotFoundException',
      message: "Key 'k' does not exist",
    });
    expect(
      toAwsErrorResponse(
        new KmsError('MissingAuthenticationTokenException', 'Missing Authentication Token'),
        'r',
      ).status,
    ).toBe(403);
    expect(toAwsErrorResponse(KmsError.dependencyTimeout(), 'r').status).toBe(503);
    expect(
      toAwsErrorResponse(new EdgeError('RequestTimeoutException', 408, 'slow'), 'r').status,
    ).toBe(408);
  });

  it('hides unknown errors behind KMSInternalException', () => {
    const logged: unknown[] = [];
    const logger = { error: (...args: unknown[]) => logged.push(args) } as never;
    const r = toAwsErrorResponse(new Error('SELECT secret FROM keys failed'), 'rid', logger);
    expect(r.status).toBe(500);
    const body = JSON.parse(r.body) as { __type: string; message: string };
    expect(body.__type).toBe('KMSInternalException');
    expect(body.message).not.toContain('SELECT');
    expect(logged).toHaveLength(1);
  });
});
