// Original file: kms/v1/kms.proto

import type { GrantListEntry as _kms_v1_GrantListEntry, GrantListEntry__Output as _kms_v1_GrantListEntry__Output } from '../../kms/v1/GrantListEntry.js';

export interface ListGrantsResponse {
  'grants'?: (_kms_v1_GrantListEntry)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListGrantsResponse__Output {
  'grants': (_kms_v1_GrantListEntry__Output)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
