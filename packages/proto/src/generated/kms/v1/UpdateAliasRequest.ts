// Original file: kms/v1/kms.proto


export interface UpdateAliasRequest {
  'aliasName'?: (string);
  'targetKeyId'?: (string);
}

export interface UpdateAliasRequest__Output {
  'aliasName': (string);
  'targetKeyId': (string);
}
