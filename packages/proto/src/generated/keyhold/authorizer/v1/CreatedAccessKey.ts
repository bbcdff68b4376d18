// Original file: keyhold/authorizer/v1/admin.proto

import type { AccessKeyMetadata as _keyhold_authorizer_v1_AccessKeyMetadata, AccessKeyMetadata__Output as _keyhold_authorizer_v1_AccessKeyMetadata__Output } from '../../../keyhold/authorizer/v1/AccessKeyMetadata.js';

export interface CreatedAccessKey {
  'metadata'?: (_keyhold_authorizer_v1_AccessKeyMetadata | null);
  'secretAccessKey'?: (string);
}

export interface CreatedAccessKey__Output {
  'metadata': (_keyhold_authorizer_v1_AccessKeyMetadata__Output | null);
  'secretAccessKey': (string);
}
