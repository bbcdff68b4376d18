// Original file: keyhold/authorizer/v1/authorizer.proto


export interface IdentityPolicies {
  'principalArn'?: (string);
  'policies'?: (string)[];
}

export interface IdentityPolicies__Output {
  'principalArn': (string);
  'policies': (string)[];
}
