// Original file: keyhold/authorizer/v1/admin.proto


export interface UpdateAccessKeyRequest {
  'accessKeyId'?: (string);
  'status'?: (string);
}

export interface UpdateAccessKeyRequest__Output {
  'accessKeyId': (string);
  'status': (string);
}
