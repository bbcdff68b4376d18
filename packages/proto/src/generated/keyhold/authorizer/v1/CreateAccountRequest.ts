// Original file: keyhold/authorizer/v1/admin.proto


export interface CreateAccountRequest {
  'accountId'?: (string);
}

export interface CreateAccountRequest__Output {
  'accountId': (string);
}
