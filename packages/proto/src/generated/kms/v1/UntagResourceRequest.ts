// Original file: kms/v1/kms.proto


export interface UntagResourceRequest {
  'keyId'?: (string);
  'tagKeys'?: (string)[];
}

export interface UntagResourceRequest__Output {
  'keyId': (string);
  'tagKeys': (string)[];
}
