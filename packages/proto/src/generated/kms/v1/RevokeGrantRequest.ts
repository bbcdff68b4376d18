// Original file: kms/v1/kms.proto


export interface RevokeGrantRequest {
  'keyId'?: (string);
  'grantId'?: (string);
  'dryRun'?: (boolean);
  '_dryRun'?: "dryRun";
}

export interface RevokeGrantRequest__Output {
  'keyId': (string);
  'grantId': (string);
  'dryRun'?: (boolean);
  '_dryRun'?: "dryRun";
}
