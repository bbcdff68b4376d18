// Original file: keyhold/quota/v1/quota.proto

import type { QuotaScope as _keyhold_quota_v1_QuotaScope, QuotaScope__Output as _keyhold_quota_v1_QuotaScope__Output } from '../../../keyhold/quota/v1/QuotaScope.js';

export interface DeleteQuotaOverrideRequest {
  'scope'?: (_keyhold_quota_v1_QuotaScope | null);
  'quotaClass'?: (string);
}

export interface DeleteQuotaOverrideRequest__Output {
  'scope': (_keyhold_quota_v1_QuotaScope__Output | null);
  'quotaClass': (string);
}
