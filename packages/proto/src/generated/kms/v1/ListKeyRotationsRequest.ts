// Original file: kms/v1/kms.proto


export interface ListKeyRotationsRequest {
  'keyId'?: (string);
  'limit'?: (number);
  'marker'?: (string);
  'includeKeyMaterial'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
  '_includeKeyMaterial'?: "includeKeyMaterial";
}

export interface ListKeyRotationsRequest__Output {
  'keyId': (string);
  'limit'?: (number);
  'marker'?: (string);
  'includeKeyMaterial'?: (string);
  '_limit'?: "limit";
  '_marker'?: "marker";
  '_includeKeyMaterial'?: "includeKeyMaterial";
}
