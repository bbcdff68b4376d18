// Original file: kms/v1/kms.proto

import type { KeyMetadata as _kms_v1_KeyMetadata, KeyMetadata__Output as _kms_v1_KeyMetadata__Output } from '../../kms/v1/KeyMetadata.js';

export interface DescribeKeyResponse {
  'keyMetadata'?: (_kms_v1_KeyMetadata | null);
}

export interface DescribeKeyResponse__Output {
  'keyMetadata': (_kms_v1_KeyMetadata__Output | null);
}
