// Original file: keyhold/authorizer/v1/admin.proto


export interface ServicePrincipalRequest {
  'accountId'?: (string);
  'name'?: (string);
}

export interface ServicePrincipalRequest__Output {
  'accountId': (string);
  'name': (string);
}
