// Original file: keyhold/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface ChainProblem {
  'kind'?: (string);
  'sequence'?: (number | string | Long);
  'eventId'?: (string);
  'detail'?: (string);
}

export interface ChainProblem__Output {
  'kind': (string);
  'sequence': (string);
  'eventId': (string);
  'detail': (string);
}
