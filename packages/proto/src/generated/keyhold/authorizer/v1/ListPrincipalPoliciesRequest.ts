// Original file: keyhold/authorizer/v1/admin.proto


export interface ListPrincipalPoliciesRequest {
  'principalArn'?: (string);
}

export interface ListPrincipalPoliciesRequest__Output {
  'principalArn': (string);
}
