// Original file: kms/v1/kms.proto


export interface ListKeysRequest {
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}

export interface ListKeysRequest__Output {
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}
