// Original file: kms/v1/kms.proto


export interface RotateKeyOnDemandResponse {
  'keyId'?: (string);
}

export interface RotateKeyOnDemandResponse__Output {
  'keyId': (string);
}
