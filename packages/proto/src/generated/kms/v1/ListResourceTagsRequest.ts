// Original file: kms/v1/kms.proto


export interface ListResourceTagsRequest {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}

export interface ListResourceTagsRequest__Output {
  'keyId': (string);
  'limit'?: (number);
  'marker'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
}
