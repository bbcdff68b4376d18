// Original file: kms/v1/kms.proto


export interface PutKeyPolicyRequest {
  'keyId'?: (string);
  'policyName'?: (string);
  'policy'?: (string);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_policyName'?: "policyName";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}

export interface PutKeyPolicyRequest__Output {
  'keyId': (string);
  'policyName'?: (string);
  'policy': (string);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_policyName'?: "policyName";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}
