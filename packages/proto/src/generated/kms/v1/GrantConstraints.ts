// Original file: kms/v1/kms.proto


export interface GrantConstraints {
  'encryptionContextSubset'?: ({[key: string]: string});
  'encryptionContextEquals'?: ({[key: string]: string});
  'hasEncryptionContextSubset'?: (boolean);
  'hasEncryptionContextEquals'?: (boolean);
}

export interface GrantConstraints__Output {
  'encryptionContextSubset': ({[key: string]: string});
  'encryptionContextEquals': ({[key: string]: string});
  'hasEncryptionContextSubset': (boolean);
  'hasEncryptionContextEquals': (boolean);
}
