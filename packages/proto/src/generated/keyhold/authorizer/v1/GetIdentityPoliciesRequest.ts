// Original file: keyhold/authorizer/v1/authorizer.proto


export interface GetIdentityPoliciesRequest {
  'principalArn'?: (string);
}

export interface GetIdentityPoliciesRequest__Output {
  'principalArn': (string);
}
