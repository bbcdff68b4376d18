// Original file: kms/v1/kms.proto

import type { RotationsListEntry as _kms_v1_RotationsListEntry, RotationsListEntry__Output as _kms_v1_RotationsListEntry__Output } from '../../kms/v1/RotationsListEntry.js';

export interface ListKeyRotationsResponse {
  'rotations'?: (_kms_v1_RotationsListEntry)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListKeyRotationsResponse__Output {
  'rotations': (_kms_v1_RotationsListEntry__Output)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
