// Original file: keyhold/authorizer/v1/authorizer.proto

import type { EncryptionContextConstraint as _keyhold_authorizer_v1_EncryptionContextConstraint, EncryptionContextConstraint__Output as _keyhold_authorizer_v1_EncryptionContextConstraint__Output } from '../../../keyhold/authorizer/v1/EncryptionContextConstraint.js';

export interface GrantParameters {
  'operations'?: (string)[];
  'granteePrincipal'?: (string);
  'retiringPrincipal'?: (string);
  'isForAwsResource'?: (boolean);
  'encryptionContextEquals'?: (_keyhold_authorizer_v1_EncryptionContextConstraint | null);
  'encryptionContextSubset'?: (_keyhold_authorizer_v1_EncryptionContextConstraint | null);
  'grantId'?: (string);
}

export interface GrantParameters__Output {
  'operations': (string)[];
  'granteePrincipal': (string);
  'retiringPrincipal': (string);
  'isForAwsResource': (boolean);
  'encryptionContextEquals': (_keyhold_authorizer_v1_EncryptionContextConstraint__Output | null);
  'encryptionContextSubset': (_keyhold_authorizer_v1_EncryptionContextConstraint__Output | null);
  'grantId': (string);
}
