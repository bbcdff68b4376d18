// Original file: kms/v1/kms.proto


export interface GenerateDataKeyRequest {
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

export interface GenerateDataKeyRequest__Output {
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
