// Original file: kms/v1/kms.proto


export interface ListGrantsRequest {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  'grantId'?: (string);
  'granteePrincipal'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
  '_grantId'?: "grantId";
  '_granteePrincipal'?: "granteePrincipal";
}

export interface ListGrantsRequest__Output {
  'keyId': (string);
  'limit'?: (number);
  'marker'?: (string);
  'grantId'?: (string);
  'granteePrincipal'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
  '_grantId'?: "grantId";
  '_granteePrincipal'?: "granteePrincipal";
}
