// Original file: keyhold/authorizer/v1/admin.proto


export interface AccessKeyRequest {
  'accessKeyId'?: (string);
}

export interface AccessKeyRequest__Output {
  'accessKeyId': (string);
}
