// Original file: keyhold/authorizer/v1/authorizer.proto


export interface AuthorizeResponse {
  'allowed'?: (boolean);
  'message'?: (string);
  'reason'?: (string);
}

export interface AuthorizeResponse__Output {
  'allowed': (boolean);
  'message': (string);
  'reason': (string);
}
