// Original file: keyhold/authorizer/v1/authorizer.proto


export interface Principal {
  'accountId'?: (string);
  'principalArn'?: (string);
  'accessKeyId'?: (string);
  'servicePrincipal'?: (string);
}

export interface Principal__Output {
  'accountId': (string);
  'principalArn': (string);
  'accessKeyId': (string);
  'servicePrincipal': (string);
}
