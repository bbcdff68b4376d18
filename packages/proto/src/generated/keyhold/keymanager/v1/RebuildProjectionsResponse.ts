// Original file: keyhold/keymanager/v1/keymanager.proto

import type { Long } from '@grpc/proto-loader';

export interface RebuildProjectionsResponse {
  'events'?: (number | string | Long);
  'keys'?: (number | string | Long);
  'aliases'?: (number | string | Long);
  'grants'?: (number | string | Long);
  'durationMs'?: (number | string);
}

export interface RebuildProjectionsResponse__Output {
  'events': (string);
  'keys': (string);
  'aliases': (string);
  'grants': (string);
  'durationMs': (number);
}
