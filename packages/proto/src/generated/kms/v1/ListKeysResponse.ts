// Original file: kms/v1/kms.proto

import type { KeyListEntry as _kms_v1_KeyListEntry, KeyListEntry__Output as _kms_v1_KeyListEntry__Output } from '../../kms/v1/KeyListEntry.js';

export interface ListKeysResponse {
  'keys'?: (_kms_v1_KeyListEntry)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListKeysResponse__Output {
  'keys': (_kms_v1_KeyListEntry__Output)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
