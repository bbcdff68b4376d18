// Original file: kms/v1/kms.proto


export interface DescribeKeyRequest {
  'keyId'?: (string);
  'grantTokens'?: (string)[];
}

export interface DescribeKeyRequest__Output {
  'keyId': (string);
  'grantTokens': (string)[];
}
