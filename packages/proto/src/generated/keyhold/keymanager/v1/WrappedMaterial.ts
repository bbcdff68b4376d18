// Original file: keyhold/keymanager/v1/keymanager.proto


export interface WrappedMaterial {
  'version'?: (number);
  'wrapped'?: (Buffer | Uint8Array | string);
}

export interface WrappedMaterial__Output {
  'version': (number);
  'wrapped': (Buffer);
}
