// Original file: kms/v1/kms.proto


export interface KeyListEntry {
  'keyId'?: (string);
  'keyArn'?: (string);
}

export interface KeyListEntry__Output {
  'keyId': (string);
  'keyArn': (string);
}
