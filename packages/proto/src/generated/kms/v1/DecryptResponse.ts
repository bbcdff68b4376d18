// Original file: kms/v1/kms.proto


export interface DecryptResponse {
  'keyId'?: (string);
  'plaintext'?: (Buffer | Uint8Array | string);
  'encryptionAlgorithm'?: (string);
}

export interface DecryptResponse__Output {
  'keyId': (string);
  'plaintext': (Buffer);
  'encryptionAlgorithm': (string);
}
