// Original file: kms/v1/kms.proto


export interface GenerateDataKeyResponse {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'plaintext'?: (Buffer | Uint8Array | string);
  'keyId'?: (string);
}

export interface GenerateDataKeyResponse__Output {
  'ciphertextBlob': (Buffer);
  'plaintext': (Buffer);
  'keyId': (string);
}
