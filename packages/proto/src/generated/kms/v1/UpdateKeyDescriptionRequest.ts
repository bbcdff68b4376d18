// Original file: kms/v1/kms.proto


export interface UpdateKeyDescriptionRequest {
  'keyId'?: (string);
  'description'?: (string);
}

export interface UpdateKeyDescriptionRequest__Output {
  'keyId': (string);
  'description': (string);
}
