// Original file: keyhold/audit/v1/audit.proto

import type { ChainReport as _keyhold_audit_v1_ChainReport, ChainReport__Output as _keyhold_audit_v1_ChainReport__Output } from '../../../keyhold/audit/v1/ChainReport.js';

export interface VerifyChainResponse {
  'ok'?: (boolean);
  'chains'?: (_keyhold_audit_v1_ChainReport)[];
}

export interface VerifyChainResponse__Output {
  'ok': (boolean);
  'chains': (_keyhold_audit_v1_ChainReport__Output)[];
}
