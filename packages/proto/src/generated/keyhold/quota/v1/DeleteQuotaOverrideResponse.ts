// Original file: keyhold/quota/v1/quota.proto


export interface DeleteQuotaOverrideResponse {
  'deleted'?: (boolean);
}

export interface DeleteQuotaOverrideResponse__Output {
  'deleted': (boolean);
}
