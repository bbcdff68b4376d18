// Original file: kms/v1/kms.proto


export interface GetKeyRotationStatusRequest {
  'keyId'?: (string);
}

export interface GetKeyRotationStatusRequest__Output {
  'keyId': (string);
}
