// Original file: keyhold/quota/v1/quota.proto

import type { QuotaScope as _keyhold_quota_v1_QuotaScope, QuotaScope__Output as _keyhold_quota_v1_QuotaScope__Output } from '../../../keyhold/quota/v1/QuotaScope.js';

export interface SetQuotaRequest {
  'scope'?: (_keyhold_quota_v1_QuotaScope | null);
  'quotaClass'?: (string);
  'ratePerSecond'?: (number | string);
  'burst'?: (number | string);
}

export interface SetQuotaRequest__Output {
  'scope': (_keyhold_quota_v1_QuotaScope__Output | null);
  'quotaClass': (string);
  'ratePerSecond': (number);
  'burst': (number);
}
