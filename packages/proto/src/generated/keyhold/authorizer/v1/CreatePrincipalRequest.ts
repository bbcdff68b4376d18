// Original file: keyhold/authorizer/v1/admin.proto


export interface CreatePrincipalRequest {
  'principalArn'?: (string);
}

export interface CreatePrincipalRequest__Output {
  'principalArn': (string);
}
