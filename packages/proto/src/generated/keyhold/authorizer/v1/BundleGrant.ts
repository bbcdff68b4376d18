// Original file: keyhold/authorizer/v1/authorizer.proto

import type { EncryptionContextConstraint as _keyhold_authorizer_v1_EncryptionContextConstraint, EncryptionContextConstraint__Output as _keyhold_authorizer_v1_EncryptionContextConstraint__Output } from '../../../keyhold/authorizer/v1/EncryptionContextConstraint.js';

export interface BundleGrant {
  'grantId'?: (string);
  'granteePrincipal'?: (string);
  'retiringPrincipal'?: (string);
  'operations'?: (string)[];
  'encryptionContextEquals'?: (_keyhold_authorizer_v1_EncryptionContextConstraint | null);
  'encryptionContextSubset'?: (_keyhold_authorizer_v1_EncryptionContextConstraint | null);
  'issuingAccount'?: (string);
}

export interface BundleGrant__Output {
  'grantId': (string);
  'granteePrincipal': (string);
  'retiringPrincipal': (string);
  'operations': (string)[];
  'encryptionContextEquals': (_keyhold_authorizer_v1_EncryptionContextConstraint__Output | null);
  'encryptionContextSubset': (_keyhold_authorizer_v1_EncryptionContextConstraint__Output | null);
  'issuingAccount': (string);
}
