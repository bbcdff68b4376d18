// Original file: kms/v1/kms.proto


export interface DecryptRequest {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'encryptionContext'?: ({[key: string]: string});
  'grantTokens'?: (string)[];
  'keyId'?: (string);
  'encryptionAlgorithm'?: (string);
  'dryRun'?: (boolean);
  '_keyId'?: "keyId";
  '_encryptionAlgorithm'?: "encryptionAlgorithm";
  '_dryRun'?: "dryRun";
}

export interface DecryptRequest__Output {
  'ciphertextBlob': (Buffer);
  'encryptionContext': ({[key: string]: string});
  'grantTokens': (string)[];
  'keyId'?: (string);
  'encryptionAlgorithm'?: (string);
  'dryRun'?: (boolean);
  '_keyId'?: "keyId";
  '_encryptionAlgorithm'?: "encryptionAlgorithm";
  '_dryRun'?: "dryRun";
}
