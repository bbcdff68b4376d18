// Original file: keyhold/authorizer/v1/admin.proto


export interface PutPrincipalPolicyRequest {
  'principalArn'?: (string);
  'policyName'?: (string);
  'policyDocument'?: (string);
}

export interface PutPrincipalPolicyRequest__Output {
  'principalArn': (string);
  'policyName': (string);
  'policyDocument': (string);
}
