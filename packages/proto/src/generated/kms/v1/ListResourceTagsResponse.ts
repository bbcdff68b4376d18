// Original file: kms/v1/kms.proto

import type { Tag as _kms_v1_Tag, Tag__Output as _kms_v1_Tag__Output } from '../../kms/v1/Tag.js';

export interface ListResourceTagsResponse {
  'tags'?: (_kms_v1_Tag)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListResourceTagsResponse__Output {
  'tags': (_kms_v1_Tag__Output)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
