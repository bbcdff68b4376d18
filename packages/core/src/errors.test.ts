import { describe, expect, it } from 'vitest';
import { KmsError, toKmsError } from './errors.js';

describe('KmsError audit detail', () => {
  it('carries a deny reason that no serialization of the error shows', () => {
    const err = KmsError.accessDenied(
      'arn:aws:iam::111122223333:user/app',
      'kms:Encrypt',
      'arn:aws:kms:us-east-1:111122223333:key/k',
      "explicit deny: key policy statement 'NoEncrypt'",
    );
    expect(err.audit).toEqual({ denyReason: "explicit deny: key policy statement 'NoEncrypt'" });
    expect(err.message).not.toContain('NoEncrypt');
    expect(JSON.stringify(err)).not.toContain('NoEncrypt');
    expect(Object.keys(err)).not.toContain('audit');
    expect(toKmsError(err).audit?.denyReason).toContain('NoEncrypt');
  });

  it('has none unless given', () => {
    expect(KmsError.accessDenied('p', 'kms:Encrypt', 'r').audit).toBeUndefined();
    expect(new KmsError('NotFoundException', 'x').audit).toBeUndefined();
  });
});
