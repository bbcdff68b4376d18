// Original file: kms/v1/kms.proto


export interface AliasListEntry {
  'aliasName'?: (string);
  'aliasArn'?: (string);
  'targetKeyId'?: (string);
  'creationDate'?: (number | string);
  'lastUpdatedDate'?: (number | string);
  '_targetKeyId'?: "targetKeyId";
  '_creationDate'?: "creationDate";
  '_lastUpdatedDate'?: "lastUpdatedDate";
}

export interface AliasListEntry__Output {
  'aliasName': (string);
  'aliasArn': (string);
  'targetKeyId'?: (string);
  'creationDate'?: (number);
  'lastUpdatedDate'?: (number);
  '_targetKeyId'?: "targetKeyId";
  '_creationDate'?: "creationDate";
  '_lastUpdatedDate'?: "lastUpdatedDate";
}
