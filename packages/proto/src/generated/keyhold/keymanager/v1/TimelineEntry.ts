// Original file: keyhold/keymanager/v1/keymanager.proto


export interface TimelineEntry {
  'version'?: (number);
  'type'?: (string);
  'recordedAt'?: (number | string);
}

export interface TimelineEntry__Output {
  'version': (number);
  'type': (string);
  'recordedAt': (number);
}
