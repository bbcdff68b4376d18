// Original file: keyhold/crypto/v1/crypto.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from '../../../kms/v1/DecryptRequest.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from '../../../kms/v1/DecryptResponse.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from '../../../kms/v1/EncryptRequest.js';
import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from '../../../kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from '../../../kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from '../../../kms/v1/GenerateDataKeyResponse.js';
import type { GenerateKeyMaterialRequest as _keyhold_crypto_v1_GenerateKeyMaterialRequest, GenerateKeyMaterialRequest__Output as _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output } from '../../../keyhold/crypto/v1/GenerateKeyMaterialRequest.js';
import type { GenerateKeyMaterialResponse as _keyhold_crypto_v1_GenerateKeyMaterialResponse, GenerateKeyMaterialResponse__Output as _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output } from '../../../keyhold/crypto/v1/GenerateKeyMaterialResponse.js';

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
  
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  GenerateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  generateKeyMaterial(argument: _keyhold_crypto_v1_GenerateKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CryptoWorkerHandlers extends grpc.UntypedServiceImplementation {
  Decrypt: grpc.handleUnaryCall<_kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse>;
  
  Encrypt: grpc.handleUnaryCall<_kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse>;
  
  GenerateDataKey: grpc.handleUnaryCall<_kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse>;
  
  GenerateKeyMaterial: grpc.handleUnaryCall<_keyhold_crypto_v1_GenerateKeyMaterialRequest__Output, _keyhold_crypto_v1_GenerateKeyMaterialResponse>;
  
}

export interface CryptoWorkerDefinition extends grpc.ServiceDefinition {
  Decrypt: MethodDefinition<_kms_v1_DecryptRequest, _kms_v1_DecryptResponse, _kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse__Output>
  Encrypt: MethodDefinition<_kms_v1_EncryptRequest, _kms_v1_EncryptResponse, _kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse__Output>
  GenerateDataKey: MethodDefinition<_kms_v1_GenerateDataKeyRequest, _kms_v1_GenerateDataKeyResponse, _kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse__Output>
  GenerateKeyMaterial: MethodDefinition<_keyhold_crypto_v1_GenerateKeyMaterialRequest, _keyhold_crypto_v1_GenerateKeyMaterialResponse, _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output, _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>
}
