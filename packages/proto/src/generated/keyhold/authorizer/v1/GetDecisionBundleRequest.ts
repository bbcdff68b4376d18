// Original file: keyhold/authorizer/v1/authorizer.proto

import type { Long } from '@grpc/proto-loader';

export interface GetDecisionBundleRequest {
  'keyArn'?: (string);
  'minVersion'?: (number | string | Long);
  'grantId'?: (string);
}

export interface GetDecisionBundleRequest__Output {
  'keyArn': (string);
  'minVersion': (string);
  'grantId': (string);
}
