// Original file: keyhold/crypto/v1/crypto.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from '../../../kms/v1/DecryptRequest.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from '../../../kms/v1/DecryptResponse.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from '../../../kms/v1/EncryptRequest.js';
import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from '../../../kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from '../../../kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from '../../../kms/v1/GenerateDataKeyResponse.js';
import type { GenerateDataKeyWithoutPlaintextRequest as _kms_v1_GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextRequest__Output as _kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output } from '../../../kms/v1/GenerateDataKeyWithoutPlaintextRequest.js';
import type { GenerateDataKeyWithoutPlaintextResponse as _kms_v1_GenerateDataKeyWithoutPlaintextResponse, GenerateDataKeyWithoutPlaintextResponse__Output as _kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output } from '../../../kms/v1/GenerateDataKeyWithoutPlaintextResponse.js';
import type { GenerateKeyMaterialRequest as _keyhold_crypto_v1_GenerateKeyMaterialRequest, GenerateKeyMaterialRequest__Output as _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output } from '../../../keyhold/crypto/v1/GenerateKeyMaterialRequest.js';
import type { GenerateKeyMaterialResponse as _keyhold_crypto_v1_GenerateKeyMaterialResponse, GenerateKeyMaterialResponse__Output as _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output } from '../../../keyhold/crypto/v1/GenerateKeyMaterialResponse.js';
import type { GenerateRandomRequest as _kms_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _kms_v1_GenerateRandomRequest__Output } from '../../../kms/v1/GenerateRandomRequest.js';
import type { GenerateRandomResponse as _kms_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _kms_v1_GenerateRandomResponse__Output } from '../../../kms/v1/GenerateRandomResponse.js';
import type { ReEncryptRequest as _kms_v1_ReEncryptRequest, ReEncryptRequest__Output as _kms_v1_ReEncryptRequest__Output } from '../../../kms/v1/ReEncryptRequest.js';
import type { ReEncryptResponse as _kms_v1_ReEncryptResponse, ReEncryptResponse__Output as _kms_v1_ReEncryptResponse__Output } from '../../../kms/v1/ReEncryptResponse.js';
import type { RewrapKeyMaterialRequest as _keyhold_crypto_v1_RewrapKeyMaterialRequest, RewrapKeyMaterialRequest__Output as _keyhold_crypto_v1_RewrapKeyMaterialRequest__Output } from '../../../keyhold/crypto/v1/RewrapKeyMaterialRequest.js';
import type { RewrapKeyMaterialResponse as _keyhold_crypto_v1_RewrapKeyMaterialResponse, RewrapKeyMaterialResponse__Output as _keyhold_crypto_v1_RewrapKeyMaterialResponse__Output } from '../../../keyhold/crypto/v1/RewrapKeyMaterialResponse.js';

export interface CryptoWorkerClient extends grpc.Client {
  Decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  
  Encrypt(argument: _kms_v1_EncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _kms_v1_EncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _kms_v1_EncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  Encrypt(argument: _kms_v1_EncryptRequest, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _kms_v1_EncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _kms_v1_EncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _kms_v1_EncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  encrypt(argument: _kms_v1_EncryptRequest, callback: grpc.requestCallback<_kms_v1_EncryptResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateDataKey(argument: _kms_v1_GenerateDataKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKey(argument: _kms_v1_GenerateDataKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKey(argument: _kms_v1_GenerateDataKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKey(argument: _kms_v1_GenerateDataKeyRequest, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  generateDataKey(argument: _kms_v1_GenerateDataKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  generateDataKey(argument: _kms_v1_GenerateDataKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  generateDataKey(argument: _kms_v1_GenerateDataKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  generateDataKey(argument: _kms_v1_GenerateDataKeyRequest, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  GenerateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  generateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  generateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  generateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  generateDataKeyWithoutPlaintext(argument: _kms_v1_GenerateDataKeyWithoutPlaintextRequest, callback: grpc.requestCallback<_kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  
  GenerateRandom(argument: _kms_v1_GenerateRandomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _kms_v1_GenerateRandomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _kms_v1_GenerateRandomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  GenerateRandom(argument: _kms_v1_GenerateRandomRequest, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _kms_v1_GenerateRandomRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _kms_v1_GenerateRandomRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _kms_v1_GenerateRandomRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  generateRandom(argument: _kms_v1_GenerateRandomRequest, callback: grpc.requestCallback<_kms_v1_GenerateRandomResponse__Output>): grpc.ClientUnaryCall;
  
  ReEncrypt(argument: _kms_v1_ReEncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  ReEncrypt(argument: _kms_v1_ReEncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  ReEncrypt(argument: _kms_v1_ReEncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  ReEncrypt(argument: _kms_v1_ReEncryptRequest, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  reEncrypt(argument: _kms_v1_ReEncryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  reEncrypt(argument: _kms_v1_ReEncryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  reEncrypt(argument: _kms_v1_ReEncryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  reEncrypt(argument: _kms_v1_ReEncryptRequest, callback: grpc.requestCallback<_kms_v1_ReEncryptResponse__Output>): grpc.ClientUnaryCall;
  
  RewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapKeyMaterial(argument: _keyhold_crypto_v1_RewrapKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CryptoWorkerHandlers extends grpc.UntypedServiceImplementation {
  Decrypt: grpc.handleUnaryCall<_kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse>;
  
  Encrypt: grpc.handleUnaryCall<_kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse>;
  
  GenerateDataKey: grpc.handleUnaryCall<_kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse>;
  
  GenerateDataKeyWithoutPlaintext: grpc.handleUnaryCall<_kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output, _kms_v1_GenerateDataKeyWithoutPlaintextResponse>;
  
  GenerateKeyMaterial: grpc.handleUnaryCall<_keyhold_crypto_v1_GenerateKeyMaterialRequest__Output, _keyhold_crypto_v1_GenerateKeyMaterialResponse>;
  
  GenerateRandom: grpc.handleUnaryCall<_kms_v1_GenerateRandomRequest__Output, _kms_v1_GenerateRandomResponse>;
  
  ReEncrypt: grpc.handleUnaryCall<_kms_v1_ReEncryptRequest__Output, _kms_v1_ReEncryptResponse>;
  
  RewrapKeyMaterial: grpc.handleUnaryCall<_keyhold_crypto_v1_RewrapKeyMaterialRequest__Output, _keyhold_crypto_v1_RewrapKeyMaterialResponse>;
  
}

export interface CryptoWorkerDefinition extends grpc.ServiceDefinition {
  Decrypt: MethodDefinition<_kms_v1_DecryptRequest, _kms_v1_DecryptResponse, _kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse__Output>
  Encrypt: MethodDefinition<_kms_v1_EncryptRequest, _kms_v1_EncryptResponse, _kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse__Output>
  GenerateDataKey: MethodDefinition<_kms_v1_GenerateDataKeyRequest, _kms_v1_GenerateDataKeyResponse, _kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse__Output>
  GenerateDataKeyWithoutPlaintext: MethodDefinition<_kms_v1_GenerateDataKeyWithoutPlaintextRequest, _kms_v1_GenerateDataKeyWithoutPlaintextResponse, _kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output, _kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>
  GenerateKeyMaterial: MethodDefinition<_keyhold_crypto_v1_GenerateKeyMaterialRequest, _keyhold_crypto_v1_GenerateKeyMaterialResponse, _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output, _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>
  GenerateRandom: MethodDefinition<_kms_v1_GenerateRandomRequest, _kms_v1_GenerateRandomResponse, _kms_v1_GenerateRandomRequest__Output, _kms_v1_GenerateRandomResponse__Output>
  ReEncrypt: MethodDefinition<_kms_v1_ReEncryptRequest, _kms_v1_ReEncryptResponse, _kms_v1_ReEncryptRequest__Output, _kms_v1_ReEncryptResponse__Output>
  RewrapKeyMaterial: MethodDefinition<_keyhold_crypto_v1_RewrapKeyMaterialRequest, _keyhold_crypto_v1_RewrapKeyMaterialResponse, _keyhold_crypto_v1_RewrapKeyMaterialRequest__Output, _keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>
}
