// Original file: kms/v1/kms.proto


export interface GetKeyPolicyResponse {
  'policy'?: (string);
  'policyName'?: (string);
}

export interface GetKeyPolicyResponse__Output {
  'policy': (string);
  'policyName': (string);
}
