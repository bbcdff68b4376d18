// Original file: keyhold/audit/v1/audit.proto

import type { AuditEvent as _keyhold_audit_v1_AuditEvent, AuditEvent__Output as _keyhold_audit_v1_AuditEvent__Output } from '../../../keyhold/audit/v1/AuditEvent.js';

export interface LookupEventsResponse {
  'events'?: (_keyhold_audit_v1_AuditEvent)[];
  'nextToken'?: (string);
  '_nextToken'?: "nextToken";
}

export interface LookupEventsResponse__Output {
  'events': (_keyhold_audit_v1_AuditEvent__Output)[];
  'nextToken'?: (string);
  '_nextToken'?: "nextToken";
}
