// Original file: kms/v1/kms.proto


export interface GetKeyPolicyRequest {
  'keyId'?: (string);
  'policyName'?: (string);
  '_policyName'?: "policyName";
}

export interface GetKeyPolicyRequest__Output {
  'keyId': (string);
  'policyName'?: (string);
  '_policyName'?: "policyName";
}
