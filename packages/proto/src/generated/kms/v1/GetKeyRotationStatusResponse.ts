// Original file: kms/v1/kms.proto


export interface GetKeyRotationStatusResponse {
  'keyRotationEnabled'?: (boolean);
  'keyId'?: (string);
  'rotationPeriodInDays'?: (number);
  'nextRotationDate'?: (number | string);
  'onDemandRotationStartDate'?: (number | string);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
  '_nextRotationDate'?: "nextRotationDate";
  '_onDemandRotationStartDate'?: "onDemandRotationStartDate";
}

export interface GetKeyRotationStatusResponse__Output {
  'keyRotationEnabled': (boolean);
  'keyId': (string);
  'rotationPeriodInDays'?: (number);
  'nextRotationDate'?: (number);
  'onDemandRotationStartDate'?: (number);
  '_rotationPeriodInDays'?: "rotationPeriodInDays";
  '_nextRotationDate'?: "nextRotationDate";
  '_onDemandRotationStartDate'?: "onDemandRotationStartDate";
}
