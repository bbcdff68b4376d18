// Original file: kms/v1/kms.proto


export interface ScheduleKeyDeletionResponse {
  'keyId'?: (string);
  'deletionDate'?: (number | string);
  'keyState'?: (string);
  'pendingWindowInDays'?: (number);
}

export interface ScheduleKeyDeletionResponse__Output {
  'keyId': (string);
  'deletionDate': (number);
  'keyState': (string);
  'pendingWindowInDays': (number);
}
