// Original file: keyhold/authorizer/v1/authorizer.proto


export interface GetDecisionBundleRequest {
  'keyArn'?: (string);
}

export interface GetDecisionBundleRequest__Output {
  'keyArn': (string);
}
