// Original file: kms/v1/kms.proto


export interface CreateGrantResponse {
  'grantToken'?: (string);
  'grantId'?: (string);
}

export interface CreateGrantResponse__Output {
  'grantToken': (string);
  'grantId': (string);
}
