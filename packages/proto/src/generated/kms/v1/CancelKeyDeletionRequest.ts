// Original file: kms/v1/kms.proto


export interface CancelKeyDeletionRequest {
  'keyId'?: (string);
}

export interface CancelKeyDeletionRequest__Output {
  'keyId': (string);
}
