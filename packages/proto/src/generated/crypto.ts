import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { RequestContext as _keyhold_common_v1_RequestContext, RequestContext__Output as _keyhold_common_v1_RequestContext__Output } from './keyhold/common/v1/RequestContext.js';
import type { CryptoDataPlaneClient as _keyhold_crypto_v1_CryptoDataPlaneClient, CryptoDataPlaneDefinition as _keyhold_crypto_v1_CryptoDataPlaneDefinition } from './keyhold/crypto/v1/CryptoDataPlane.js';
import type { CryptoWorkerClient as _keyhold_crypto_v1_CryptoWorkerClient, CryptoWorkerDefinition as _keyhold_crypto_v1_CryptoWorkerDefinition } from './keyhold/crypto/v1/CryptoWorker.js';
import type { DataPlaneError as _keyhold_crypto_v1_DataPlaneError, DataPlaneError__Output as _keyhold_crypto_v1_DataPlaneError__Output } from './keyhold/crypto/v1/DataPlaneError.js';
import type { DataPlaneRequest as _keyhold_crypto_v1_DataPlaneRequest, DataPlaneRequest__Output as _keyhold_crypto_v1_DataPlaneRequest__Output } from './keyhold/crypto/v1/DataPlaneRequest.js';
import type { DataPlaneRequests as _keyhold_crypto_v1_DataPlaneRequests, DataPlaneRequests__Output as _keyhold_crypto_v1_DataPlaneRequests__Output } from './keyhold/crypto/v1/DataPlaneRequests.js';
import type { DataPlaneResponse as _keyhold_crypto_v1_DataPlaneResponse, DataPlaneResponse__Output as _keyhold_crypto_v1_DataPlaneResponse__Output } from './keyhold/crypto/v1/DataPlaneResponse.js';
import type { DataPlaneResponses as _keyhold_crypto_v1_DataPlaneResponses, DataPlaneResponses__Output as _keyhold_crypto_v1_DataPlaneResponses__Output } from './keyhold/crypto/v1/DataPlaneResponses.js';
import type { GenerateKeyMaterialRequest as _keyhold_crypto_v1_GenerateKeyMaterialRequest, GenerateKeyMaterialRequest__Output as _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output } from './keyhold/crypto/v1/GenerateKeyMaterialRequest.js';
import type { GenerateKeyMaterialResponse as _keyhold_crypto_v1_GenerateKeyMaterialResponse, GenerateKeyMaterialResponse__Output as _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output } from './keyhold/crypto/v1/GenerateKeyMaterialResponse.js';
import type { RewrapKeyMaterialRequest as _keyhold_crypto_v1_RewrapKeyMaterialRequest, RewrapKeyMaterialRequest__Output as _keyhold_crypto_v1_RewrapKeyMaterialRequest__Output } from './keyhold/crypto/v1/RewrapKeyMaterialRequest.js';
import type { RewrapKeyMaterialResponse as _keyhold_crypto_v1_RewrapKeyMaterialResponse, RewrapKeyMaterialResponse__Output as _keyhold_crypto_v1_RewrapKeyMaterialResponse__Output } from './keyhold/crypto/v1/RewrapKeyMaterialResponse.js';
import type { AliasListEntry as _kms_v1_AliasListEntry, AliasListEntry__Output as _kms_v1_AliasListEntry__Output } from './kms/v1/AliasListEntry.js';
import type { CancelKeyDeletionRequest as _kms_v1_CancelKeyDeletionRequest, CancelKeyDeletionRequest__Output as _kms_v1_CancelKeyDeletionRequest__Output } from './kms/v1/CancelKeyDeletionRequest.js';
import type { CancelKeyDeletionResponse as _kms_v1_CancelKeyDeletionResponse, CancelKeyDeletionResponse__Output as _kms_v1_CancelKeyDeletionResponse__Output } from './kms/v1/CancelKeyDeletionResponse.js';
import type { CreateAliasRequest as _kms_v1_CreateAliasRequest, CreateAliasRequest__Output as _kms_v1_CreateAliasRequest__Output } from './kms/v1/CreateAliasRequest.js';
import type { CreateGrantRequest as _kms_v1_CreateGrantRequest, CreateGrantRequest__Output as _kms_v1_CreateGrantRequest__Output } from './kms/v1/CreateGrantRequest.js';
import type { CreateGrantResponse as _kms_v1_CreateGrantResponse, CreateGrantResponse__Output as _kms_v1_CreateGrantResponse__Output } from './kms/v1/CreateGrantResponse.js';
import type { CreateKeyRequest as _kms_v1_CreateKeyRequest, CreateKeyRequest__Output as _kms_v1_CreateKeyRequest__Output } from './kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse as _kms_v1_CreateKeyResponse, CreateKeyResponse__Output as _kms_v1_CreateKeyResponse__Output } from './kms/v1/CreateKeyResponse.js';
import type { DecryptRequest as _kms_v1_DecryptRequest, DecryptRequest__Output as _kms_v1_DecryptRequest__Output } from './kms/v1/DecryptRequest.js';
import type { DecryptResponse as _kms_v1_DecryptResponse, DecryptResponse__Output as _kms_v1_DecryptResponse__Output } from './kms/v1/DecryptResponse.js';
import type { DeleteAliasRequest as _kms_v1_DeleteAliasRequest, DeleteAliasRequest__Output as _kms_v1_DeleteAliasRequest__Output } from './kms/v1/DeleteAliasRequest.js';
import type { DescribeKeyRequest as _kms_v1_DescribeKeyRequest, DescribeKeyRequest__Output as _kms_v1_DescribeKeyRequest__Output } from './kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse as _kms_v1_DescribeKeyResponse, DescribeKeyResponse__Output as _kms_v1_DescribeKeyResponse__Output } from './kms/v1/DescribeKeyResponse.js';
import type { DisableKeyRequest as _kms_v1_DisableKeyRequest, DisableKeyRequest__Output as _kms_v1_DisableKeyRequest__Output } from './kms/v1/DisableKeyRequest.js';
import type { DisableKeyRotationRequest as _kms_v1_DisableKeyRotationRequest, DisableKeyRotationRequest__Output as _kms_v1_DisableKeyRotationRequest__Output } from './kms/v1/DisableKeyRotationRequest.js';
import type { EmptyResponse as _kms_v1_EmptyResponse, EmptyResponse__Output as _kms_v1_EmptyResponse__Output } from './kms/v1/EmptyResponse.js';
import type { EnableKeyRequest as _kms_v1_EnableKeyRequest, EnableKeyRequest__Output as _kms_v1_EnableKeyRequest__Output } from './kms/v1/EnableKeyRequest.js';
import type { EnableKeyRotationRequest as _kms_v1_EnableKeyRotationRequest, EnableKeyRotationRequest__Output as _kms_v1_EnableKeyRotationRequest__Output } from './kms/v1/EnableKeyRotationRequest.js';
import type { EncryptRequest as _kms_v1_EncryptRequest, EncryptRequest__Output as _kms_v1_EncryptRequest__Output } from './kms/v1/EncryptRequest.js';
import type { EncryptResponse as _kms_v1_EncryptResponse, EncryptResponse__Output as _kms_v1_EncryptResponse__Output } from './kms/v1/EncryptResponse.js';
import type { GenerateDataKeyRequest as _kms_v1_GenerateDataKeyRequest, GenerateDataKeyRequest__Output as _kms_v1_GenerateDataKeyRequest__Output } from './kms/v1/GenerateDataKeyRequest.js';
import type { GenerateDataKeyResponse as _kms_v1_GenerateDataKeyResponse, GenerateDataKeyResponse__Output as _kms_v1_GenerateDataKeyResponse__Output } from './kms/v1/GenerateDataKeyResponse.js';
import type { GenerateDataKeyWithoutPlaintextRequest as _kms_v1_GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextRequest__Output as _kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output } from './kms/v1/GenerateDataKeyWithoutPlaintextRequest.js';
import type { GenerateDataKeyWithoutPlaintextResponse as _kms_v1_GenerateDataKeyWithoutPlaintextResponse, GenerateDataKeyWithoutPlaintextResponse__Output as _kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output } from './kms/v1/GenerateDataKeyWithoutPlaintextResponse.js';
import type { GenerateRandomRequest as _kms_v1_GenerateRandomRequest, GenerateRandomRequest__Output as _kms_v1_GenerateRandomRequest__Output } from './kms/v1/GenerateRandomRequest.js';
import type { GenerateRandomResponse as _kms_v1_GenerateRandomResponse, GenerateRandomResponse__Output as _kms_v1_GenerateRandomResponse__Output } from './kms/v1/GenerateRandomResponse.js';
import type { GetKeyPolicyRequest as _kms_v1_GetKeyPolicyRequest, GetKeyPolicyRequest__Output as _kms_v1_GetKeyPolicyRequest__Output } from './kms/v1/GetKeyPolicyRequest.js';
import type { GetKeyPolicyResponse as _kms_v1_GetKeyPolicyResponse, GetKeyPolicyResponse__Output as _kms_v1_GetKeyPolicyResponse__Output } from './kms/v1/GetKeyPolicyResponse.js';
import type { GetKeyRotationStatusRequest as _kms_v1_GetKeyRotationStatusRequest, GetKeyRotationStatusRequest__Output as _kms_v1_GetKeyRotationStatusRequest__Output } from './kms/v1/GetKeyRotationStatusRequest.js';
import type { GetKeyRotationStatusResponse as _kms_v1_GetKeyRotationStatusResponse, GetKeyRotationStatusResponse__Output as _kms_v1_GetKeyRotationStatusResponse__Output } from './kms/v1/GetKeyRotationStatusResponse.js';
import type { GrantConstraints as _kms_v1_GrantConstraints, GrantConstraints__Output as _kms_v1_GrantConstraints__Output } from './kms/v1/GrantConstraints.js';
import type { GrantListEntry as _kms_v1_GrantListEntry, GrantListEntry__Output as _kms_v1_GrantListEntry__Output } from './kms/v1/GrantListEntry.js';
import type { KeyListEntry as _kms_v1_KeyListEntry, KeyListEntry__Output as _kms_v1_KeyListEntry__Output } from './kms/v1/KeyListEntry.js';
import type { KeyManagementServiceClient as _kms_v1_KeyManagementServiceClient, KeyManagementServiceDefinition as _kms_v1_KeyManagementServiceDefinition } from './kms/v1/KeyManagementService.js';
import type { KeyMetadata as _kms_v1_KeyMetadata, KeyMetadata__Output as _kms_v1_KeyMetadata__Output } from './kms/v1/KeyMetadata.js';
import type { ListAliasesRequest as _kms_v1_ListAliasesRequest, ListAliasesRequest__Output as _kms_v1_ListAliasesRequest__Output } from './kms/v1/ListAliasesRequest.js';
import type { ListAliasesResponse as _kms_v1_ListAliasesResponse, ListAliasesResponse__Output as _kms_v1_ListAliasesResponse__Output } from './kms/v1/ListAliasesResponse.js';
import type { ListGrantsRequest as _kms_v1_ListGrantsRequest, ListGrantsRequest__Output as _kms_v1_ListGrantsRequest__Output } from './kms/v1/ListGrantsRequest.js';
import type { ListGrantsResponse as _kms_v1_ListGrantsResponse, ListGrantsResponse__Output as _kms_v1_ListGrantsResponse__Output } from './kms/v1/ListGrantsResponse.js';
import type { ListKeyPoliciesRequest as _kms_v1_ListKeyPoliciesRequest, ListKeyPoliciesRequest__Output as _kms_v1_ListKeyPoliciesRequest__Output } from './kms/v1/ListKeyPoliciesRequest.js';
import type { ListKeyPoliciesResponse as _kms_v1_ListKeyPoliciesResponse, ListKeyPoliciesResponse__Output as _kms_v1_ListKeyPoliciesResponse__Output } from './kms/v1/ListKeyPoliciesResponse.js';
import type { ListKeyRotationsRequest as _kms_v1_ListKeyRotationsRequest, ListKeyRotationsRequest__Output as _kms_v1_ListKeyRotationsRequest__Output } from './kms/v1/ListKeyRotationsRequest.js';
import type { ListKeyRotationsResponse as _kms_v1_ListKeyRotationsResponse, ListKeyRotationsResponse__Output as _kms_v1_ListKeyRotationsResponse__Output } from './kms/v1/ListKeyRotationsResponse.js';
import type { ListKeysRequest as _kms_v1_ListKeysRequest, ListKeysRequest__Output as _kms_v1_ListKeysRequest__Output } from './kms/v1/ListKeysRequest.js';
import type { ListKeysResponse as _kms_v1_ListKeysResponse, ListKeysResponse__Output as _kms_v1_ListKeysResponse__Output } from './kms/v1/ListKeysResponse.js';
import type { ListResourceTagsRequest as _kms_v1_ListResourceTagsRequest, ListResourceTagsRequest__Output as _kms_v1_ListResourceTagsRequest__Output } from './kms/v1/ListResourceTagsRequest.js';
import type { ListResourceTagsResponse as _kms_v1_ListResourceTagsResponse, ListResourceTagsResponse__Output as _kms_v1_ListResourceTagsResponse__Output } from './kms/v1/ListResourceTagsResponse.js';
import type { ListRetirableGrantsRequest as _kms_v1_ListRetirableGrantsRequest, ListRetirableGrantsRequest__Output as _kms_v1_ListRetirableGrantsRequest__Output } from './kms/v1/ListRetirableGrantsRequest.js';
import type { PutKeyPolicyRequest as _kms_v1_PutKeyPolicyRequest, PutKeyPolicyRequest__Output as _kms_v1_PutKeyPolicyRequest__Output } from './kms/v1/PutKeyPolicyRequest.js';
import type { ReEncryptRequest as _kms_v1_ReEncryptRequest, ReEncryptRequest__Output as _kms_v1_ReEncryptRequest__Output } from './kms/v1/ReEncryptRequest.js';
import type { ReEncryptResponse as _kms_v1_ReEncryptResponse, ReEncryptResponse__Output as _kms_v1_ReEncryptResponse__Output } from './kms/v1/ReEncryptResponse.js';
import type { RetireGrantRequest as _kms_v1_RetireGrantRequest, RetireGrantRequest__Output as _kms_v1_RetireGrantRequest__Output } from './kms/v1/RetireGrantRequest.js';
import type { RevokeGrantRequest as _kms_v1_RevokeGrantRequest, RevokeGrantRequest__Output as _kms_v1_RevokeGrantRequest__Output } from './kms/v1/RevokeGrantRequest.js';
import type { RotateKeyOnDemandRequest as _kms_v1_RotateKeyOnDemandRequest, RotateKeyOnDemandRequest__Output as _kms_v1_RotateKeyOnDemandRequest__Output } from './kms/v1/RotateKeyOnDemandRequest.js';
import type { RotateKeyOnDemandResponse as _kms_v1_RotateKeyOnDemandResponse, RotateKeyOnDemandResponse__Output as _kms_v1_RotateKeyOnDemandResponse__Output } from './kms/v1/RotateKeyOnDemandResponse.js';
import type { RotationsListEntry as _kms_v1_RotationsListEntry, RotationsListEntry__Output as _kms_v1_RotationsListEntry__Output } from './kms/v1/RotationsListEntry.js';
import type { ScheduleKeyDeletionRequest as _kms_v1_ScheduleKeyDeletionRequest, ScheduleKeyDeletionRequest__Output as _kms_v1_ScheduleKeyDeletionRequest__Output } from './kms/v1/ScheduleKeyDeletionRequest.js';
import type { ScheduleKeyDeletionResponse as _kms_v1_ScheduleKeyDeletionResponse, ScheduleKeyDeletionResponse__Output as _kms_v1_ScheduleKeyDeletionResponse__Output } from './kms/v1/ScheduleKeyDeletionResponse.js';
import type { Tag as _kms_v1_Tag, Tag__Output as _kms_v1_Tag__Output } from './kms/v1/Tag.js';
import type { TagResourceRequest as _kms_v1_TagResourceRequest, TagResourceRequest__Output as _kms_v1_TagResourceRequest__Output } from './kms/v1/TagResourceRequest.js';
import type { UntagResourceRequest as _kms_v1_UntagResourceRequest, UntagResourceRequest__Output as _kms_v1_UntagResourceRequest__Output } from './kms/v1/UntagResourceRequest.js';
import type { UpdateAliasRequest as _kms_v1_UpdateAliasRequest, UpdateAliasRequest__Output as _kms_v1_UpdateAliasRequest__Output } from './kms/v1/UpdateAliasRequest.js';
import type { UpdateKeyDescriptionRequest as _kms_v1_UpdateKeyDescriptionRequest, UpdateKeyDescriptionRequest__Output as _kms_v1_UpdateKeyDescriptionRequest__Output } from './kms/v1/UpdateKeyDescriptionRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    common: {
      v1: {
        RequestContext: MessageTypeDefinition<_keyhold_common_v1_RequestContext, _keyhold_common_v1_RequestContext__Output>
      }
    }
    crypto: {
      v1: {
        CryptoDataPlane: SubtypeConstructor<typeof grpc.Client, _keyhold_crypto_v1_CryptoDataPlaneClient> & { service: _keyhold_crypto_v1_CryptoDataPlaneDefinition }
        CryptoWorker: SubtypeConstructor<typeof grpc.Client, _keyhold_crypto_v1_CryptoWorkerClient> & { service: _keyhold_crypto_v1_CryptoWorkerDefinition }
        DataPlaneError: MessageTypeDefinition<_keyhold_crypto_v1_DataPlaneError, _keyhold_crypto_v1_DataPlaneError__Output>
        DataPlaneRequest: MessageTypeDefinition<_keyhold_crypto_v1_DataPlaneRequest, _keyhold_crypto_v1_DataPlaneRequest__Output>
        DataPlaneRequests: MessageTypeDefinition<_keyhold_crypto_v1_DataPlaneRequests, _keyhold_crypto_v1_DataPlaneRequests__Output>
        DataPlaneResponse: MessageTypeDefinition<_keyhold_crypto_v1_DataPlaneResponse, _keyhold_crypto_v1_DataPlaneResponse__Output>
        DataPlaneResponses: MessageTypeDefinition<_keyhold_crypto_v1_DataPlaneResponses, _keyhold_crypto_v1_DataPlaneResponses__Output>
        GenerateKeyMaterialRequest: MessageTypeDefinition<_keyhold_crypto_v1_GenerateKeyMaterialRequest, _keyhold_crypto_v1_GenerateKeyMaterialRequest__Output>
        GenerateKeyMaterialResponse: MessageTypeDefinition<_keyhold_crypto_v1_GenerateKeyMaterialResponse, _keyhold_crypto_v1_GenerateKeyMaterialResponse__Output>
        RewrapKeyMaterialRequest: MessageTypeDefinition<_keyhold_crypto_v1_RewrapKeyMaterialRequest, _keyhold_crypto_v1_RewrapKeyMaterialRequest__Output>
        RewrapKeyMaterialResponse: MessageTypeDefinition<_keyhold_crypto_v1_RewrapKeyMaterialResponse, _keyhold_crypto_v1_RewrapKeyMaterialResponse__Output>
      }
    }
  }
  kms: {
    v1: {
      AliasListEntry: MessageTypeDefinition<_kms_v1_AliasListEntry, _kms_v1_AliasListEntry__Output>
      CancelKeyDeletionRequest: MessageTypeDefinition<_kms_v1_CancelKeyDeletionRequest, _kms_v1_CancelKeyDeletionRequest__Output>
      CancelKeyDeletionResponse: MessageTypeDefinition<_kms_v1_CancelKeyDeletionResponse, _kms_v1_CancelKeyDeletionResponse__Output>
      CreateAliasRequest: MessageTypeDefinition<_kms_v1_CreateAliasRequest, _kms_v1_CreateAliasRequest__Output>
      CreateGrantRequest: MessageTypeDefinition<_kms_v1_CreateGrantRequest, _kms_v1_CreateGrantRequest__Output>
      CreateGrantResponse: MessageTypeDefinition<_kms_v1_CreateGrantResponse, _kms_v1_CreateGrantResponse__Output>
      CreateKeyRequest: MessageTypeDefinition<_kms_v1_CreateKeyRequest, _kms_v1_CreateKeyRequest__Output>
      CreateKeyResponse: MessageTypeDefinition<_kms_v1_CreateKeyResponse, _kms_v1_CreateKeyResponse__Output>
      DecryptRequest: MessageTypeDefinition<_kms_v1_DecryptRequest, _kms_v1_DecryptRequest__Output>
      DecryptResponse: MessageTypeDefinition<_kms_v1_DecryptResponse, _kms_v1_DecryptResponse__Output>
      DeleteAliasRequest: MessageTypeDefinition<_kms_v1_DeleteAliasRequest, _kms_v1_DeleteAliasRequest__Output>
      DescribeKeyRequest: MessageTypeDefinition<_kms_v1_DescribeKeyRequest, _kms_v1_DescribeKeyRequest__Output>
      DescribeKeyResponse: MessageTypeDefinition<_kms_v1_DescribeKeyResponse, _kms_v1_DescribeKeyResponse__Output>
      DisableKeyRequest: MessageTypeDefinition<_kms_v1_DisableKeyRequest, _kms_v1_DisableKeyRequest__Output>
      DisableKeyRotationRequest: MessageTypeDefinition<_kms_v1_DisableKeyRotationRequest, _kms_v1_DisableKeyRotationRequest__Output>
      EmptyResponse: MessageTypeDefinition<_kms_v1_EmptyResponse, _kms_v1_EmptyResponse__Output>
      EnableKeyRequest: MessageTypeDefinition<_kms_v1_EnableKeyRequest, _kms_v1_EnableKeyRequest__Output>
      EnableKeyRotationRequest: MessageTypeDefinition<_kms_v1_EnableKeyRotationRequest, _kms_v1_EnableKeyRotationRequest__Output>
      EncryptRequest: MessageTypeDefinition<_kms_v1_EncryptRequest, _kms_v1_EncryptRequest__Output>
      EncryptResponse: MessageTypeDefinition<_kms_v1_EncryptResponse, _kms_v1_EncryptResponse__Output>
      GenerateDataKeyRequest: MessageTypeDefinition<_kms_v1_GenerateDataKeyRequest, _kms_v1_GenerateDataKeyRequest__Output>
      GenerateDataKeyResponse: MessageTypeDefinition<_kms_v1_GenerateDataKeyResponse, _kms_v1_GenerateDataKeyResponse__Output>
      GenerateDataKeyWithoutPlaintextRequest: MessageTypeDefinition<_kms_v1_GenerateDataKeyWithoutPlaintextRequest, _kms_v1_GenerateDataKeyWithoutPlaintextRequest__Output>
      GenerateDataKeyWithoutPlaintextResponse: MessageTypeDefinition<_kms_v1_GenerateDataKeyWithoutPlaintextResponse, _kms_v1_GenerateDataKeyWithoutPlaintextResponse__Output>
      GenerateRandomRequest: MessageTypeDefinition<_kms_v1_GenerateRandomRequest, _kms_v1_GenerateRandomRequest__Output>
      GenerateRandomResponse: MessageTypeDefinition<_kms_v1_GenerateRandomResponse, _kms_v1_GenerateRandomResponse__Output>
      GetKeyPolicyRequest: MessageTypeDefinition<_kms_v1_GetKeyPolicyRequest, _kms_v1_GetKeyPolicyRequest__Output>
      GetKeyPolicyResponse: MessageTypeDefinition<_kms_v1_GetKeyPolicyResponse, _kms_v1_GetKeyPolicyResponse__Output>
      GetKeyRotationStatusRequest: MessageTypeDefinition<_kms_v1_GetKeyRotationStatusRequest, _kms_v1_GetKeyRotationStatusRequest__Output>
      GetKeyRotationStatusResponse: MessageTypeDefinition<_kms_v1_GetKeyRotationStatusResponse, _kms_v1_GetKeyRotationStatusResponse__Output>
      GrantConstraints: MessageTypeDefinition<_kms_v1_GrantConstraints, _kms_v1_GrantConstraints__Output>
      GrantListEntry: MessageTypeDefinition<_kms_v1_GrantListEntry, _kms_v1_GrantListEntry__Output>
      KeyListEntry: MessageTypeDefinition<_kms_v1_KeyListEntry, _kms_v1_KeyListEntry__Output>
      KeyManagementService: SubtypeConstructor<typeof grpc.Client, _kms_v1_KeyManagementServiceClient> & { service: _kms_v1_KeyManagementServiceDefinition }
      KeyMetadata: MessageTypeDefinition<_kms_v1_KeyMetadata, _kms_v1_KeyMetadata__Output>
      ListAliasesRequest: MessageTypeDefinition<_kms_v1_ListAliasesRequest, _kms_v1_ListAliasesRequest__Output>
      ListAliasesResponse: MessageTypeDefinition<_kms_v1_ListAliasesResponse, _kms_v1_ListAliasesResponse__Output>
      ListGrantsRequest: MessageTypeDefinition<_kms_v1_ListGrantsRequest, _kms_v1_ListGrantsRequest__Output>
      ListGrantsResponse: MessageTypeDefinition<_kms_v1_ListGrantsResponse, _kms_v1_ListGrantsResponse__Output>
      ListKeyPoliciesRequest: MessageTypeDefinition<_kms_v1_ListKeyPoliciesRequest, _kms_v1_ListKeyPoliciesRequest__Output>
      ListKeyPoliciesResponse: MessageTypeDefinition<_kms_v1_ListKeyPoliciesResponse, _kms_v1_ListKeyPoliciesResponse__Output>
      ListKeyRotationsRequest: MessageTypeDefinition<_kms_v1_ListKeyRotationsRequest, _kms_v1_ListKeyRotationsRequest__Output>
      ListKeyRotationsResponse: MessageTypeDefinition<_kms_v1_ListKeyRotationsResponse, _kms_v1_ListKeyRotationsResponse__Output>
      ListKeysRequest: MessageTypeDefinition<_kms_v1_ListKeysRequest, _kms_v1_ListKeysRequest__Output>
      ListKeysResponse: MessageTypeDefinition<_kms_v1_ListKeysResponse, _kms_v1_ListKeysResponse__Output>
      ListResourceTagsRequest: MessageTypeDefinition<_kms_v1_ListResourceTagsRequest, _kms_v1_ListResourceTagsRequest__Output>
      ListResourceTagsResponse: MessageTypeDefinition<_kms_v1_ListResourceTagsResponse, _kms_v1_ListResourceTagsResponse__Output>
      ListRetirableGrantsRequest: MessageTypeDefinition<_kms_v1_ListRetirableGrantsRequest, _kms_v1_ListRetirableGrantsRequest__Output>
      PutKeyPolicyRequest: MessageTypeDefinition<_kms_v1_PutKeyPolicyRequest, _kms_v1_PutKeyPolicyRequest__Output>
      ReEncryptRequest: MessageTypeDefinition<_kms_v1_ReEncryptRequest, _kms_v1_ReEncryptRequest__Output>
      ReEncryptResponse: MessageTypeDefinition<_kms_v1_ReEncryptResponse, _kms_v1_ReEncryptResponse__Output>
      RetireGrantRequest: MessageTypeDefinition<_kms_v1_RetireGrantRequest, _kms_v1_RetireGrantRequest__Output>
      RevokeGrantRequest: MessageTypeDefinition<_kms_v1_RevokeGrantRequest, _kms_v1_RevokeGrantRequest__Output>
      RotateKeyOnDemandRequest: MessageTypeDefinition<_kms_v1_RotateKeyOnDemandRequest, _kms_v1_RotateKeyOnDemandRequest__Output>
      RotateKeyOnDemandResponse: MessageTypeDefinition<_kms_v1_RotateKeyOnDemandResponse, _kms_v1_RotateKeyOnDemandResponse__Output>
      RotationsListEntry: MessageTypeDefinition<_kms_v1_RotationsListEntry, _kms_v1_RotationsListEntry__Output>
      ScheduleKeyDeletionRequest: MessageTypeDefinition<_kms_v1_ScheduleKeyDeletionRequest, _kms_v1_ScheduleKeyDeletionRequest__Output>
      ScheduleKeyDeletionResponse: MessageTypeDefinition<_kms_v1_ScheduleKeyDeletionResponse, _kms_v1_ScheduleKeyDeletionResponse__Output>
      Tag: MessageTypeDefinition<_kms_v1_Tag, _kms_v1_Tag__Output>
      TagResourceRequest: MessageTypeDefinition<_kms_v1_TagResourceRequest, _kms_v1_TagResourceRequest__Output>
      UntagResourceRequest: MessageTypeDefinition<_kms_v1_UntagResourceRequest, _kms_v1_UntagResourceRequest__Output>
      UpdateAliasRequest: MessageTypeDefinition<_kms_v1_UpdateAliasRequest, _kms_v1_UpdateAliasRequest__Output>
      UpdateKeyDescriptionRequest: MessageTypeDefinition<_kms_v1_UpdateKeyDescriptionRequest, _kms_v1_UpdateKeyDescriptionRequest__Output>
    }
  }
}

