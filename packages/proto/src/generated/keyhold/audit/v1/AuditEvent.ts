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
  'requestParameters'?: (string);
  'responseElements'?: (string);
  'service'?: (string);
  'sequence'?: (number | string | Long);
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
  'requestParameters': (string);
  'responseElements': (string);
  'service': (string);
  'sequence': (string);
}
