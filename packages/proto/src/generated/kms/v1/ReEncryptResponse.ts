// Original file: kms/v1/kms.proto


export interface ReEncryptResponse {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'sourceKeyId'?: (string);
  'keyId'?: (string);
  'sourceEncryptionAlgorithm'?: (string);
  'destinationEncryptionAlgorithm'?: (string);
}

export interface ReEncryptResponse__Output {
  'ciphertextBlob': (Buffer);
  'sourceKeyId': (string);
  'keyId': (string);
  'sourceEncryptionAlgorithm': (string);
  'destinationEncryptionAlgorithm': (string);
}
