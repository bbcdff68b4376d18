// Original file: kms/v1/kms.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateKeyRequest as _kms_v1_CreateKeyRequest, CreateKeyRequest__Output as _kms_v1_CreateKeyRequest__Output } from '../../kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse as _kms_v1_CreateKeyResponse, CreateKeyResponse__Output as _kms_v1_CreateKeyResponse__Output } from '../../kms/v1/CreateKeyResponse.js';
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from '../../kms/v1/DecryptRequest.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from '../../kms/v1/DecryptResponse.js';
import type { DescribeKeyRequest as _kms_v1_DescribeKeyRequest, DescribeKeyRequest__Output as _kms_v1_DescribeKeyRequest__Output } from '../../kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse as _kms_v1_DescribeKeyResponse, DescribeKeyResponse__Output as _kms_v1_DescribeKeyResponse__Output } from '../../kms/v1/DescribeKeyResponse.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from '../../kms/v1/EncryptRequest.js';
import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from '../../kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from '../../kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from '../../kms/v1/GenerateDataKeyResponse.js';
import type { ListKeysRequest as _kms_v1_ListKeysRequest, ListKeysRequest__Output as _kms_v1_ListKeysRequest__Output } from '../../kms/v1/ListKeysRequest.js';
import type { ListKeysResponse as _kms_v1_ListKeysResponse, ListKeysResponse__Output as _kms_v1_ListKeysResponse__Output } from '../../kms/v1/ListKeysResponse.js';

export interface KeyManagementServiceClient extends grpc.Client {
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  
  Decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  Decrypt(argument: _kms_v1_DecryptRequest, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  decrypt(argument: _kms_v1_DecryptRequest, callback: grpc.requestCallback<_kms_v1_DecryptResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface KeyManagementServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateKey: grpc.handleUnaryCall<_kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse>;
  
  Decrypt: grpc.handleUnaryCall<_kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse>;
  
  DescribeKey: grpc.handleUnaryCall<_kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse>;
  
  Encrypt: grpc.handleUnaryCall<_kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse>;
  
  GenerateDataKey: grpc.handleUnaryCall<_kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse>;
  
  ListKeys: grpc.handleUnaryCall<_kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse>;
  
}

export interface KeyManagementServiceDefinition extends grpc.ServiceDefinition {
  CreateKey: MethodDefinition<_kms_v1_CreateKeyRequest, _kms_v1_CreateKeyResponse, _kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse__Output>
  Decrypt: MethodDefinition<_kms_v1_DecryptRequest, _kms_v1_DecryptResponse, _kms_v1_DecryptRequest__Output, _kms_v1_DecryptResponse__Output>
  DescribeKey: MethodDefinition<_kms_v1_DescribeKeyRequest, _kms_v1_DescribeKeyResponse, _kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse__Output>
  Encrypt: MethodDefinition<_kms_v1_EncryptRequest, _kms_v1_EncryptResponse, _kms_v1_EncryptRequest__Output, _kms_v1_EncryptResponse__Output>
  GenerateDataKey: MethodDefinition<_kms_v1_GenerateDataKeyRequest, _kms_v1_GenerateDataKeyResponse, _kms_v1_GenerateDataKeyRequest__Output, _kms_v1_GenerateDataKeyResponse__Output>
  ListKeys: MethodDefinition<_kms_v1_ListKeysRequest, _kms_v1_ListKeysResponse, _kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse__Output>
}
