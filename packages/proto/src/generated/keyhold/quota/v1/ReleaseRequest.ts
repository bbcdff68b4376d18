// Original file: keyhold/quota/v1/quota.proto


export interface ReleaseRequest {
  'region'?: (string);
  'accountId'?: (string);
  'quotaClass'?: (string);
  'tokens'?: (number);
  'epoch'?: (string);
}

export interface ReleaseRequest__Output {
  'region': (string);
  'accountId': (string);
  'quotaClass': (string);
  'tokens': (number);
  'epoch': (string);
}
