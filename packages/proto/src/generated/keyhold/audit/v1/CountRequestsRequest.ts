// Original file: keyhold/audit/v1/audit.proto


export interface CountRequestsRequest {
  'startTime'?: (number | string);
  'endTime'?: (number | string);
  'accountId'?: (string);
  '_accountId'?: "accountId";
}

export interface CountRequestsRequest__Output {
  'startTime': (number);
  'endTime': (number);
  'accountId'?: (string);
  '_accountId'?: "accountId";
}
