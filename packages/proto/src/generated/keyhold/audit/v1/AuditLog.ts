// Original file: keyhold/audit/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CountRequestsRequest as _keyhold_audit_v1_CountRequestsRequest, CountRequestsRequest__Output as _keyhold_audit_v1_CountRequestsRequest__Output } from '../../../keyhold/audit/v1/CountRequestsRequest.js';
import type { CountRequestsResponse as _keyhold_audit_v1_CountRequestsResponse, CountRequestsResponse__Output as _keyhold_audit_v1_CountRequestsResponse__Output } from '../../../keyhold/audit/v1/CountRequestsResponse.js';
import type { GetAuditPublicKeyRequest as _keyhold_audit_v1_GetAuditPublicKeyRequest, GetAuditPublicKeyRequest__Output as _keyhold_audit_v1_GetAuditPublicKeyRequest__Output } from '../../../keyhold/audit/v1/GetAuditPublicKeyRequest.js';
import type { GetAuditPublicKeyResponse as _keyhold_audit_v1_GetAuditPublicKeyResponse, GetAuditPublicKeyResponse__Output as _keyhold_audit_v1_GetAuditPublicKeyResponse__Output } from '../../../keyhold/audit/v1/GetAuditPublicKeyResponse.js';
import type { ListDigestsRequest as _keyhold_audit_v1_ListDigestsRequest, ListDigestsRequest__Output as _keyhold_audit_v1_ListDigestsRequest__Output } from '../../../keyhold/audit/v1/ListDigestsRequest.js';
import type { ListDigestsResponse as _keyhold_audit_v1_ListDigestsResponse, ListDigestsResponse__Output as _keyhold_audit_v1_ListDigestsResponse__Output } from '../../../keyhold/audit/v1/ListDigestsResponse.js';
import type { LookupEventsRequest as _keyhold_audit_v1_LookupEventsRequest, LookupEventsRequest__Output as _keyhold_audit_v1_LookupEventsRequest__Output } from '../../../keyhold/audit/v1/LookupEventsRequest.js';
import type { LookupEventsResponse as _keyhold_audit_v1_LookupEventsResponse, LookupEventsResponse__Output as _keyhold_audit_v1_LookupEventsResponse__Output } from '../../../keyhold/audit/v1/LookupEventsResponse.js';
import type { VerifyChainRequest as _keyhold_audit_v1_VerifyChainRequest, VerifyChainRequest__Output as _keyhold_audit_v1_VerifyChainRequest__Output } from '../../../keyhold/audit/v1/VerifyChainRequest.js';
import type { VerifyChainResponse as _keyhold_audit_v1_VerifyChainResponse, VerifyChainResponse__Output as _keyhold_audit_v1_VerifyChainResponse__Output } from '../../../keyhold/audit/v1/VerifyChainResponse.js';

export interface AuditLogClient extends grpc.Client {
  CountRequests(argument: _keyhold_audit_v1_CountRequestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  CountRequests(argument: _keyhold_audit_v1_CountRequestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  CountRequests(argument: _keyhold_audit_v1_CountRequestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  CountRequests(argument: _keyhold_audit_v1_CountRequestsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  countRequests(argument: _keyhold_audit_v1_CountRequestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  countRequests(argument: _keyhold_audit_v1_CountRequestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  countRequests(argument: _keyhold_audit_v1_CountRequestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  countRequests(argument: _keyhold_audit_v1_CountRequestsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_CountRequestsResponse__Output>): grpc.ClientUnaryCall;
  
  GetPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  getPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  getPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  getPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  getPublicKey(argument: _keyhold_audit_v1_GetAuditPublicKeyRequest, callback: grpc.requestCallback<_keyhold_audit_v1_GetAuditPublicKeyResponse__Output>): grpc.ClientUnaryCall;
  
  ListDigests(argument: _keyhold_audit_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _keyhold_audit_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _keyhold_audit_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  ListDigests(argument: _keyhold_audit_v1_ListDigestsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _keyhold_audit_v1_ListDigestsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _keyhold_audit_v1_ListDigestsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _keyhold_audit_v1_ListDigestsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  listDigests(argument: _keyhold_audit_v1_ListDigestsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_ListDigestsResponse__Output>): grpc.ClientUnaryCall;
  
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  
  VerifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  VerifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  VerifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  VerifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  verifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  verifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  verifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  verifyChain(argument: _keyhold_audit_v1_VerifyChainRequest, callback: grpc.requestCallback<_keyhold_audit_v1_VerifyChainResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AuditLogHandlers extends grpc.UntypedServiceImplementation {
  CountRequests: grpc.handleUnaryCall<_keyhold_audit_v1_CountRequestsRequest__Output, _keyhold_audit_v1_CountRequestsResponse>;
  
  GetPublicKey: grpc.handleUnaryCall<_keyhold_audit_v1_GetAuditPublicKeyRequest__Output, _keyhold_audit_v1_GetAuditPublicKeyResponse>;
  
  ListDigests: grpc.handleUnaryCall<_keyhold_audit_v1_ListDigestsRequest__Output, _keyhold_audit_v1_ListDigestsResponse>;
  
  LookupEvents: grpc.handleUnaryCall<_keyhold_audit_v1_LookupEventsRequest__Output, _keyhold_audit_v1_LookupEventsResponse>;
  
  VerifyChain: grpc.handleUnaryCall<_keyhold_audit_v1_VerifyChainRequest__Output, _keyhold_audit_v1_VerifyChainResponse>;
  
}

export interface AuditLogDefinition extends grpc.ServiceDefinition {
  CountRequests: MethodDefinition<_keyhold_audit_v1_CountRequestsRequest, _keyhold_audit_v1_CountRequestsResponse, _keyhold_audit_v1_CountRequestsRequest__Output, _keyhold_audit_v1_CountRequestsResponse__Output>
  GetPublicKey: MethodDefinition<_keyhold_audit_v1_GetAuditPublicKeyRequest, _keyhold_audit_v1_GetAuditPublicKeyResponse, _keyhold_audit_v1_GetAuditPublicKeyRequest__Output, _keyhold_audit_v1_GetAuditPublicKeyResponse__Output>
  ListDigests: MethodDefinition<_keyhold_audit_v1_ListDigestsRequest, _keyhold_audit_v1_ListDigestsResponse, _keyhold_audit_v1_ListDigestsRequest__Output, _keyhold_audit_v1_ListDigestsResponse__Output>
  LookupEvents: MethodDefinition<_keyhold_audit_v1_LookupEventsRequest, _keyhold_audit_v1_LookupEventsResponse, _keyhold_audit_v1_LookupEventsRequest__Output, _keyhold_audit_v1_LookupEventsResponse__Output>
  VerifyChain: MethodDefinition<_keyhold_audit_v1_VerifyChainRequest, _keyhold_audit_v1_VerifyChainResponse, _keyhold_audit_v1_VerifyChainRequest__Output, _keyhold_audit_v1_VerifyChainResponse__Output>
}
