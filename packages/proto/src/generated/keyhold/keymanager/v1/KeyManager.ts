// Original file: keyhold/keymanager/v1/keymanager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateKeyRequest as _kms_v1_CreateKeyRequest, CreateKeyRequest__Output as _kms_v1_CreateKeyRequest__Output } from '../../../kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse as _kms_v1_CreateKeyResponse, CreateKeyResponse__Output as _kms_v1_CreateKeyResponse__Output } from '../../../kms/v1/CreateKeyResponse.js';
import type { DescribeKeyRequest as _kms_v1_DescribeKeyRequest, DescribeKeyRequest__Output as _kms_v1_DescribeKeyRequest__Output } from '../../../kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse as _kms_v1_DescribeKeyResponse, DescribeKeyResponse__Output as _kms_v1_DescribeKeyResponse__Output } from '../../../kms/v1/DescribeKeyResponse.js';
import type { GetKeyForCryptoRequest as _keyhold_keymanager_v1_GetKeyForCryptoRequest, GetKeyForCryptoRequest__Output as _keyhold_keymanager_v1_GetKeyForCryptoRequest__Output } from '../../../keyhold/keymanager/v1/GetKeyForCryptoRequest.js';
import type { GetKeyForCryptoResponse as _keyhold_keymanager_v1_GetKeyForCryptoResponse, GetKeyForCryptoResponse__Output as _keyhold_keymanager_v1_GetKeyForCryptoResponse__Output } from '../../../keyhold/keymanager/v1/GetKeyForCryptoResponse.js';
import type { ListKeysRequest as _kms_v1_ListKeysRequest, ListKeysRequest__Output as _kms_v1_ListKeysRequest__Output } from '../../../kms/v1/ListKeysRequest.js';
import type { ListKeysResponse as _kms_v1_ListKeysResponse, ListKeysResponse__Output as _kms_v1_ListKeysResponse__Output } from '../../../kms/v1/ListKeysResponse.js';

export interface KeyManagerClient extends grpc.Client {
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface KeyManagerHandlers extends grpc.UntypedServiceImplementation {
  CreateKey: grpc.handleUnaryCall<_kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse>;
  
  DescribeKey: grpc.handleUnaryCall<_kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse>;
  
  GetKeyForCrypto: grpc.handleUnaryCall<_keyhold_keymanager_v1_GetKeyForCryptoRequest__Output, _keyhold_keymanager_v1_GetKeyForCryptoResponse>;
  
  ListKeys: grpc.handleUnaryCall<_kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse>;
  
}

export interface KeyManagerDefinition extends grpc.ServiceDefinition {
  CreateKey: MethodDefinition<_kms_v1_CreateKeyRequest, _kms_v1_CreateKeyResponse, _kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse__Output>
  DescribeKey: MethodDefinition<_kms_v1_DescribeKeyRequest, _kms_v1_DescribeKeyResponse, _kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse__Output>
  GetKeyForCrypto: MethodDefinition<_keyhold_keymanager_v1_GetKeyForCryptoRequest, _keyhold_keymanager_v1_GetKeyForCryptoResponse, _keyhold_keymanager_v1_GetKeyForCryptoRequest__Output, _keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>
  ListKeys: MethodDefinition<_kms_v1_ListKeysRequest, _kms_v1_ListKeysResponse, _kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse__Output>
}
