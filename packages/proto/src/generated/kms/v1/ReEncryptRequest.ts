// Original file: kms/v1/kms.proto


export interface ReEncryptRequest {
  'ciphertextBlob'?: (Buffer | Uint8Array | string);
  'sourceEncryptionContext'?: ({[key: string]: string});
  'sourceKeyId'?: (string);
  'destinationKeyId'?: (string);
  'destinationEncryptionContext'?: ({[key: string]: string});
  'sourceEncryptionAlgorithm'?: (string);
  'destinationEncryptionAlgorithm'?: (string);
  'grantTokens'?: (string)[];
  'dryRun'?: (boolean);
  '_sourceKeyId'?: "sourceKeyId";
  '_sourceEncryptionAlgorithm'?: "sourceEncryptionAlgorithm";
  '_destinationEncryptionAlgorithm'?: "destinationEncryptionAlgorithm";
  '_dryRun'?: "dryRun";
}

export interface ReEncryptRequest__Output {
  'ciphertextBlob': (Buffer);
  'sourceEncryptionContext': ({[key: string]: string});
  'sourceKeyId'?: (string);
  'destinationKeyId': (string);
  'destinationEncryptionContext': ({[key: string]: string});
  'sourceEncryptionAlgorithm'?: (string);
  'destinationEncryptionAlgorithm'?: (string);
  'grantTokens': (string)[];
  'dryRun'?: (boolean);
  '_sourceKeyId'?: "sourceKeyId";
  '_sourceEncryptionAlgorithm'?: "sourceEncryptionAlgorithm";
  '_destinationEncryptionAlgorithm'?: "destinationEncryptionAlgorithm";
  '_dryRun'?: "dryRun";
}
