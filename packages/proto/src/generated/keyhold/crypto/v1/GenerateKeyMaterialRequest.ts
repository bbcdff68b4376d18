// Original file: keyhold/crypto/v1/crypto.proto


export interface GenerateKeyMaterialRequest {
  'keyArn'?: (string);
  'materialVersion'?: (number);
}

export interface GenerateKeyMaterialRequest__Output {
  'keyArn': (string);
  'materialVersion': (number);
}
