import { describe, expect, it } from 'vitest';
import { isKmsError } from '@keyhold/core';
import { dataKeyLength } from './generate-data-key.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isKmsError(err, 'ValidationException')).toBe(true);
    return (err as Error).message;
  }
  return 'no error';
}

describe('dataKeyLength', () => {
  it('takes exactly one of KeySpec or NumberOfBytes', () => {
    expect(dataKeyLength('AES_256', undefined)).toBe(32);
    expect(dataKeyLength('AES_128', undefined)).toBe(16);
    expect(dataKeyLength(undefined, 24)).toBe(24);
    expect(dataKeyLength(undefined, 1024)).toBe(1024);
    expect(message(() => dataKeyLength(undefined, undefined))).toBe(
      'Please specify either number of bytes or key spec.',
    );
    expect(message(() => dataKeyLength('AES_256', 32))).toBe(
      'Please specify either number of bytes or key spec.',
    );
  });

  it('uses AWS wording for out-of-range values', () => {
    expect(message(() => dataKeyLength('AES_512', undefined))).toBe(
      "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
    );
    expect(message(() => dataKeyLength(undefined, 0))).toBe(
      "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(message(() => dataKeyLength(undefined, 1025))).toMatch(/less than or equal to 1024$/);
  });
});
