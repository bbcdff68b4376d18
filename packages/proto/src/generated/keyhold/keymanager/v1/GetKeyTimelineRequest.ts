// Original file: keyhold/keymanager/v1/keymanager.proto


export interface GetKeyTimelineRequest {
  'keyId'?: (string);
  'at'?: (number | string);
  '_at'?: "at";
}

export interface GetKeyTimelineRequest__Output {
  'keyId': (string);
  'at'?: (number);
  '_at'?: "at";
}
