// Original file: keyhold/crypto/v1/crypto.proto


export interface RewrapKeyMaterialRequest {
  'keyId'?: (string);
  'materialVersion'?: (number);
  'wrapped'?: (Buffer | Uint8Array | string);
}

export interface RewrapKeyMaterialRequest__Output {
  'keyId': (string);
  'materialVersion': (number);
  'wrapped': (Buffer);
}
