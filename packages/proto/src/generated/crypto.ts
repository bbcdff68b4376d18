import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CryptoWorkerClient as _keyhold_crypto_v1_CryptoWorkerClient, CryptoWorkerDefinition as _keyhold_crypto_v1_CryptoWorkerDefinition } from './keyhold/crypto/v1/CryptoWorker.js';
import type { GenerateKeyMaterialRequest as _keyhold_crypto_v1_GenerateKeyMaterialRequest, GenerateKeyMaterialRequest__Output as _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output } from './keyhold/crypto/v1/GenerateKeyMaterialRequest.js';
import type { GenerateKeyMaterialResponse as _keyhold_crypto_v1_GenerateKeyMaterialResponse, GenerateKeyMaterialResponse__Output as _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output } from './keyhold/crypto/v1/GenerateKeyMaterialResponse.js';
import type { CreateKeyRequest as _kms_v1_CreateKeyRequest, CreateKeyRequest__Output as _kms_v1_CreateKeyRequest__Output } from './kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse as _kms_v1_CreateKeyResponse, CreateKeyResponse__Output as _kms_v1_CreateKeyResponse__Output } from './kms/v1/CreateKeyResponse.js';
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from './kms/v1/DecryptRequest.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from './kms/v1/DecryptResponse.js';
import type { DescribeKeyRequest as _kms_v1_DescribeKeyRequest, DescribeKeyRequest__Output as _kms_v1_DescribeKeyRequest__Output } from './kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse as _kms_v1_DescribeKeyResponse, DescribeKeyResponse__Output as _kms_v1_DescribeKeyResponse__Output } from './kms/v1/DescribeKeyResponse.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from './kms/v1/EncryptRequest.js';
import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from './kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from './kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from './kms/v1/GenerateDataKeyResponse.js';
import type { KeyListEntry as _kms_v1_KeyListEntry, KeyListEntry__Output as _kms_v1_KeyListEntry__Output } from './kms/v1/KeyListEntry.js';
import type { KeyManagementServiceClient as _kms_v1_KeyManagementServiceClient, KeyManagementServiceDefinition as _kms_v1_KeyManagementServiceDefinition } from './kms/v1/KeyManagementService.js';
import type { KeyMetadata as _kms_v1_KeyMetadata, KeyMetadata__Output as _kms_v1_KeyMetadata__Output } from './kms/v1/KeyMetadata.js';
import type { ListKeysRequest as _kms_v1_ListKeysRequest, ListKeysRequest__Output as _kms_v1_ListKeysRequest__Output } from './kms/v1/ListKeysRequest.js';
import type { ListKeysResponse as _kms_v1_ListKeysResponse, ListKeysResponse__Output as _kms_v1_ListKeysResponse__Output } from './kms/v1/ListKeysResponse.js';
import type { Tag as _kms_v1_Tag, Tag__Output as _kms_v1_Tag__Output } from './kms/v1/Tag.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    crypto: {
      v1: {
        CryptoWorker: SubtypeConstructor<typeof grpc.Client, _keyhold_crypto_v1_CryptoWorkerClient> & { service: _keyhold_crypto_v1_CryptoWorkerDefinition }
        GenerateKeyMaterialRequest: MessageTypeDefinition<_keyhold_crypto_v1_GenerateKeyMaterialRequest, _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output>
        GenerateKeyMaterialResponse: MessageTypeDefinition<_keyhold_crypto_v1_GenerateKeyMaterialResponse, _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>
      }
    }
  }
  kms: {
    v1: {
      CreateKeyRequest: MessageTypeDefinition<_kms_v1_CreateKeyRequest, _kms_v1_CreateKeyRequest__Output>
      CreateKeyResponse: MessageTypeDefinition<_kms_v1_CreateKeyResponse, _kms_v1_CreateKeyResponse__Output>
      DecryptRequest: MessageTypeDefinition<_kms_v1_DecryptRequest, _kms_v1_DecryptRequest__Output>
      DecryptResponse: MessageTypeDefinition<_kms_v1_DecryptResponse, _kms_v1_DecryptResponse__Output>
      DescribeKeyRequest: MessageTypeDefinition<_kms_v1_DescribeKeyRequest, _kms_v1_DescribeKeyRequest__Output>
      DescribeKeyResponse: MessageTypeDefinition<_kms_v1_DescribeKeyResponse, _kms_v1_DescribeKeyResponse__Output>
      EncryptRequest: MessageTypeDefinition<_kms_v1_EncryptRequest, _kms_v1_EncryptRequest__Output>
      EncryptResponse: MessageTypeDefinition<_kms_v1_EncryptResponse, _kms_v1_EncryptResponse__Output>
      GenerateDataKeyRequest: MessageTypeDefinition<_kms_v1_GenerateDataKeyRequest, _kms_v1_GenerateDataKeyRequest__Output>
      GenerateDataKeyResponse: MessageTypeDefinition<_kms_v1_GenerateDataKeyResponse, _kms_v1_GenerateDataKeyResponse__Output>
      KeyListEntry: MessageTypeDefinition<_kms_v1_KeyListEntry, _kms_v1_KeyListEntry__Output>
      KeyManagementService: SubtypeConstructor<typeof grpc.Client, _kms_v1_KeyManagementServiceClient> & { service: _kms_v1_KeyManagementServiceDefinition }
      KeyMetadata: MessageTypeDefinition<_kms_v1_KeyMetadata, _kms_v1_KeyMetadata__Output>
      ListKeysRequest: MessageTypeDefinition<_kms_v1_ListKeysRequest, _kms_v1_ListKeysRequest__Output>
      ListKeysResponse: MessageTypeDefinition<_kms_v1_ListKeysResponse, _kms_v1_ListKeysResponse__Output>
      Tag: MessageTypeDefinition<_kms_v1_Tag, _kms_v1_Tag__Output>
    }
  }
}

