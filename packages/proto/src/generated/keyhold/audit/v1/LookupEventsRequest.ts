// Original file: keyhold/audit/v1/audit.proto


export interface LookupEventsRequest {
  'keyId'?: (string);
  'requestId'?: (string);
  'eventName'?: (string);
  'principalArn'?: (string);
  'accountId'?: (string);
  'startTime'?: (number | string);
  'endTime'?: (number | string);
  'maxResults'?: (number);
  'nextToken'?: (string);
  'errorCode'?: (string);
  'region'?: (string);
  '_keyId'?: "keyId";
  '_requestId'?: "requestId";
  '_eventName'?: "eventName";
  '_principalArn'?: "principalArn";
  '_accountId'?: "accountId";
  '_startTime'?: "startTime";
  '_endTime'?: "endTime";
  '_maxResults'?: "maxResults";
  '_nextToken'?: "nextToken";
  '_errorCode'?: "errorCode";
  '_region'?: "region";
}

export interface LookupEventsRequest__Output {
  'keyId'?: (string);
  'requestId'?: (string);
  'eventName'?: (string);
  'principalArn'?: (string);
  'accountId'?: (string);
  'startTime'?: (number);
  'endTime'?: (number);
  'maxResults'?: (number);
  'nextToken'?: (string);
  'errorCode'?: (string);
  'region'?: (string);
  '_keyId'?: "keyId";
  '_requestId'?: "requestId";
  '_eventName'?: "eventName";
  '_principalArn'?: "principalArn";
  '_accountId'?: "accountId";
  '_startTime'?: "startTime";
  '_endTime'?: "endTime";
  '_maxResults'?: "maxResults";
  '_nextToken'?: "nextToken";
  '_errorCode'?: "errorCode";
  '_region'?: "region";
}
