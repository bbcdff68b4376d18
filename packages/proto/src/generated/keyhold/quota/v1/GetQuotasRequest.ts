// Original file: keyhold/quota/v1/quota.proto


export interface GetQuotasRequest {
  'region'?: (string);
  'accountId'?: (string);
}

export interface GetQuotasRequest__Output {
  'region': (string);
  'accountId': (string);
}
