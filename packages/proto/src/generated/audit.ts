import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditEvent as _keyhold_audit_v1_AuditEvent, AuditEvent__Output as _keyhold_audit_v1_AuditEvent__Output } from './keyhold/audit/v1/AuditEvent.js';
import type { AuditLogClient as _keyhold_audit_v1_AuditLogClient, AuditLogDefinition as _keyhold_audit_v1_AuditLogDefinition } from './keyhold/audit/v1/AuditLog.js';
import type { LookupEventsRequest as _keyhold_audit_v1_LookupEventsRequest, LookupEventsRequest__Output as _keyhold_audit_v1_LookupEventsRequest__Output } from './keyhold/audit/v1/LookupEventsRequest.js';
import type { LookupEventsResponse as _keyhold_audit_v1_LookupEventsResponse, LookupEventsResponse__Output as _keyhold_audit_v1_LookupEventsResponse__Output } from './keyhold/audit/v1/LookupEventsResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  keyhold: {
    audit: {
      v1: {
        AuditEvent: MessageTypeDefinition<_keyhold_audit_v1_AuditEvent, _keyhold_audit_v1_AuditEvent__Output>
        AuditLog: SubtypeConstructor<typeof grpc.Client, _keyhold_audit_v1_AuditLogClient> & { service: _keyhold_audit_v1_AuditLogDefinition }
        LookupEventsRequest: MessageTypeDefinition<_keyhold_audit_v1_LookupEventsRequest, _keyhold_audit_v1_LookupEventsRequest__Output>
        LookupEventsResponse: MessageTypeDefinition<_keyhold_audit_v1_LookupEventsResponse, _keyhold_audit_v1_LookupEventsResponse__Output>
      }
    }
  }
}

