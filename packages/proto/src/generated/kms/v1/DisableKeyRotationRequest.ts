// Original file: kms/v1/kms.proto


export interface DisableKeyRotationRequest {
  'keyId'?: (string);
}

export interface DisableKeyRotationRequest__Output {
  'keyId': (string);
}
