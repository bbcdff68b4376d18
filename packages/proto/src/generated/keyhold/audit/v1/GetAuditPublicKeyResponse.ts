// Original file: keyhold/audit/v1/audit.proto

import type { AuditPublicKey as _keyhold_audit_v1_AuditPublicKey, AuditPublicKey__Output as _keyhold_audit_v1_AuditPublicKey__Output } from '../../../keyhold/audit/v1/AuditPublicKey.js';

export interface GetAuditPublicKeyResponse {
  'keys'?: (_keyhold_audit_v1_AuditPublicKey)[];
}

export interface GetAuditPublicKeyResponse__Output {
  'keys': (_keyhold_audit_v1_AuditPublicKey__Output)[];
}
