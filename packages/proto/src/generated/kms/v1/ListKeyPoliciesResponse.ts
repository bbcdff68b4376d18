// Original file: kms/v1/kms.proto


export interface ListKeyPoliciesResponse {
  'policyNames'?: (string)[];
  'nextMarker'?: (string);
  'truncated'?: (boolean);
  '_nextMarker'?: "nextMarker";
}

export interface ListKeyPoliciesResponse__Output {
  'policyNames': (string)[];
  'nextMarker'?: (string);
  'truncated': (boolean);
  '_nextMarker'?: "nextMarker";
}
