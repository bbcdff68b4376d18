// Original file: keyhold/quota/v1/quota.proto


export interface AcquireRequest {
  'region'?: (string);
  'accountId'?: (string);
  'operation'?: (string);
  'requested'?: (number);
}

export interface AcquireRequest__Output {
  'region': (string);
  'accountId': (string);
  'operation': (string);
  'requested': (number);
}
