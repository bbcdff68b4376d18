// Original file: keyhold/audit/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { LookupEventsRequest as _keyhold_audit_v1_LookupEventsRequest, LookupEventsRequest__Output as _keyhold_audit_v1_LookupEventsRequest__Output } from '../../../keyhold/audit/v1/LookupEventsRequest.js';
import type { LookupEventsResponse as _keyhold_audit_v1_LookupEventsResponse, LookupEventsResponse__Output as _keyhold_audit_v1_LookupEventsResponse__Output } from '../../../keyhold/audit/v1/LookupEventsResponse.js';

export interface AuditLogClient extends grpc.Client {
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  LookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  lookupEvents(argument: _keyhold_audit_v1_LookupEventsRequest, callback: grpc.requestCallback<_keyhold_audit_v1_LookupEventsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AuditLogHandlers extends grpc.UntypedServiceImplementation {
  LookupEvents: grpc.handleUnaryCall<_keyhold_audit_v1_LookupEventsRequest__Output, _keyhold_audit_v1_LookupEventsResponse>;
  
}

export interface AuditLogDefinition extends grpc.ServiceDefinition {
  LookupEvents: MethodDefinition<_keyhold_audit_v1_LookupEventsRequest, _keyhold_audit_v1_LookupEventsResponse, _keyhold_audit_v1_LookupEventsRequest__Output, _keyhold_audit_v1_LookupEventsResponse__Output>
}
