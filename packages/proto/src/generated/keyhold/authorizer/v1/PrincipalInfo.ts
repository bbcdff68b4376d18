// Original file: keyhold/authorizer/v1/admin.proto


export interface PrincipalInfo {
  'principalArn'?: (string);
  'accountId'?: (string);
  'kind'?: (string);
  'createdAt'?: (string);
}

export interface PrincipalInfo__Output {
  'principalArn': (string);
  'accountId': (string);
  'kind': (string);
  'createdAt': (string);
}
