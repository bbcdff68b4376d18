// Original file: kms/v1/kms.proto


export interface GenerateRandomRequest {
  'numberOfBytes'?: (number);
  'customKeyStoreId'?: (string);
  '_numberOfBytes'?: "numberOfBytes";
  '_customKeyStoreId'?: "customKeyStoreId";
}

export interface GenerateRandomRequest__Output {
  'numberOfBytes'?: (number);
  'customKeyStoreId'?: (string);
  '_numberOfBytes'?: "numberOfBytes";
  '_customKeyStoreId'?: "customKeyStoreId";
}
