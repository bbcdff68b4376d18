import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import {
  DATA_OPERATIONS,
  generateDataKeyWithoutPlaintext,
  generateRandom,
  reEncrypt,
} from './data-ops.js';
import { parseJsonBody } from './members.js';
import type { Operation } from './operation.js';

const ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const BLOB = Buffer.alloc(100, 7).toString('base64');

function parse(op: Operation, body: object): unknown {
  return op.parse(parseJsonBody(Buffer.from(JSON.stringify(body))));
}

function validationMessage(op: Operation, body: object): string {
  try {
    parse(op, body);
  } catch (err) {
    expect(isKmsError(err, 'ValidationException')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected a ValidationException');
}

describe('data-plane operations', () => {
  it('all spend the shared symmetric quota', () => {
    expect(DATA_OPERATIONS.map((o) => o.name).sort()).toEqual([
      'Decrypt',
      'Encrypt',
      'GenerateDataKey',
      'GenerateDataKeyWithoutPlaintext',
      'GenerateRandom',
      'ReEncrypt',
    ]);
    for (const o of DATA_OPERATIONS) expect(o.quotaClass).toBe('CryptographicOperationsSymmetric');
  });

  it('parses ReEncrypt in AWS member names and checks its bounds', () => {
    expect(
      parse(reEncrypt, {
        CiphertextBlob: BLOB,
        SourceEncryptionContext: { a: 'b' },
        SourceKeyId: ARN,
        DestinationKeyId: 'alias/x',
        DestinationEncryptionContext: { c: 'd' },
        GrantTokens: ['t'],
        DryRun: true,
      }),
    ).toEqual({
      ciphertextBlob: Buffer.alloc(100, 7),
      sourceEncryptionContext: { a: 'b' },
      sourceKeyId: ARN,
      destinationKeyId: 'alias/x',
      destinationEncryptionContext: { c: 'd' },
      grantTokens: ['t'],
      dryRun: true,
    });
    expect(validationMessage(reEncrypt, { CiphertextBlob: BLOB })).toBe(
      "1 validation error detected: Value null at 'destinationKeyId' failed to satisfy constraint: Member must not be null",
    );
    expect(
      validationMessage(reEncrypt, {
        CiphertextBlob: Buffer.alloc(6145).toString('base64'),
        DestinationKeyId: ARN,
        DestinationEncryptionAlgorithm: 'AES',
      }),
    ).toMatch(/^2 validation errors detected: .*ciphertextBlob.*destinationEncryptionAlgorithm/);
  });

  it('takes exactly one of KeySpec or NumberOfBytes for GenerateDataKeyWithoutPlaintext', () => {
    expect(parse(generateDataKeyWithoutPlaintext, { KeyId: ARN, NumberOfBytes: 24 })).toEqual({
      keyId: ARN,
      numberOfBytes: 24,
    });
    expect(validationMessage(generateDataKeyWithoutPlaintext, { KeyId: ARN })).toBe(
      'Please specify either number of bytes or key spec.',
    );
    expect(
      validationMessage(generateDataKeyWithoutPlaintext, { KeyId: ARN, NumberOfBytes: 1025 }),
    ).toMatch(/less than or equal to 1024$/);
    // The blob alone goes out and into the audit record's allow-list: never a plaintext.
    const res = { ciphertextBlob: Buffer.from('blob'), keyId: ARN };
    expect(generateDataKeyWithoutPlaintext.serialize(res)).toEqual({
      CiphertextBlob: Buffer.from('blob').toString('base64'),
      KeyId: ARN,
    });
    expect(generateDataKeyWithoutPlaintext.responseElements(res)).toEqual({ keyId: ARN });
  });

  it('bounds GenerateRandom to 1..1024 bytes and never audits the bytes', () => {
    expect(parse(generateRandom, { NumberOfBytes: 1024 })).toEqual({ numberOfBytes: 1024 });
    expect(validationMessage(generateRandom, { NumberOfBytes: 0 })).toMatch(
      /greater than or equal to 1$/,
    );
    expect(validationMessage(generateRandom, { NumberOfBytes: 1025 })).toMatch(
      /less than or equal to 1024$/,
    );
    const res = { plaintext: Buffer.from('random') };
    expect(generateRandom.responseElements(res)).toEqual({});
    generateRandom.wipe({}, res);
    expect(res.plaintext.every((b) => b === 0)).toBe(true);
  });
});
