// Original file: keyhold/keymanager/v1/keymanager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelKeyDeletionRequest as _kms_v1_CancelKeyDeletionRequest, CancelKeyDeletionRequest__Output as _kms_v1_CancelKeyDeletionRequest__Output } from '../../../kms/v1/CancelKeyDeletionRequest.js';
import type { CancelKeyDeletionResponse as _kms_v1_CancelKeyDeletionResponse, CancelKeyDeletionResponse__Output as _kms_v1_CancelKeyDeletionResponse__Output } from '../../../kms/v1/CancelKeyDeletionResponse.js';
import type { CreateAliasRequest as _kms_v1_CreateAliasRequest, CreateAliasRequest__Output as _kms_v1_CreateAliasRequest__Output } from '../../../kms/v1/CreateAliasRequest.js';
import type { CreateGrantRequest as _kms_v1_CreateGrantRequest, CreateGrantRequest__Output as _kms_v1_CreateGrantRequest__Output } from '../../../kms/v1/CreateGrantRequest.js';
import type { CreateGrantResponse as _kms_v1_CreateGrantResponse, CreateGrantResponse__Output as _kms_v1_CreateGrantResponse__Output } from '../../../kms/v1/CreateGrantResponse.js';
import type { CreateKeyRequest as _kms_v1_CreateKeyRequest, CreateKeyRequest__Output as _kms_v1_CreateKeyRequest__Output } from '../../../kms/v1/CreateKeyRequest.js';
import type { CreateKeyResponse as _kms_v1_CreateKeyResponse, CreateKeyResponse__Output as _kms_v1_CreateKeyResponse__Output } from '../../../kms/v1/CreateKeyResponse.js';
import type { DeleteAliasRequest as _kms_v1_DeleteAliasRequest, DeleteAliasRequest__Output as _kms_v1_DeleteAliasRequest__Output } from '../../../kms/v1/DeleteAliasRequest.js';
import type { DescribeKeyRequest as _kms_v1_DescribeKeyRequest, DescribeKeyRequest__Output as _kms_v1_DescribeKeyRequest__Output } from '../../../kms/v1/DescribeKeyRequest.js';
import type { DescribeKeyResponse as _kms_v1_DescribeKeyResponse, DescribeKeyResponse__Output as _kms_v1_DescribeKeyResponse__Output } from '../../../kms/v1/DescribeKeyResponse.js';
import type { DisableKeyRequest as _kms_v1_DisableKeyRequest, DisableKeyRequest__Output as _kms_v1_DisableKeyRequest__Output } from '../../../kms/v1/DisableKeyRequest.js';
import type { DisableKeyRotationRequest as _kms_v1_DisableKeyRotationRequest, DisableKeyRotationRequest__Output as _kms_v1_DisableKeyRotationRequest__Output } from '../../../kms/v1/DisableKeyRotationRequest.js';
import type { EmptyResponse as _kms_v1_EmptyResponse, EmptyResponse__Output as _kms_v1_EmptyResponse__Output } from '../../../kms/v1/EmptyResponse.js';
import type { EnableKeyRequest as _kms_v1_EnableKeyRequest, EnableKeyRequest__Output as _kms_v1_EnableKeyRequest__Output } from '../../../kms/v1/EnableKeyRequest.js';
import type { EnableKeyRotationRequest as _kms_v1_EnableKeyRotationRequest, EnableKeyRotationRequest__Output as _kms_v1_EnableKeyRotationRequest__Output } from '../../../kms/v1/EnableKeyRotationRequest.js';
import type { GetKeyForCryptoRequest as _keyhold_keymanager_v1_GetKeyForCryptoRequest, GetKeyForCryptoRequest__Output as _keyhold_keymanager_v1_GetKeyForCryptoRequest__Output } from '../../../keyhold/keymanager/v1/GetKeyForCryptoRequest.js';
import type { GetKeyForCryptoResponse as _keyhold_keymanager_v1_GetKeyForCryptoResponse, GetKeyForCryptoResponse__Output as _keyhold_keymanager_v1_GetKeyForCryptoResponse__Output } from '../../../keyhold/keymanager/v1/GetKeyForCryptoResponse.js';
import type { GetKeyPolicyRequest as _kms_v1_GetKeyPolicyRequest, GetKeyPolicyRequest__Output as _kms_v1_GetKeyPolicyRequest__Output } from '../../../kms/v1/GetKeyPolicyRequest.js';
import type { GetKeyPolicyResponse as _kms_v1_GetKeyPolicyResponse, GetKeyPolicyResponse__Output as _kms_v1_GetKeyPolicyResponse__Output } from '../../../kms/v1/GetKeyPolicyResponse.js';
import type { GetKeyRotationStatusRequest as _kms_v1_GetKeyRotationStatusRequest, GetKeyRotationStatusRequest__Output as _kms_v1_GetKeyRotationStatusRequest__Output } from '../../../kms/v1/GetKeyRotationStatusRequest.js';
import type { GetKeyRotationStatusResponse as _kms_v1_GetKeyRotationStatusResponse, GetKeyRotationStatusResponse__Output as _kms_v1_GetKeyRotationStatusResponse__Output } from '../../../kms/v1/GetKeyRotationStatusResponse.js';
import type { GetKeyTimelineRequest as _keyhold_keymanager_v1_GetKeyTimelineRequest, GetKeyTimelineRequest__Output as _keyhold_keymanager_v1_GetKeyTimelineRequest__Output } from '../../../keyhold/keymanager/v1/GetKeyTimelineRequest.js';
import type { GetKeyTimelineResponse as _keyhold_keymanager_v1_GetKeyTimelineResponse, GetKeyTimelineResponse__Output as _keyhold_keymanager_v1_GetKeyTimelineResponse__Output } from '../../../keyhold/keymanager/v1/GetKeyTimelineResponse.js';
import type { GetKeyUsageHistoryRequest as _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, GetKeyUsageHistoryRequest__Output as _keyhold_keymanager_v1_GetKeyUsageHistoryRequest__Output } from '../../../keyhold/keymanager/v1/GetKeyUsageHistoryRequest.js';
import type { GetKeyUsageHistoryResponse as _keyhold_keymanager_v1_GetKeyUsageHistoryResponse, GetKeyUsageHistoryResponse__Output as _keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output } from '../../../keyhold/keymanager/v1/GetKeyUsageHistoryResponse.js';
import type { ListAliasesRequest as _kms_v1_ListAliasesRequest, ListAliasesRequest__Output as _kms_v1_ListAliasesRequest__Output } from '../../../kms/v1/ListAliasesRequest.js';
import type { ListAliasesResponse as _kms_v1_ListAliasesResponse, ListAliasesResponse__Output as _kms_v1_ListAliasesResponse__Output } from '../../../kms/v1/ListAliasesResponse.js';
import type { ListGrantsRequest as _kms_v1_ListGrantsRequest, ListGrantsRequest__Output as _kms_v1_ListGrantsRequest__Output } from '../../../kms/v1/ListGrantsRequest.js';
import type { ListGrantsResponse as _kms_v1_ListGrantsResponse, ListGrantsResponse__Output as _kms_v1_ListGrantsResponse__Output } from '../../../kms/v1/ListGrantsResponse.js';
import type { ListKeyPoliciesRequest as _kms_v1_ListKeyPoliciesRequest, ListKeyPoliciesRequest__Output as _kms_v1_ListKeyPoliciesRequest__Output } from '../../../kms/v1/ListKeyPoliciesRequest.js';
import type { ListKeyPoliciesResponse as _kms_v1_ListKeyPoliciesResponse, ListKeyPoliciesResponse__Output as _kms_v1_ListKeyPoliciesResponse__Output } from '../../../kms/v1/ListKeyPoliciesResponse.js';
import type { ListKeyRotationsRequest as _kms_v1_ListKeyRotationsRequest, ListKeyRotationsRequest__Output as _kms_v1_ListKeyRotationsRequest__Output } from '../../../kms/v1/ListKeyRotationsRequest.js';
import type { ListKeyRotationsResponse as _kms_v1_ListKeyRotationsResponse, ListKeyRotationsResponse__Output as _kms_v1_ListKeyRotationsResponse__Output } from '../../../kms/v1/ListKeyRotationsResponse.js';
import type { ListKeysRequest as _kms_v1_ListKeysRequest, ListKeysRequest__Output as _kms_v1_ListKeysRequest__Output } from '../../../kms/v1/ListKeysRequest.js';
import type { ListKeysResponse as _kms_v1_ListKeysResponse, ListKeysResponse__Output as _kms_v1_ListKeysResponse__Output } from '../../../kms/v1/ListKeysResponse.js';
import type { ListResourceTagsRequest as _kms_v1_ListResourceTagsRequest, ListResourceTagsRequest__Output as _kms_v1_ListResourceTagsRequest__Output } from '../../../kms/v1/ListResourceTagsRequest.js';
import type { ListResourceTagsResponse as _kms_v1_ListResourceTagsResponse, ListResourceTagsResponse__Output as _kms_v1_ListResourceTagsResponse__Output } from '../../../kms/v1/ListResourceTagsResponse.js';
import type { ListRetirableGrantsRequest as _kms_v1_ListRetirableGrantsRequest, ListRetirableGrantsRequest__Output as _kms_v1_ListRetirableGrantsRequest__Output } from '../../../kms/v1/ListRetirableGrantsRequest.js';
import type { PutKeyPolicyRequest as _kms_v1_PutKeyPolicyRequest, PutKeyPolicyRequest__Output as _kms_v1_PutKeyPolicyRequest__Output } from '../../../kms/v1/PutKeyPolicyRequest.js';
import type { RebuildProjectionsRequest as _keyhold_keymanager_v1_RebuildProjectionsRequest, RebuildProjectionsRequest__Output as _keyhold_keymanager_v1_RebuildProjectionsRequest__Output } from '../../../keyhold/keymanager/v1/RebuildProjectionsRequest.js';
import type { RebuildProjectionsResponse as _keyhold_keymanager_v1_RebuildProjectionsResponse, RebuildProjectionsResponse__Output as _keyhold_keymanager_v1_RebuildProjectionsResponse__Output } from '../../../keyhold/keymanager/v1/RebuildProjectionsResponse.js';
import type { RetireGrantRequest as _kms_v1_RetireGrantRequest, RetireGrantRequest__Output as _kms_v1_RetireGrantRequest__Output } from '../../../kms/v1/RetireGrantRequest.js';
import type { RevokeGrantRequest as _kms_v1_RevokeGrantRequest, RevokeGrantRequest__Output as _kms_v1_RevokeGrantRequest__Output } from '../../../kms/v1/RevokeGrantRequest.js';
import type { RewrapAllKeyMaterialRequest as _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, RewrapAllKeyMaterialRequest__Output as _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest__Output } from '../../../keyhold/keymanager/v1/RewrapAllKeyMaterialRequest.js';
import type { RewrapAllKeyMaterialResponse as _keyhold_keymanager_v1_RewrapAllKeyMaterialResponse, RewrapAllKeyMaterialResponse__Output as _keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output } from '../../../keyhold/keymanager/v1/RewrapAllKeyMaterialResponse.js';
import type { RotateKeyOnDemandRequest as _kms_v1_RotateKeyOnDemandRequest, RotateKeyOnDemandRequest__Output as _kms_v1_RotateKeyOnDemandRequest__Output } from '../../../kms/v1/RotateKeyOnDemandRequest.js';
import type { RotateKeyOnDemandResponse as _kms_v1_RotateKeyOnDemandResponse, RotateKeyOnDemandResponse__Output as _kms_v1_RotateKeyOnDemandResponse__Output } from '../../../kms/v1/RotateKeyOnDemandResponse.js';
import type { ScheduleKeyDeletionRequest as _kms_v1_ScheduleKeyDeletionRequest, ScheduleKeyDeletionRequest__Output as _kms_v1_ScheduleKeyDeletionRequest__Output } from '../../../kms/v1/ScheduleKeyDeletionRequest.js';
import type { ScheduleKeyDeletionResponse as _kms_v1_ScheduleKeyDeletionResponse, ScheduleKeyDeletionResponse__Output as _kms_v1_ScheduleKeyDeletionResponse__Output } from '../../../kms/v1/ScheduleKeyDeletionResponse.js';
import type { TagResourceRequest as _kms_v1_TagResourceRequest, TagResourceRequest__Output as _kms_v1_TagResourceRequest__Output } from '../../../kms/v1/TagResourceRequest.js';
import type { UntagResourceRequest as _kms_v1_UntagResourceRequest, UntagResourceRequest__Output as _kms_v1_UntagResourceRequest__Output } from '../../../kms/v1/UntagResourceRequest.js';
import type { UpdateAliasRequest as _kms_v1_UpdateAliasRequest, UpdateAliasRequest__Output as _kms_v1_UpdateAliasRequest__Output } from '../../../kms/v1/UpdateAliasRequest.js';
import type { UpdateKeyDescriptionRequest as _kms_v1_UpdateKeyDescriptionRequest, UpdateKeyDescriptionRequest__Output as _kms_v1_UpdateKeyDescriptionRequest__Output } from '../../../kms/v1/UpdateKeyDescriptionRequest.js';

export interface KeyManagerClient extends grpc.Client {
  CancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  CancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  CancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  CancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  cancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  cancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  cancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  cancelKeyDeletion(argument: _kms_v1_CancelKeyDeletionRequest, callback: grpc.requestCallback<_kms_v1_CancelKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  
  CreateAlias(argument: _kms_v1_CreateAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  CreateAlias(argument: _kms_v1_CreateAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  CreateAlias(argument: _kms_v1_CreateAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  CreateAlias(argument: _kms_v1_CreateAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  createAlias(argument: _kms_v1_CreateAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  createAlias(argument: _kms_v1_CreateAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  createAlias(argument: _kms_v1_CreateAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  createAlias(argument: _kms_v1_CreateAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  CreateGrant(argument: _kms_v1_CreateGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  CreateGrant(argument: _kms_v1_CreateGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  CreateGrant(argument: _kms_v1_CreateGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  CreateGrant(argument: _kms_v1_CreateGrantRequest, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  createGrant(argument: _kms_v1_CreateGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  createGrant(argument: _kms_v1_CreateGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  createGrant(argument: _kms_v1_CreateGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  createGrant(argument: _kms_v1_CreateGrantRequest, callback: grpc.requestCallback<_kms_v1_CreateGrantResponse__Output>): grpc.ClientUnaryCall;
  
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  createKey(argument: _kms_v1_CreateKeyRequest, callback: grpc.requestCallback<_kms_v1_CreateKeyResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteAlias(argument: _kms_v1_DeleteAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DeleteAlias(argument: _kms_v1_DeleteAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DeleteAlias(argument: _kms_v1_DeleteAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DeleteAlias(argument: _kms_v1_DeleteAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  deleteAlias(argument: _kms_v1_DeleteAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  deleteAlias(argument: _kms_v1_DeleteAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  deleteAlias(argument: _kms_v1_DeleteAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  deleteAlias(argument: _kms_v1_DeleteAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  DescribeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  describeKey(argument: _kms_v1_DescribeKeyRequest, callback: grpc.requestCallback<_kms_v1_DescribeKeyResponse__Output>): grpc.ClientUnaryCall;
  
  DisableKey(argument: _kms_v1_DisableKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKey(argument: _kms_v1_DisableKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKey(argument: _kms_v1_DisableKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKey(argument: _kms_v1_DisableKeyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKey(argument: _kms_v1_DisableKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKey(argument: _kms_v1_DisableKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKey(argument: _kms_v1_DisableKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKey(argument: _kms_v1_DisableKeyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  DisableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  DisableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  disableKeyRotation(argument: _kms_v1_DisableKeyRotationRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  EnableKey(argument: _kms_v1_EnableKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKey(argument: _kms_v1_EnableKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKey(argument: _kms_v1_EnableKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKey(argument: _kms_v1_EnableKeyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKey(argument: _kms_v1_EnableKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKey(argument: _kms_v1_EnableKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKey(argument: _kms_v1_EnableKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKey(argument: _kms_v1_EnableKeyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  EnableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  EnableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  enableKeyRotation(argument: _kms_v1_EnableKeyRotationRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  GetKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  getKeyForCrypto(argument: _keyhold_keymanager_v1_GetKeyForCryptoRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  getKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  getKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  getKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  getKeyPolicy(argument: _kms_v1_GetKeyPolicyRequest, callback: grpc.requestCallback<_kms_v1_GetKeyPolicyResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  GetKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  GetKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  GetKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  getKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  getKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  getKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  getKeyRotationStatus(argument: _kms_v1_GetKeyRotationStatusRequest, callback: grpc.requestCallback<_kms_v1_GetKeyRotationStatusResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  GetKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  GetKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  GetKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  getKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  getKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  getKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  getKeyTimeline(argument: _keyhold_keymanager_v1_GetKeyTimelineRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyTimelineResponse__Output>): grpc.ClientUnaryCall;
  
  GetKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  getKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  getKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  getKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  getKeyUsageHistory(argument: _keyhold_keymanager_v1_GetKeyUsageHistoryRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  ListAliases(argument: _kms_v1_ListAliasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListAliases(argument: _kms_v1_ListAliasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListAliases(argument: _kms_v1_ListAliasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  ListAliases(argument: _kms_v1_ListAliasesRequest, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  listAliases(argument: _kms_v1_ListAliasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  listAliases(argument: _kms_v1_ListAliasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  listAliases(argument: _kms_v1_ListAliasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  listAliases(argument: _kms_v1_ListAliasesRequest, callback: grpc.requestCallback<_kms_v1_ListAliasesResponse__Output>): grpc.ClientUnaryCall;
  
  ListGrants(argument: _kms_v1_ListGrantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListGrants(argument: _kms_v1_ListGrantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListGrants(argument: _kms_v1_ListGrantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListGrants(argument: _kms_v1_ListGrantsRequest, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listGrants(argument: _kms_v1_ListGrantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listGrants(argument: _kms_v1_ListGrantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listGrants(argument: _kms_v1_ListGrantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listGrants(argument: _kms_v1_ListGrantsRequest, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  
  ListKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  listKeyPolicies(argument: _kms_v1_ListKeyPoliciesRequest, callback: grpc.requestCallback<_kms_v1_ListKeyPoliciesResponse__Output>): grpc.ClientUnaryCall;
  
  ListKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  listKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  listKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  listKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  listKeyRotations(argument: _kms_v1_ListKeyRotationsRequest, callback: grpc.requestCallback<_kms_v1_ListKeyRotationsResponse__Output>): grpc.ClientUnaryCall;
  
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  ListKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  listKeys(argument: _kms_v1_ListKeysRequest, callback: grpc.requestCallback<_kms_v1_ListKeysResponse__Output>): grpc.ClientUnaryCall;
  
  ListResourceTags(argument: _kms_v1_ListResourceTagsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  ListResourceTags(argument: _kms_v1_ListResourceTagsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  ListResourceTags(argument: _kms_v1_ListResourceTagsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  ListResourceTags(argument: _kms_v1_ListResourceTagsRequest, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  listResourceTags(argument: _kms_v1_ListResourceTagsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  listResourceTags(argument: _kms_v1_ListResourceTagsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  listResourceTags(argument: _kms_v1_ListResourceTagsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  listResourceTags(argument: _kms_v1_ListResourceTagsRequest, callback: grpc.requestCallback<_kms_v1_ListResourceTagsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  ListRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  listRetirableGrants(argument: _kms_v1_ListRetirableGrantsRequest, callback: grpc.requestCallback<_kms_v1_ListGrantsResponse__Output>): grpc.ClientUnaryCall;
  
  PutKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  PutKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  PutKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  PutKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  putKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  putKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  putKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  putKeyPolicy(argument: _kms_v1_PutKeyPolicyRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  RebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  RebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  RebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  RebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  rebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  rebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  rebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  rebuildProjections(argument: _keyhold_keymanager_v1_RebuildProjectionsRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_RebuildProjectionsResponse__Output>): grpc.ClientUnaryCall;
  
  RetireGrant(argument: _kms_v1_RetireGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RetireGrant(argument: _kms_v1_RetireGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RetireGrant(argument: _kms_v1_RetireGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RetireGrant(argument: _kms_v1_RetireGrantRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  retireGrant(argument: _kms_v1_RetireGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  retireGrant(argument: _kms_v1_RetireGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  retireGrant(argument: _kms_v1_RetireGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  retireGrant(argument: _kms_v1_RetireGrantRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  RevokeGrant(argument: _kms_v1_RevokeGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RevokeGrant(argument: _kms_v1_RevokeGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RevokeGrant(argument: _kms_v1_RevokeGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  RevokeGrant(argument: _kms_v1_RevokeGrantRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  revokeGrant(argument: _kms_v1_RevokeGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  revokeGrant(argument: _kms_v1_RevokeGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  revokeGrant(argument: _kms_v1_RevokeGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  revokeGrant(argument: _kms_v1_RevokeGrantRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  RewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  RewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  rewrapAllKeyMaterial(argument: _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, callback: grpc.requestCallback<_keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>): grpc.ClientUnaryCall;
  
  RotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  RotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  RotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  RotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  rotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  rotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  rotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  rotateKeyOnDemand(argument: _kms_v1_RotateKeyOnDemandRequest, callback: grpc.requestCallback<_kms_v1_RotateKeyOnDemandResponse__Output>): grpc.ClientUnaryCall;
  
  ScheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  ScheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  ScheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  ScheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  scheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  scheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  scheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  scheduleKeyDeletion(argument: _kms_v1_ScheduleKeyDeletionRequest, callback: grpc.requestCallback<_kms_v1_ScheduleKeyDeletionResponse__Output>): grpc.ClientUnaryCall;
  
  TagResource(argument: _kms_v1_TagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _kms_v1_TagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _kms_v1_TagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _kms_v1_TagResourceRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _kms_v1_TagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _kms_v1_TagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _kms_v1_TagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _kms_v1_TagResourceRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  UntagResource(argument: _kms_v1_UntagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _kms_v1_UntagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _kms_v1_UntagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _kms_v1_UntagResourceRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _kms_v1_UntagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _kms_v1_UntagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _kms_v1_UntagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _kms_v1_UntagResourceRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateAlias(argument: _kms_v1_UpdateAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateAlias(argument: _kms_v1_UpdateAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateAlias(argument: _kms_v1_UpdateAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateAlias(argument: _kms_v1_UpdateAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateAlias(argument: _kms_v1_UpdateAliasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateAlias(argument: _kms_v1_UpdateAliasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateAlias(argument: _kms_v1_UpdateAliasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateAlias(argument: _kms_v1_UpdateAliasRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  UpdateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  updateKeyDescription(argument: _kms_v1_UpdateKeyDescriptionRequest, callback: grpc.requestCallback<_kms_v1_EmptyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface KeyManagerHandlers extends grpc.UntypedServiceImplementation {
  CancelKeyDeletion: grpc.handleUnaryCall<_kms_v1_CancelKeyDeletionRequest__Output, _kms_v1_CancelKeyDeletionResponse>;
  
  CreateAlias: grpc.handleUnaryCall<_kms_v1_CreateAliasRequest__Output, _kms_v1_EmptyResponse>;
  
  CreateGrant: grpc.handleUnaryCall<_kms_v1_CreateGrantRequest__Output, _kms_v1_CreateGrantResponse>;
  
  CreateKey: grpc.handleUnaryCall<_kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse>;
  
  DeleteAlias: grpc.handleUnaryCall<_kms_v1_DeleteAliasRequest__Output, _kms_v1_EmptyResponse>;
  
  DescribeKey: grpc.handleUnaryCall<_kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse>;
  
  DisableKey: grpc.handleUnaryCall<_kms_v1_DisableKeyRequest__Output, _kms_v1_EmptyResponse>;
  
  DisableKeyRotation: grpc.handleUnaryCall<_kms_v1_DisableKeyRotationRequest__Output, _kms_v1_EmptyResponse>;
  
  EnableKey: grpc.handleUnaryCall<_kms_v1_EnableKeyRequest__Output, _kms_v1_EmptyResponse>;
  
  EnableKeyRotation: grpc.handleUnaryCall<_kms_v1_EnableKeyRotationRequest__Output, _kms_v1_EmptyResponse>;
  
  GetKeyForCrypto: grpc.handleUnaryCall<_keyhold_keymanager_v1_GetKeyForCryptoRequest__Output, _keyhold_keymanager_v1_GetKeyForCryptoResponse>;
  
  GetKeyPolicy: grpc.handleUnaryCall<_kms_v1_GetKeyPolicyRequest__Output, _kms_v1_GetKeyPolicyResponse>;
  
  GetKeyRotationStatus: grpc.handleUnaryCall<_kms_v1_GetKeyRotationStatusRequest__Output, _kms_v1_GetKeyRotationStatusResponse>;
  
  GetKeyTimeline: grpc.handleUnaryCall<_keyhold_keymanager_v1_GetKeyTimelineRequest__Output, _keyhold_keymanager_v1_GetKeyTimelineResponse>;
  
  GetKeyUsageHistory: grpc.handleUnaryCall<_keyhold_keymanager_v1_GetKeyUsageHistoryRequest__Output, _keyhold_keymanager_v1_GetKeyUsageHistoryResponse>;
  
  ListAliases: grpc.handleUnaryCall<_kms_v1_ListAliasesRequest__Output, _kms_v1_ListAliasesResponse>;
  
  ListGrants: grpc.handleUnaryCall<_kms_v1_ListGrantsRequest__Output, _kms_v1_ListGrantsResponse>;
  
  ListKeyPolicies: grpc.handleUnaryCall<_kms_v1_ListKeyPoliciesRequest__Output, _kms_v1_ListKeyPoliciesResponse>;
  
  ListKeyRotations: grpc.handleUnaryCall<_kms_v1_ListKeyRotationsRequest__Output, _kms_v1_ListKeyRotationsResponse>;
  
  ListKeys: grpc.handleUnaryCall<_kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse>;
  
  ListResourceTags: grpc.handleUnaryCall<_kms_v1_ListResourceTagsRequest__Output, _kms_v1_ListResourceTagsResponse>;
  
  ListRetirableGrants: grpc.handleUnaryCall<_kms_v1_ListRetirableGrantsRequest__Output, _kms_v1_ListGrantsResponse>;
  
  PutKeyPolicy: grpc.handleUnaryCall<_kms_v1_PutKeyPolicyRequest__Output, _kms_v1_EmptyResponse>;
  
  RebuildProjections: grpc.handleUnaryCall<_keyhold_keymanager_v1_RebuildProjectionsRequest__Output, _keyhold_keymanager_v1_RebuildProjectionsResponse>;
  
  RetireGrant: grpc.handleUnaryCall<_kms_v1_RetireGrantRequest__Output, _kms_v1_EmptyResponse>;
  
  RevokeGrant: grpc.handleUnaryCall<_kms_v1_RevokeGrantRequest__Output, _kms_v1_EmptyResponse>;
  
  RewrapAllKeyMaterial: grpc.handleUnaryCall<_keyhold_keymanager_v1_RewrapAllKeyMaterialRequest__Output, _keyhold_keymanager_v1_RewrapAllKeyMaterialResponse>;
  
  RotateKeyOnDemand: grpc.handleUnaryCall<_kms_v1_RotateKeyOnDemandRequest__Output, _kms_v1_RotateKeyOnDemandResponse>;
  
  ScheduleKeyDeletion: grpc.handleUnaryCall<_kms_v1_ScheduleKeyDeletionRequest__Output, _kms_v1_ScheduleKeyDeletionResponse>;
  
  TagResource: grpc.handleUnaryCall<_kms_v1_TagResourceRequest__Output, _kms_v1_EmptyResponse>;
  
  UntagResource: grpc.handleUnaryCall<_kms_v1_UntagResourceRequest__Output, _kms_v1_EmptyResponse>;
  
  UpdateAlias: grpc.handleUnaryCall<_kms_v1_UpdateAliasRequest__Output, _kms_v1_EmptyResponse>;
  
  UpdateKeyDescription: grpc.handleUnaryCall<_kms_v1_UpdateKeyDescriptionRequest__Output, _kms_v1_EmptyResponse>;
  
}

export interface KeyManagerDefinition extends grpc.ServiceDefinition {
  CancelKeyDeletion: MethodDefinition<_kms_v1_CancelKeyDeletionRequest, _kms_v1_CancelKeyDeletionResponse, _kms_v1_CancelKeyDeletionRequest__Output, _kms_v1_CancelKeyDeletionResponse__Output>
  CreateAlias: MethodDefinition<_kms_v1_CreateAliasRequest, _kms_v1_EmptyResponse, _kms_v1_CreateAliasRequest__Output, _kms_v1_EmptyResponse__Output>
  CreateGrant: MethodDefinition<_kms_v1_CreateGrantRequest, _kms_v1_CreateGrantResponse, _kms_v1_CreateGrantRequest__Output, _kms_v1_CreateGrantResponse__Output>
  CreateKey: MethodDefinition<_kms_v1_CreateKeyRequest, _kms_v1_CreateKeyResponse, _kms_v1_CreateKeyRequest__Output, _kms_v1_CreateKeyResponse__Output>
  DeleteAlias: MethodDefinition<_kms_v1_DeleteAliasRequest, _kms_v1_EmptyResponse, _kms_v1_DeleteAliasRequest__Output, _kms_v1_EmptyResponse__Output>
  DescribeKey: MethodDefinition<_kms_v1_DescribeKeyRequest, _kms_v1_DescribeKeyResponse, _kms_v1_DescribeKeyRequest__Output, _kms_v1_DescribeKeyResponse__Output>
  DisableKey: MethodDefinition<_kms_v1_DisableKeyRequest, _kms_v1_EmptyResponse, _kms_v1_DisableKeyRequest__Output, _kms_v1_EmptyResponse__Output>
  DisableKeyRotation: MethodDefinition<_kms_v1_DisableKeyRotationRequest, _kms_v1_EmptyResponse, _kms_v1_DisableKeyRotationRequest__Output, _kms_v1_EmptyResponse__Output>
  EnableKey: MethodDefinition<_kms_v1_EnableKeyRequest, _kms_v1_EmptyResponse, _kms_v1_EnableKeyRequest__Output, _kms_v1_EmptyResponse__Output>
  EnableKeyRotation: MethodDefinition<_kms_v1_EnableKeyRotationRequest, _kms_v1_EmptyResponse, _kms_v1_EnableKeyRotationRequest__Output, _kms_v1_EmptyResponse__Output>
  GetKeyForCrypto: MethodDefinition<_keyhold_keymanager_v1_GetKeyForCryptoRequest, _keyhold_keymanager_v1_GetKeyForCryptoResponse, _keyhold_keymanager_v1_GetKeyForCryptoRequest__Output, _keyhold_keymanager_v1_GetKeyForCryptoResponse__Output>
  GetKeyPolicy: MethodDefinition<_kms_v1_GetKeyPolicyRequest, _kms_v1_GetKeyPolicyResponse, _kms_v1_GetKeyPolicyRequest__Output, _kms_v1_GetKeyPolicyResponse__Output>
  GetKeyRotationStatus: MethodDefinition<_kms_v1_GetKeyRotationStatusRequest, _kms_v1_GetKeyRotationStatusResponse, _kms_v1_GetKeyRotationStatusRequest__Output, _kms_v1_GetKeyRotationStatusResponse__Output>
  GetKeyTimeline: MethodDefinition<_keyhold_keymanager_v1_GetKeyTimelineRequest, _keyhold_keymanager_v1_GetKeyTimelineResponse, _keyhold_keymanager_v1_GetKeyTimelineRequest__Output, _keyhold_keymanager_v1_GetKeyTimelineResponse__Output>
  GetKeyUsageHistory: MethodDefinition<_keyhold_keymanager_v1_GetKeyUsageHistoryRequest, _keyhold_keymanager_v1_GetKeyUsageHistoryResponse, _keyhold_keymanager_v1_GetKeyUsageHistoryRequest__Output, _keyhold_keymanager_v1_GetKeyUsageHistoryResponse__Output>
  ListAliases: MethodDefinition<_kms_v1_ListAliasesRequest, _kms_v1_ListAliasesResponse, _kms_v1_ListAliasesRequest__Output, _kms_v1_ListAliasesResponse__Output>
  ListGrants: MethodDefinition<_kms_v1_ListGrantsRequest, _kms_v1_ListGrantsResponse, _kms_v1_ListGrantsRequest__Output, _kms_v1_ListGrantsResponse__Output>
  ListKeyPolicies: MethodDefinition<_kms_v1_ListKeyPoliciesRequest, _kms_v1_ListKeyPoliciesResponse, _kms_v1_ListKeyPoliciesRequest__Output, _kms_v1_ListKeyPoliciesResponse__Output>
  ListKeyRotations: MethodDefinition<_kms_v1_ListKeyRotationsRequest, _kms_v1_ListKeyRotationsResponse, _kms_v1_ListKeyRotationsRequest__Output, _kms_v1_ListKeyRotationsResponse__Output>
  ListKeys: MethodDefinition<_kms_v1_ListKeysRequest, _kms_v1_ListKeysResponse, _kms_v1_ListKeysRequest__Output, _kms_v1_ListKeysResponse__Output>
  ListResourceTags: MethodDefinition<_kms_v1_ListResourceTagsRequest, _kms_v1_ListResourceTagsResponse, _kms_v1_ListResourceTagsRequest__Output, _kms_v1_ListResourceTagsResponse__Output>
  ListRetirableGrants: MethodDefinition<_kms_v1_ListRetirableGrantsRequest, _kms_v1_ListGrantsResponse, _kms_v1_ListRetirableGrantsRequest__Output, _kms_v1_ListGrantsResponse__Output>
  PutKeyPolicy: MethodDefinition<_kms_v1_PutKeyPolicyRequest, _kms_v1_EmptyResponse, _kms_v1_PutKeyPolicyRequest__Output, _kms_v1_EmptyResponse__Output>
  RebuildProjections: MethodDefinition<_keyhold_keymanager_v1_RebuildProjectionsRequest, _keyhold_keymanager_v1_RebuildProjectionsResponse, _keyhold_keymanager_v1_RebuildProjectionsRequest__Output, _keyhold_keymanager_v1_RebuildProjectionsResponse__Output>
  RetireGrant: MethodDefinition<_kms_v1_RetireGrantRequest, _kms_v1_EmptyResponse, _kms_v1_RetireGrantRequest__Output, _kms_v1_EmptyResponse__Output>
  RevokeGrant: MethodDefinition<_kms_v1_RevokeGrantRequest, _kms_v1_EmptyResponse, _kms_v1_RevokeGrantRequest__Output, _kms_v1_EmptyResponse__Output>
  RewrapAllKeyMaterial: MethodDefinition<_keyhold_keymanager_v1_RewrapAllKeyMaterialRequest, _keyhold_keymanager_v1_RewrapAllKeyMaterialResponse, _keyhold_keymanager_v1_RewrapAllKeyMaterialRequest__Output, _keyhold_keymanager_v1_RewrapAllKeyMaterialResponse__Output>
  RotateKeyOnDemand: MethodDefinition<_kms_v1_RotateKeyOnDemandRequest, _kms_v1_RotateKeyOnDemandResponse, _kms_v1_RotateKeyOnDemandRequest__Output, _kms_v1_RotateKeyOnDemandResponse__Output>
  ScheduleKeyDeletion: MethodDefinition<_kms_v1_ScheduleKeyDeletionRequest, _kms_v1_ScheduleKeyDeletionResponse, _kms_v1_ScheduleKeyDeletionRequest__Output, _kms_v1_ScheduleKeyDeletionResponse__Output>
  TagResource: MethodDefinition<_kms_v1_TagResourceRequest, _kms_v1_EmptyResponse, _kms_v1_TagResourceRequest__Output, _kms_v1_EmptyResponse__Output>
  UntagResource: MethodDefinition<_kms_v1_UntagResourceRequest, _kms_v1_EmptyResponse, _kms_v1_UntagResourceRequest__Output, _kms_v1_EmptyResponse__Output>
  UpdateAlias: MethodDefinition<_kms_v1_UpdateAliasRequest, _kms_v1_EmptyResponse, _kms_v1_UpdateAliasRequest__Output, _kms_v1_EmptyResponse__Output>
  UpdateKeyDescription: MethodDefinition<_kms_v1_UpdateKeyDescriptionRequest, _kms_v1_EmptyResponse, _kms_v1_UpdateKeyDescriptionRequest__Output, _kms_v1_EmptyResponse__Output>
}
