// Original file: keyhold/keymanager/v1/keymanager.proto

import type { Long } from '@grpc/proto-loader';

export interface RewrapAllKeyMaterialResponse {
  'scanned'?: (number | string | Long);
  'rewrapped'?: (number | string | Long);
  'skipped'?: (number | string | Long);
  'remaining'?: (number | string | Long);
}

export interface RewrapAllKeyMaterialResponse__Output {
  'scanned': (string);
  'rewrapped': (string);
  'skipped': (string);
  'remaining': (string);
}
