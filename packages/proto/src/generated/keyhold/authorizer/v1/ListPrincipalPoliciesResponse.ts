// Original file: keyhold/authorizer/v1/admin.proto


export interface ListPrincipalPoliciesResponse {
  'policyNames'?: (string)[];
}

export interface ListPrincipalPoliciesResponse__Output {
  'policyNames': (string)[];
}
