// Original file: kms/v1/kms.proto


export interface RotateKeyOnDemandRequest {
  'keyId'?: (string);
}

export interface RotateKeyOnDemandRequest__Output {
  'keyId': (string);
}
