// Original file: kms/v1/kms.proto


export interface Tag {
  'tagKey'?: (string);
  'tagValue'?: (string);
}

export interface Tag__Output {
  'tagKey': (string);
  'tagValue': (string);
}
