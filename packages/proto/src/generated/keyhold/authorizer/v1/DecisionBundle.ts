// Original file: keyhold/authorizer/v1/authorizer.proto

import type { Long } from '@grpc/proto-loader';

export interface DecisionBundle {
  'keyArn'?: (string);
  'keyAccountId'?: (string);
  'version'?: (number | string | Long);
}

export interface DecisionBundle__Output {
  'keyArn': (string);
  'keyAccountId': (string);
  'version': (string);
}
