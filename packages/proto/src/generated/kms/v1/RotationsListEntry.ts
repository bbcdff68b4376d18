// Original file: kms/v1/kms.proto


export interface RotationsListEntry {
  'keyId'?: (string);
  'rotationDate'?: (number | string);
  'rotationType'?: (string);
  'keyMaterialId'?: (string);
  'keyMaterialState'?: (string);
  '_rotationDate'?: "rotationDate";
  '_rotationType'?: "rotationType";
}

export interface RotationsListEntry__Output {
  'keyId': (string);
  'rotationDate'?: (number);
  'rotationType'?: (string);
  'keyMaterialId': (string);
  'keyMaterialState': (string);
  '_rotationDate'?: "rotationDate";
  '_rotationType'?: "rotationType";
}
