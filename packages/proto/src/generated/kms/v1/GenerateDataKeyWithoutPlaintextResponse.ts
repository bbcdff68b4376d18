// Original file: kms/v1/kms.proto


export interface GenerateDataKeyWithoutPlaintextResponse {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'keyId'?: (string);
}

export interface GenerateDataKeyWithoutPlaintextResponse__Output {
  'ciphertextBlob': (Buffer);
  'keyId': (string);
}
