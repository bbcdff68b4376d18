// Original file: keyhold/quota/v1/quota.proto

import type { QuotaOverride as _keyhold_quota_v1_QuotaOverride, QuotaOverride__Output as _keyhold_quota_v1_QuotaOverride__Output } from '../../../keyhold/quota/v1/QuotaOverride.js';

export interface SetQuotaResponse {
  'override'?: (_keyhold_quota_v1_QuotaOverride | null);
}

export interface SetQuotaResponse__Output {
  'override': (_keyhold_quota_v1_QuotaOverride__Output | null);
}
