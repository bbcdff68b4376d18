// Original file: keyhold/authorizer/v1/authorizer.proto


export interface NewKey {
  'keySpec'?: (string);
  'keyUsage'?: (string);
  'origin'?: (string);
  'multiRegion'?: (boolean);
}

export interface NewKey__Output {
  'keySpec': (string);
  'keyUsage': (string);
  'origin': (string);
  'multiRegion': (boolean);
}
