// Original file: kms/v1/kms.proto


export interface KeyMetadata {
  'awsAccountId'?: (string);
  'keyId'?: (string);
  'arn'?: (string);
  'creationDate'?: (number | string);
  'enabled'?: (boolean);
  'description'?: (string);
  'keyUsage'?: (string);
  'keyState'?: (string);
  'deletionDate'?: (number | string);
  'origin'?: (string);
  'keyManager'?: (string);
  'keySpec'?: (string);
  'encryptionAlgorithms'?: (string)[];
  'multiRegion'?: (boolean);
  'pendingDeletionWindowInDays'?: (number);
  '_deletionDate'?: "deletionDate";
  '_pendingDeletionWindowInDays'?: "pendingDeletionWindowInDays";
}

export interface KeyMetadata__Output {
  'awsAccountId': (string);
  'keyId': (string);
  'arn': (string);
  'creationDate': (number);
  'enabled': (boolean);
  'description': (string);
  'keyUsage': (string);
  'keyState': (string);
  'deletionDate'?: (number);
  'origin': (string);
  'keyManager': (string);
  'keySpec': (string);
  'encryptionAlgorithms': (string)[];
  'multiRegion': (boolean);
  'pendingDeletionWindowInDays'?: (number);
  '_deletionDate'?: "deletionDate";
  '_pendingDeletionWindowInDays'?: "pendingDeletionWindowInDays";
}
