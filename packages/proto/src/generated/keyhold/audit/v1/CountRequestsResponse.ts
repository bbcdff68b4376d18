// Original file: keyhold/audit/v1/audit.proto

import type { RequestCount as _keyhold_audit_v1_RequestCount, RequestCount__Output as _keyhold_audit_v1_RequestCount__Output } from '../../../keyhold/audit/v1/RequestCount.js';

export interface CountRequestsResponse {
  'counts'?: (_keyhold_audit_v1_RequestCount)[];
}

export interface CountRequestsResponse__Output {
  'counts': (_keyhold_audit_v1_RequestCount__Output)[];
}
