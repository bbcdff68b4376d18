// Original file: kms/v1/kms.proto


export interface EncryptRequest {
  'keyId'?: (string);
  'plaintext'?: (Buffer | Uint8Array | string);
  'encryptionContext'?: ({[key: string]: string});
  'grantTokens'?: (string)[];
  'encryptionAlgorithm'?: (string);
  'dryRun'?: (boolean);
  '_encryptionAlgorithm'?: "encryptionAlgorithm";
  '_dryRun'?: "dryRun";
}

export interface EncryptRequest__Output {
  'keyId': (string);
  'plaintext': (Buffer);
  'encryptionContext': ({[key: string]: string});
  'grantTokens': (string)[];
  'encryptionAlgorithm'?: (string);
  'dryRun'?: (boolean);
  '_encryptionAlgorithm'?: "encryptionAlgorithm";
  '_dryRun'?: "dryRun";
}
