// Original file: keyhold/quota/v1/quota.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcquireRequest as _keyhold_quota_v1_AcquireRequest, AcquireRequest__Output as _keyhold_quota_v1_AcquireRequest__Output } from '../../../keyhold/quota/v1/AcquireRequest.js';
import type { AcquireResponse as _keyhold_quota_v1_AcquireResponse, AcquireResponse__Output as _keyhold_quota_v1_AcquireResponse__Output } from '../../../keyhold/quota/v1/AcquireResponse.js';
import type { DeleteQuotaOverrideRequest as _keyhold_quota_v1_DeleteQuotaOverrideRequest, DeleteQuotaOverrideRequest__Output as _keyhold_quota_v1_DeleteQuotaOverrideRequest__Output } from '../../../keyhold/quota/v1/DeleteQuotaOverrideRequest.js';
import type { DeleteQuotaOverrideResponse as _keyhold_quota_v1_DeleteQuotaOverrideResponse, DeleteQuotaOverrideResponse__Output as _keyhold_quota_v1_DeleteQuotaOverrideResponse__Output } from '../../../keyhold/quota/v1/DeleteQuotaOverrideResponse.js';
import type { GetQuotasRequest as _keyhold_quota_v1_GetQuotasRequest, GetQuotasRequest__Output as _keyhold_quota_v1_GetQuotasRequest__Output } from '../../../keyhold/quota/v1/GetQuotasRequest.js';
import type { GetQuotasResponse as _keyhold_quota_v1_GetQuotasResponse, GetQuotasResponse__Output as _keyhold_quota_v1_GetQuotasResponse__Output } from '../../../keyhold/quota/v1/GetQuotasResponse.js';
import type { ListQuotaOverridesRequest as _keyhold_quota_v1_ListQuotaOverridesRequest, ListQuotaOverridesRequest__Output as _keyhold_quota_v1_ListQuotaOverridesRequest__Output } from '../../../keyhold/quota/v1/ListQuotaOverridesRequest.js';
import type { ListQuotaOverridesResponse as _keyhold_quota_v1_ListQuotaOverridesResponse, ListQuotaOverridesResponse__Output as _keyhold_quota_v1_ListQuotaOverridesResponse__Output } from '../../../keyhold/quota/v1/ListQuotaOverridesResponse.js';
import type { ReleaseRequest as _keyhold_quota_v1_ReleaseRequest, ReleaseRequest__Output as _keyhold_quota_v1_ReleaseRequest__Output } from '../../../keyhold/quota/v1/ReleaseRequest.js';
import type { ReleaseResponse as _keyhold_quota_v1_ReleaseResponse, ReleaseResponse__Output as _keyhold_quota_v1_ReleaseResponse__Output } from '../../../keyhold/quota/v1/ReleaseResponse.js';
import type { SetQuotaRequest as _keyhold_quota_v1_SetQuotaRequest, SetQuotaRequest__Output as _keyhold_quota_v1_SetQuotaRequest__Output } from '../../../keyhold/quota/v1/SetQuotaRequest.js';
import type { SetQuotaResponse as _keyhold_quota_v1_SetQuotaResponse, SetQuotaResponse__Output as _keyhold_quota_v1_SetQuotaResponse__Output } from '../../../keyhold/quota/v1/SetQuotaResponse.js';

export interface QuotaLimiterClient extends grpc.Client {
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  DeleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  DeleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  DeleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  deleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  deleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  deleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  deleteQuotaOverride(argument: _keyhold_quota_v1_DeleteQuotaOverrideRequest, callback: grpc.requestCallback<_keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>): grpc.ClientUnaryCall;
  
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  
  ListQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  ListQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  ListQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  ListQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  listQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  listQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  listQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  listQuotaOverrides(argument: _keyhold_quota_v1_ListQuotaOverridesRequest, callback: grpc.requestCallback<_keyhold_quota_v1_ListQuotaOverridesResponse__Output>): grpc.ClientUnaryCall;
  
  Release(argument: _keyhold_quota_v1_ReleaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _keyhold_quota_v1_ReleaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _keyhold_quota_v1_ReleaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  Release(argument: _keyhold_quota_v1_ReleaseRequest, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _keyhold_quota_v1_ReleaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _keyhold_quota_v1_ReleaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _keyhold_quota_v1_ReleaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  release(argument: _keyhold_quota_v1_ReleaseRequest, callback: grpc.requestCallback<_keyhold_quota_v1_ReleaseResponse__Output>): grpc.ClientUnaryCall;
  
  SetQuota(argument: _keyhold_quota_v1_SetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _keyhold_quota_v1_SetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _keyhold_quota_v1_SetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _keyhold_quota_v1_SetQuotaRequest, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _keyhold_quota_v1_SetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _keyhold_quota_v1_SetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _keyhold_quota_v1_SetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _keyhold_quota_v1_SetQuotaRequest, callback: grpc.requestCallback<_keyhold_quota_v1_SetQuotaResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface QuotaLimiterHandlers extends grpc.UntypedServiceImplementation {
  Acquire: grpc.handleUnaryCall<_keyhold_quota_v1_AcquireRequest__Output, _keyhold_quota_v1_AcquireResponse>;
  
  DeleteQuotaOverride: grpc.handleUnaryCall<_keyhold_quota_v1_DeleteQuotaOverrideRequest__Output, _keyhold_quota_v1_DeleteQuotaOverrideResponse>;
  
  GetQuotas: grpc.handleUnaryCall<_keyhold_quota_v1_GetQuotasRequest__Output, _keyhold_quota_v1_GetQuotasResponse>;
  
  ListQuotaOverrides: grpc.handleUnaryCall<_keyhold_quota_v1_ListQuotaOverridesRequest__Output, _keyhold_quota_v1_ListQuotaOverridesResponse>;
  
  Release: grpc.handleUnaryCall<_keyhold_quota_v1_ReleaseRequest__Output, _keyhold_quota_v1_ReleaseResponse>;
  
  SetQuota: grpc.handleUnaryCall<_keyhold_quota_v1_SetQuotaRequest__Output, _keyhold_quota_v1_SetQuotaResponse>;
  
}

export interface QuotaLimiterDefinition extends grpc.ServiceDefinition {
  Acquire: MethodDefinition<_keyhold_quota_v1_AcquireRequest, _keyhold_quota_v1_AcquireResponse, _keyhold_quota_v1_AcquireRequest__Output, _keyhold_quota_v1_AcquireResponse__Output>
  DeleteQuotaOverride: MethodDefinition<_keyhold_quota_v1_DeleteQuotaOverrideRequest, _keyhold_quota_v1_DeleteQuotaOverrideResponse, _keyhold_quota_v1_DeleteQuotaOverrideRequest__Output, _keyhold_quota_v1_DeleteQuotaOverrideResponse__Output>
  GetQuotas: MethodDefinition<_keyhold_quota_v1_GetQuotasRequest, _keyhold_quota_v1_GetQuotasResponse, _keyhold_quota_v1_GetQuotasRequest__Output, _keyhold_quota_v1_GetQuotasResponse__Output>
  ListQuotaOverrides: MethodDefinition<_keyhold_quota_v1_ListQuotaOverridesRequest, _keyhold_quota_v1_ListQuotaOverridesResponse, _keyhold_quota_v1_ListQuotaOverridesRequest__Output, _keyhold_quota_v1_ListQuotaOverridesResponse__Output>
  Release: MethodDefinition<_keyhold_quota_v1_ReleaseRequest, _keyhold_quota_v1_ReleaseResponse, _keyhold_quota_v1_ReleaseRequest__Output, _keyhold_quota_v1_ReleaseResponse__Output>
  SetQuota: MethodDefinition<_keyhold_quota_v1_SetQuotaRequest, _keyhold_quota_v1_SetQuotaResponse, _keyhold_quota_v1_SetQuotaRequest__Output, _keyhold_quota_v1_SetQuotaResponse__Output>
}
