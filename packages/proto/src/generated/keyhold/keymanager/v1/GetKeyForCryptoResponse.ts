// Original file: keyhold/keymanager/v1/keymanager.proto

import type { KeyMetadata as _kms_v1_KeyMetadata, KeyMetadata__Output as _kms_v1_KeyMetadata__Output } from '../../../kms/v1/KeyMetadata.js';
import type { WrappedMaterial as _keyhold_keymanager_v1_WrappedMaterial, WrappedMaterial__Output as _keyhold_keymanager_v1_WrappedMaterial__Output } from '../../../keyhold/keymanager/v1/WrappedMaterial.js';
import type { Long } from '@grpc/proto-loader';

export interface GetKeyForCryptoResponse {
  'keyMetadata'?: (_kms_v1_KeyMetadata | null);
  'region'?: (string);
  'currentMaterialVersion'?: (number);
  'materials'?: (_keyhold_keymanager_v1_WrappedMaterial)[];
  'streamVersion'?: (number | string | Long);
}

export interface GetKeyForCryptoResponse__Output {
  'keyMetadata': (_kms_v1_KeyMetadata__Output | null);
  'region': (string);
  'currentMaterialVersion': (number);
  'materials': (_keyhold_keymanager_v1_WrappedMaterial__Output)[];
  'streamVersion': (string);
}
