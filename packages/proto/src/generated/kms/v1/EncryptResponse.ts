// Original file: kms/v1/kms.proto


export interface EncryptResponse {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'keyId'?: (string);
  'encryptionAlgorithm'?: (string);
}

export interface EncryptResponse__Output {
  'ciphertextBlob': (Buffer);
  'keyId': (string);
  'encryptionAlgorithm': (string);
}
