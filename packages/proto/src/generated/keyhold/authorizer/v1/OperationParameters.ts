// Original file: keyhold/authorizer/v1/authorizer.proto


export interface OperationParameters {
  'rotationPeriodInDays'?: (number);
  'pendingWindowInDays'?: (number);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
  '_pendingWindowInDays'?: "pendingWindowInDays";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}

export interface OperationParameters__Output {
  'rotationPeriodInDays'?: (number);
  'pendingWindowInDays'?: (number);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
  '_pendingWindowInDays'?: "pendingWindowInDays";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}
