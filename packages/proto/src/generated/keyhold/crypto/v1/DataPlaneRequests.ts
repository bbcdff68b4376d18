// Original file: keyhold/crypto/v1/crypto.proto

import type { DataPlaneRequest as _keyhold_crypto_v1_DataPlaneRequest, DataPlaneRequest__Output as _keyhold_crypto_v1_DataPlaneRequest__Output } from '../../../keyhold/crypto/v1/DataPlaneRequest.js';

export interface DataPlaneRequests {
  'requests'?: (_keyhold_crypto_v1_DataPlaneRequest)[];
}

export interface DataPlaneRequests__Output {
  'requests': (_keyhold_crypto_v1_DataPlaneRequest__Output)[];
}
