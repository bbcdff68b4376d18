// Original file: keyhold/crypto/v1/crypto.proto


export interface DataPlaneError {
  'code'?: (string);
  'message'?: (string);
  'denyReason'?: (string);
}

export interface DataPlaneError__Output {
  'code': (string);
  'message': (string);
  'denyReason': (string);
}
