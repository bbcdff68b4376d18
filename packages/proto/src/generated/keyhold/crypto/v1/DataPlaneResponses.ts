// Original file: keyhold/crypto/v1/crypto.proto

import type { DataPlaneResponse as _keyhold_crypto_v1_DataPlaneResponse, DataPlaneResponse__Output as _keyhold_crypto_v1_DataPlaneResponse__Output } from '../../../keyhold/crypto/v1/DataPlaneResponse.js';

export interface DataPlaneResponses {
  'responses'?: (_keyhold_crypto_v1_DataPlaneResponse)[];
}

export interface DataPlaneResponses__Output {
  'responses': (_keyhold_crypto_v1_DataPlaneResponse__Output)[];
}
