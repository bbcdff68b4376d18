// Original file: keyhold/authorizer/v1/admin.proto


export interface PrincipalPolicy {
  'principalArn'?: (string);
  'policyName'?: (string);
  'policyDocument'?: (string);
}

export interface PrincipalPolicy__Output {
  'principalArn': (string);
  'policyName': (string);
  'policyDocument': (string);
}
