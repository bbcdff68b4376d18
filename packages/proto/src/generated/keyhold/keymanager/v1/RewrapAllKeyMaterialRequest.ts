// Original file: keyhold/keymanager/v1/keymanager.proto


export interface RewrapAllKeyMaterialRequest {
  'targetRootVersion'?: (number);
}

export interface RewrapAllKeyMaterialRequest__Output {
  'targetRootVersion': (number);
}
