// Original file: kms/v1/kms.proto


export interface GenerateDataKeyWithoutPlaintextRequest {
  'keyId'?: (string);
  'encryptionContext'?: ({[key: string]: string});
  'numberOfBytes'?: (number);
  'keySpec'?: (string);
  'grantTokens'?: (string)[];
  'dryRun'?: (boolean);
  '_numberOfBytes'?: "numberOfBytes";
  '_keySpec'?: "keySpec";
  '_dryRun'?: "dryRun";
}

export interface GenerateDataKeyWithoutPlaintextRequest__Output {
  'keyId': (string);
  'encryptionContext': ({[key: string]: string});
  'numberOfBytes'?: (number);
  'keySpec'?: (string);
  'grantTokens': (string)[];
  'dryRun'?: (boolean);
  '_numberOfBytes'?: "numberOfBytes";
  '_keySpec'?: "keySpec";
  '_dryRun'?: "dryRun";
}
