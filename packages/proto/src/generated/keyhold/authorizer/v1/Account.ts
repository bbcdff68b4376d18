// Original file: keyhold/authorizer/v1/admin.proto


export interface Account {
  'accountId'?: (string);
  'rootArn'?: (string);
  'createdAt'?: (string);
}

export interface Account__Output {
  'accountId': (string);
  'rootArn': (string);
  'createdAt': (string);
}
