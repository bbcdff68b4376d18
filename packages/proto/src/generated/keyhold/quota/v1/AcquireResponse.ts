// Original file: keyhold/quota/v1/quota.proto


export interface AcquireResponse {
  'granted'?: (number);
  'quotaClass'?: (string);
  'leaseTtlMs'?: (number);
  'retryAfterMs'?: (number);
  'epoch'?: (string);
}

export interface AcquireResponse__Output {
  'granted': (number);
  'quotaClass': (string);
  'leaseTtlMs': (number);
  'retryAfterMs': (number);
  'epoch': (string);
}
