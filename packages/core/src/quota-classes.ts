/**
 * The operation -> quota class rule shared by quota-limiter (enforcement) and
 * metering (billing): the symmetric cryptographic operations share one class,
 * every other operation is its own.
 */

/** The AWS shared quota for symmetric cryptographic operations. */
export const CRYPTO_SYMMETRIC_CLASS = 'CryptographicOperationsSymmetric';

/** Operations that spend the shared symmetric quota (AWS-KMS-REFERENCE §2.1). */
export const SYMMETRIC_OPERATIONS: readonly string[] = [
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateRandom',
  'GenerateMac',
  'VerifyMac',
];
