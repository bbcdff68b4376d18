// Original file: keyhold/authorizer/v1/admin.proto


export interface CreateAccessKeyRequest {
  'owner'?: (string);
  'accountId'?: (string);
}

export interface CreateAccessKeyRequest__Output {
  'owner': (string);
  'accountId': (string);
}
