// Original file: keyhold/authorizer/v1/admin.proto


export interface ServicePrincipalInfo {
  'accountId'?: (string);
  'name'?: (string);
  'createdAt'?: (string);
}

export interface ServicePrincipalInfo__Output {
  'accountId': (string);
  'name': (string);
  'createdAt': (string);
}
