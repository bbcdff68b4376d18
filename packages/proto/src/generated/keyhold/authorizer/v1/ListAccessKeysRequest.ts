// Original file: keyhold/authorizer/v1/admin.proto


export interface ListAccessKeysRequest {
  'owner'?: (string);
  'accountId'?: (string);
}

export interface ListAccessKeysRequest__Output {
  'owner': (string);
  'accountId': (string);
}
