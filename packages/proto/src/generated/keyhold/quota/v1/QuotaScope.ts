// Original file: keyhold/quota/v1/quota.proto


export interface QuotaScope {
  'region'?: (string);
  'accountId'?: (string);
}

export interface QuotaScope__Output {
  'region': (string);
  'accountId': (string);
}
