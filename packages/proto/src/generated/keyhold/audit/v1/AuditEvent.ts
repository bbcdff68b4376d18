// Original file: keyhold/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface AuditEvent {
  'eventId'?: (string);
  'requestId'?: (string);
  'eventTime'?: (number | string);
  'eventName'?: (string);
  'region'?: (string);
  'accountId'?: (string);
  'principalArn'?: (string);
  'sourceIp'?: (string);
  'userAgent'?: (string);
  'keyArn'?: (string);
  'keyId'?: (string);
  'outcome'?: (string);
  'errorCode'?: (string);
  'errorMessage'?: (string);
  'sequence'?: (number | string | Long);
  'eventCategory'?: (string);
  'recipientAccountId'?: (string);
  'readOnly'?: (boolean);
  'cloudTrailEvent'?: (string);
  'hash'?: (string);
}

export interface AuditEvent__Output {
  'eventId': (string);
  'requestId': (string);
  'eventTime': (number);
  'eventName': (string);
  'region': (string);
  'accountId': (string);
  'principalArn': (string);
  'sourceIp': (string);
  'userAgent': (string);
  'keyArn': (string);
  'keyId': (string);
  'outcome': (string);
  'errorCode': (string);
  'errorMessage': (string);
  'sequence': (string);
  'eventCategory': (string);
  'recipientAccountId': (string);
  'readOnly': (boolean);
  'cloudTrailEvent': (string);
  'hash': (string);
}
