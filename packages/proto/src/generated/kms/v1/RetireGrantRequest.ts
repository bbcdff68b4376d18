// Original file: kms/v1/kms.proto


export interface RetireGrantRequest {
  'grantToken'?: (string);
  'keyId'?: (string);
  'grantId'?: (string);
  'dryRun'?: (boolean);
  '_grantToken'?: "grantToken";
  '_keyId'?: "keyId";
  '_grantId'?: "grantId";
  '_dryRun'?: "dryRun";
}

export interface RetireGrantRequest__Output {
  'grantToken'?: (string);
  'keyId'?: (string);
  'grantId'?: (string);
  'dryRun'?: (boolean);
  '_grantToken'?: "grantToken";
  '_keyId'?: "keyId";
  '_grantId'?: "grantId";
  '_dryRun'?: "dryRun";
}
