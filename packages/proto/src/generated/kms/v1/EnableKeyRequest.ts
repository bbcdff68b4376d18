// Original file: kms/v1/kms.proto


export interface EnableKeyRequest {
  'keyId'?: (string);
}

export interface EnableKeyRequest__Output {
  'keyId': (string);
}
