// Original file: keyhold/authorizer/v1/authorizer.proto


export interface AuthenticateRequest {
  'accessKeyId'?: (string);
  'date'?: (string);
  'region'?: (string);
  'service'?: (string);
}

export interface AuthenticateRequest__Output {
  'accessKeyId': (string);
  'date': (string);
  'region': (string);
  'service': (string);
}
