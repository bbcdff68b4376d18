// Original file: kms/v1/kms.proto


export interface DeleteAliasRequest {
  'aliasName'?: (string);
}

export interface DeleteAliasRequest__Output {
  'aliasName': (string);
}
