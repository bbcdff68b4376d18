// Original file: keyhold/authorizer/v1/admin.proto


export interface ListPrincipalsRequest {
  'accountId'?: (string);
}

export interface ListPrincipalsRequest__Output {
  'accountId': (string);
}
