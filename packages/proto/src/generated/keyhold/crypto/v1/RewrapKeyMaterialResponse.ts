// Original file: keyhold/crypto/v1/crypto.proto


export interface RewrapKeyMaterialResponse {
  'wrapped'?: (Buffer | Uint8Array | string);
  'rootVersion'?: (number);
  'changed'?: (boolean);
}

export interface RewrapKeyMaterialResponse__Output {
  'wrapped': (Buffer);
  'rootVersion': (number);
  'changed': (boolean);
}
