// Original file: keyhold/audit/v1/audit.proto

import type { AuditDigest as _keyhold_audit_v1_AuditDigest, AuditDigest__Output as _keyhold_audit_v1_AuditDigest__Output } from '../../../keyhold/audit/v1/AuditDigest.js';

export interface ListDigestsResponse {
  'digests'?: (_keyhold_audit_v1_AuditDigest)[];
}

export interface ListDigestsResponse__Output {
  'digests': (_keyhold_audit_v1_AuditDigest__Output)[];
}
