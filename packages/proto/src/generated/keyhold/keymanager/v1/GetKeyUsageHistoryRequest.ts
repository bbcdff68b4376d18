// Original file: keyhold/keymanager/v1/keymanager.proto


export interface GetKeyUsageHistoryRequest {
  'from'?: (number | string);
  'to'?: (number | string);
  'accountId'?: (string);
  '_accountId'?: "accountId";
}

export interface GetKeyUsageHistoryRequest__Output {
  'from': (number);
  'to': (number);
  'accountId'?: (string);
  '_accountId'?: "accountId";
}
