// Original file: kms/v1/kms.proto


export interface ScheduleKeyDeletionRequest {
  'keyId'?: (string);
  'pendingWindowInDays'?: (number);
  '_pendingWindowInDays'?: "pendingWindowInDays";
}

export interface ScheduleKeyDeletionRequest__Output {
  'keyId': (string);
  'pendingWindowInDays'?: (number);
  '_pendingWindowInDays'?: "pendingWindowInDays";
}
