// Original file: keyhold/authorizer/v1/admin.proto


export interface DeletePrincipalRequest {
  'principalArn'?: (string);
}

export interface DeletePrincipalRequest__Output {
  'principalArn': (string);
}
