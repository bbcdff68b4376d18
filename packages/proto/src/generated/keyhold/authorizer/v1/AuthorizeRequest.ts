// Original file: keyhold/authorizer/v1/authorizer.proto


export interface AuthorizeRequest {
  'action'?: (string);
  'resourceArn'?: (string);
  'accountId'?: (string);
  'principalArn'?: (string);
  'region'?: (string);
}

export interface AuthorizeRequest__Output {
  'action': (string);
  'resourceArn': (string);
  'accountId': (string);
  'principalArn': (string);
  'region': (string);
}
