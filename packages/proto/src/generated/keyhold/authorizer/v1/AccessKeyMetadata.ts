// Original file: keyhold/authorizer/v1/admin.proto


export interface AccessKeyMetadata {
  'accessKeyId'?: (string);
  'owner'?: (string);
  'accountId'?: (string);
  'status'?: (string);
  'createdAt'?: (string);
}

export interface AccessKeyMetadata__Output {
  'accessKeyId': (string);
  'owner': (string);
  'accountId': (string);
  'status': (string);
  'createdAt': (string);
}
