// Original file: keyhold/crypto/v1/crypto.proto


export interface GenerateKeyMaterialResponse {
  'wrapped'?: (Buffer | Uint8Array | string);
}

export interface GenerateKeyMaterialResponse__Output {
  'wrapped': (Buffer);
}
