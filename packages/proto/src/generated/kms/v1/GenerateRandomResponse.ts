// Original file: kms/v1/kms.proto


export interface GenerateRandomResponse {
  'plaintext'?: (Buffer | Uint8Array | string);
}

export interface GenerateRandomResponse__Output {
  'plaintext': (Buffer);
}
