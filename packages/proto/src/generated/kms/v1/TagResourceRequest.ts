// Original file: kms/v1/kms.proto

import type { Tag as _kms_v1_Tag, Tag__Output as _kms_v1_Tag__Output } from '../../kms/v1/Tag.js';

export interface TagResourceRequest {
  'keyId'?: (string);
  'tags'?: (_kms_v1_Tag)[];
}

export interface TagResourceRequest__Output {
  'keyId': (string);
  'tags': (_kms_v1_Tag__Output)[];
}
