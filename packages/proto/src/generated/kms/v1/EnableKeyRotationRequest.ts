// Original file: kms/v1/kms.proto


export interface EnableKeyRotationRequest {
  'keyId'?: (string);
  'rotationPeriodInDays'?: (number);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
}

export interface EnableKeyRotationRequest__Output {
  'keyId': (string);
  'rotationPeriodInDays'?: (number);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
}
