// Original file: kms/v1/kms.proto


export interface CreateAliasRequest {
  'aliasName'?: (string);
  'targetKeyId'?: (string);
}

export interface CreateAliasRequest__Output {
  'aliasName': (string);
  'targetKeyId': (string);
}
