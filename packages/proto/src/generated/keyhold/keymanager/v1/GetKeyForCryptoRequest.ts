// Original file: keyhold/keymanager/v1/keymanager.proto


export interface GetKeyForCryptoRequest {
  'keyId'?: (string);
}

export interface GetKeyForCryptoRequest__Output {
  'keyId': (string);
}
