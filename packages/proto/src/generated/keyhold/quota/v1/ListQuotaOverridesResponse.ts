// Original file: keyhold/quota/v1/quota.proto

import type { QuotaOverride as _keyhold_quota_v1_QuotaOverride, QuotaOverride__Output as _keyhold_quota_v1_QuotaOverride__Output } from '../../../keyhold/quota/v1/QuotaOverride.js';

export interface ListQuotaOverridesResponse {
  'overrides'?: (_keyhold_quota_v1_QuotaOverride)[];
}

export interface ListQuotaOverridesResponse__Output {
  'overrides': (_keyhold_quota_v1_QuotaOverride__Output)[];
}
