// Original file: kms/v1/kms.proto


export interface ListKeyPoliciesRequest {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}

export interface ListKeyPoliciesRequest__Output {
  'keyId': (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}
