// Original file: keyhold/authorizer/v1/admin.proto


export interface PrincipalPolicyRequest {
  'principalArn'?: (string);
  'policyName'?: (string);
}

export interface PrincipalPolicyRequest__Output {
  'principalArn': (string);
  'policyName': (string);
}
