// Original file: keyhold/keymanager/v1/keymanager.proto


export interface GetKeyForCryptoRequest {
  'keyId'?: (string);
  'anyAccount'?: (boolean);
}

export interface GetKeyForCryptoRequest__Output {
  'keyId': (string);
  'anyAccount': (boolean);
}
