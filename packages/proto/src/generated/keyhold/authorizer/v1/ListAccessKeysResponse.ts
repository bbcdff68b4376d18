// Original file: keyhold/authorizer/v1/admin.proto

import type { AccessKeyMetadata as _keyhold_authorizer_v1_AccessKeyMetadata, AccessKeyMetadata__Output as _keyhold_authorizer_v1_AccessKeyMetadata__Output } from '../../../keyhold/authorizer/v1/AccessKeyMetadata.js';

export interface ListAccessKeysResponse {
  'accessKeys'?: (_keyhold_authorizer_v1_AccessKeyMetadata)[];
}

export interface ListAccessKeysResponse__Output {
  'accessKeys': (_keyhold_authorizer_v1_AccessKeyMetadata__Output)[];
}
