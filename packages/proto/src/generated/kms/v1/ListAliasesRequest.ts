// Original file: kms/v1/kms.proto


export interface ListAliasesRequest {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  '_keyId'?: "keyId";
  '_limit'?: "limit";
  '_marker'?: "marker";
}

export interface ListAliasesRequest__Output {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  '_keyId'?: "keyId";
  '_limit'?: "limit";
  '_marker'?: "marker";
}
