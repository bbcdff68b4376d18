// Original file: kms/v1/kms.proto


export interface DisableKeyRequest {
  'keyId'?: (string);
}

export interface DisableKeyRequest__Output {
  'keyId': (string);
}
