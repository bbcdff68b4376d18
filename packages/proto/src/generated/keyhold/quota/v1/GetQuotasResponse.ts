// Original file: keyhold/quota/v1/quota.proto

import type { QuotaEntry as _keyhold_quota_v1_QuotaEntry, QuotaEntry__Output as _keyhold_quota_v1_QuotaEntry__Output } from '../../../keyhold/quota/v1/QuotaEntry.js';

export interface GetQuotasResponse {
  'quotas'?: (_keyhold_quota_v1_QuotaEntry)[];
}

export interface GetQuotasResponse__Output {
  'quotas': (_keyhold_quota_v1_QuotaEntry__Output)[];
}
