// Original file: keyhold/quota/v1/quota.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcquireRequest as _keyhold_quota_v1_AcquireRequest, AcquireRequest__Output as _keyhold_quota_v1_AcquireRequest__Output } from '../../../keyhold/quota/v1/AcquireRequest.js';
import type { AcquireResponse as _keyhold_quota_v1_AcquireResponse, AcquireResponse__Output as _keyhold_quota_v1_AcquireResponse__Output } from '../../../keyhold/quota/v1/AcquireResponse.js';
import type { GetQuotasRequest as _keyhold_quota_v1_GetQuotasRequest, GetQuotasRequest__Output as _keyhold_quota_v1_GetQuotasRequest__Output } from '../../../keyhold/quota/v1/GetQuotasRequest.js';
import type { GetQuotasResponse as _keyhold_quota_v1_GetQuotasResponse, GetQuotasResponse__Output as _keyhold_quota_v1_GetQuotasResponse__Output } from '../../../keyhold/quota/v1/GetQuotasResponse.js';

export interface QuotaLimiterClient extends grpc.Client {
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  Acquire(argument: _keyhold_quota_v1_AcquireRequest, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  acquire(argument: _keyhold_quota_v1_AcquireRequest, callback: grpc.requestCallback<_keyhold_quota_v1_AcquireResponse__Output>): grpc.ClientUnaryCall;
  
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  GetQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  getQuotas(argument: _keyhold_quota_v1_GetQuotasRequest, callback: grpc.requestCallback<_keyhold_quota_v1_GetQuotasResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface QuotaLimiterHandlers extends grpc.UntypedServiceImplementation {
  Acquire: grpc.handleUnaryCall<_keyhold_quota_v1_AcquireRequest__Output, _keyhold_quota_v1_AcquireResponse>;
  
  GetQuotas: grpc.handleUnaryCall<_keyhold_quota_v1_GetQuotasRequest__Output, _keyhold_quota_v1_GetQuotasResponse>;
  
}

export interface QuotaLimiterDefinition extends grpc.ServiceDefinition {
  Acquire: MethodDefinition<_keyhold_quota_v1_AcquireRequest, _keyhold_quota_v1_AcquireResponse, _keyhold_quota_v1_AcquireRequest__Output, _keyhold_quota_v1_AcquireResponse__Output>
  GetQuotas: MethodDefinition<_keyhold_quota_v1_GetQuotasRequest, _keyhold_quota_v1_GetQuotasResponse, _keyhold_quota_v1_GetQuotasRequest__Output, _keyhold_quota_v1_GetQuotasResponse__Output>
}
