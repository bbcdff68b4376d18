// Original file: kms/v1/kms.proto

import type { AliasListEntry as _kms_v1_AliasListEntry, AliasListEntry__Output as _kms_v1_AliasListEntry__Output } from '../../kms/v1/AliasListEntry.js';

export interface ListAliasesResponse {
  'aliases'?: (_kms_v1_AliasListEntry)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListAliasesResponse__Output {
  'aliases': (_kms_v1_AliasListEntry__Output)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
