// Original file: kms/v1/kms.proto


export interface CancelKeyDeletionResponse {
  'keyId'?: (string);
}

export interface CancelKeyDeletionResponse__Output {
  'keyId': (string);
}
