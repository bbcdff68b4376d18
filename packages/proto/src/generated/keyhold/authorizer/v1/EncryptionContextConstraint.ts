// Original file: keyhold/authorizer/v1/authorizer.proto


export interface EncryptionContextConstraint {
  'pairs'?: ({[key: string]: string});
}

export interface EncryptionContextConstraint__Output {
  'pairs': ({[key: string]: string});
}
