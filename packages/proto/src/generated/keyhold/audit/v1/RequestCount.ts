// Original file: keyhold/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface RequestCount {
  'accountId'?: (string);
  'eventName'?: (string);
  'requests'?: (number | string | Long);
  'denied'?: (number | string | Long);
  'throttled'?: (number | string | Long);
  'failed'?: (number | string | Long);
}

export interface RequestCount__Output {
  'accountId': (string);
  'eventName': (string);
  'requests': (string);
  'denied': (string);
  'throttled': (string);
  'failed': (string);
}
