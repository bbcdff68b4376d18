// Original file: keyhold/keymanager/v1/keymanager.proto


export interface KeyUsageChange {
  'type'?: (string);
  'at'?: (number | string);
}

export interface KeyUsageChange__Output {
  'type': (string);
  'at': (number);
}
