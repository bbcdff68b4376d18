// Original file: keyhold/crypto/v1/crypto.proto

import type { RequestContext as _keyhold_common_v1_RequestContext, RequestContext__Output as _keyhold_common_v1_RequestContext__Output } from '../../../keyhold/common/v1/RequestContext.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from '../../../kms/v1/EncryptRequest.js';
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from '../../../kms/v1/DecryptRequest.js';
import type { ReEncryptRequest as _kms_v1_ReEncryptRequest, ReEncryptRequest__Output as _kms_v1_ReEncryptRequest__Output } from '../../../kms/v1/ReEncryptRequest.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from '../../../kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyWithoutPlaintextRequest as _kms_v1_GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextRequest__Output as _kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output } from '../../../kms/v1/GenerateDataKeyWithoutPlaintextRequest.js';
import type { GenerateRandomRequest as _kms_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _kms_v1_GenerateRandomRequest__Output } from '../../../kms/v1/GenerateRandomRequest.js';

export interface DataPlaneRequest {
  'id'?: (number);
  'context'?: (_keyhold_common_v1_RequestContext | null);
  'timeoutMs'?: (number);
  'encrypt'?: (_kms_v1_EncryptRequest | null);
  'decrypt'?: (_kms_v1_DecryptRequest | null);
  'reEncrypt'?: (_kms_v1_ReEncryptRequest | null);
  'generateDataKey'?: (_kms_v1_GenerateDataKeyRequest | null);
  'generateDataKeyWithoutPlaintext'?: (_kms_v1_GenerateDataKeyWithoutPlaintextRequest | null);
  'generateRandom'?: (_kms_v1_GenerateRandomRequest | null);
  'op'?: "encrypt"|"decrypt"|"reEncrypt"|"generateDataKey"|"generateDataKeyWithoutPlaintext"|"generateRandom";
}

export interface DataPlaneRequest__Output {
  'id': (number);
  'context': (_keyhold_common_v1_RequestContext__Output | null);
  'timeoutMs': (number);
  'encrypt'?: (_kms_v1_EncryptRequest__Output | null);
  'decrypt'?: (_kms_v1_DecryptRequest__Output | null);
  'reEncrypt'?: (_kms_v1_ReEncryptRequest__Output | null);
  'generateDataKey'?: (_kms_v1_GenerateDataKeyRequest__Output | null);
  'generateDataKeyWithoutPlaintext'?: (_kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output | null);
  'generateRandom'?: (_kms_v1_GenerateRandomRequest__Output | null);
  'op'?: "encrypt"|"decrypt"|"reEncrypt"|"generateDataKey"|"generateDataKeyWithoutPlaintext"|"generateRandom";
}
