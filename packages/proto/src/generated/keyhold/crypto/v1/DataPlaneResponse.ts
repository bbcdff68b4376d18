// Original file: keyhold/crypto/v1/crypto.proto

import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from '../../../kms/v1/EncryptResponse.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from '../../../kms/v1/DecryptResponse.js';
import type { ReEncryptResponse as _kms_v1_ReEncryptResponse, ReEncryptResponse__Output as _kms_v1_ReEncryptResponse__Output } from '../../../kms/v1/ReEncryptResponse.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from '../../../kms/v1/GenerateDataKeyResponse.js';
import type { GenerateDataKeyWithoutPlaintextResponse as _kms_v1_GenerateDataKeyWithoutPlaintextResponse, GenerateDataKeyWithoutPlaintextResponse__Output as _kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output } from '../../../kms/v1/GenerateDataKeyWithoutPlaintextResponse.js';
import type { GenerateRandomResponse as _kms_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _kms_v1_GenerateRandomResponse__Output } from '../../../kms/v1/GenerateRandomResponse.js';
import type { DataPlaneError as _keyhold_crypto_v1_DataPlaneError, DataPlaneError__Output as _keyhold_crypto_v1_DataPlaneError__Output } from '../../../keyhold/crypto/v1/DataPlaneError.js';

export interface DataPlaneResponse {
  'id'?: (number);
  'encrypt'?: (_kms_v1_EncryptResponse | null);
  'decrypt'?: (_kms_v1_DecryptResponse | null);
  'reEncrypt'?: (_kms_v1_ReEncryptResponse | null);
  'generateDataKey'?: (_kms_v1_GenerateDataKeyResponse | null);
  'generateDataKeyWithoutPlaintext'?: (_kms_v1_GenerateDataKeyWithoutPlaintextResponse | null);
  'generateRandom'?: (_kms_v1_GenerateRandomResponse | null);
  'error'?: (_keyhold_crypto_v1_DataPlaneError | null);
  'result'?: "encrypt"|"decrypt"|"reEncrypt"|"generateDataKey"|"generateDataKeyWithoutPlaintext"|"generateRandom"|"error";
}

export interface DataPlaneResponse__Output {
  'id': (number);
  'encrypt'?: (_kms_v1_EncryptResponse__Output | null);
  'decrypt'?: (_kms_v1_DecryptResponse__Output | null);
  'reEncrypt'?: (_kms_v1_ReEncryptResponse__Output | null);
  'generateDataKey'?: (_kms_v1_GenerateDataKeyResponse__Output | null);
  'generateDataKeyWithoutPlaintext'?: (_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output | null);
  'generateRandom'?: (_kms_v1_GenerateRandomResponse__Output | null);
  'error'?: (_keyhold_crypto_v1_DataPlaneError__Output | null);
  'result'?: "encrypt"|"decrypt"|"reEncrypt"|"generateDataKey"|"generateDataKeyWithoutPlaintext"|"generateRandom"|"error";
}
