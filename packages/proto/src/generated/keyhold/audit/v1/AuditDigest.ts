// Original file: keyhold/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface AuditDigest {
  'region'?: (string);
  'fromSequence'?: (number | string | Long);
  'toSequence'?: (number | string | Long);
  'lastHash'?: (string);
  'digestTime'?: (number | string);
  'keyId'?: (string);
  'payload'?: (string);
  'signature'?: (Buffer | Uint8Array | string);
}

export interface AuditDigest__Output {
  'region': (string);
  'fromSequence': (string);
  'toSequence': (string);
  'lastHash': (string);
  'digestTime': (number);
  'keyId': (string);
  'payload': (string);
  'signature': (Buffer);
}
