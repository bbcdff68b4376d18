// Original file: keyhold/quota/v1/quota.proto


export interface QuotaEntry {
  'quotaClass'?: (string);
  'ratePerSecond'?: (number | string);
  'burst'?: (number | string);
  'available'?: (number | string);
  'source'?: (string);
}

export interface QuotaEntry__Output {
  'quotaClass': (string);
  'ratePerSecond': (number);
  'burst': (number);
  'available': (number);
  'source': (string);
}
