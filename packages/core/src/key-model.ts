/** AWS key states (KeyMetadata.KeyState). */
export const KEY_STATES = {
  Creating: 'Creating',
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  PendingDeletion: 'PendingDeletion',
  PendingImport: 'PendingImport',
  PendingReplicaDeletion: 'PendingReplicaDeletion',
  Unavailable: 'Unavailable',
  Updating: 'Updating',
} as const;
export type KeyStateName = (typeof KEY_STATES)[keyof typeof KEY_STATES];

export const KEY_USAGES = {
  ENCRYPT_DECRYPT: 'ENCRYPT_DECRYPT',
  SIGN_VERIFY: 'SIGN_VERIFY',
  GENERATE_VERIFY_MAC: 'GENERATE_VERIFY_MAC',
  KEY_AGREEMENT: 'KEY_AGREEMENT',
} as const;
export type KeyUsage = (typeof KEY_USAGES)[keyof typeof KEY_USAGES];

export const KEY_SPECS = {
  SYMMETRIC_DEFAULT: 'SYMMETRIC_DEFAULT',
} as const;
export type KeySpecName = (typeof KEY_SPECS)[keyof typeof KEY_SPECS];

export const ORIGINS = {
  AWS_KMS: 'AWS_KMS',
  EXTERNAL: 'EXTERNAL',
} as const;
export type Origin = (typeof ORIGINS)[keyof typeof ORIGINS];
