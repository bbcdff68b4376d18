// Original file: keyhold/audit/v1/audit.proto


export interface AuditPublicKey {
  'keyId'?: (string);
  'publicKeyPem'?: (string);
  'publicKey'?: (Buffer | Uint8Array | string);
  'current'?: (boolean);
}

export interface AuditPublicKey__Output {
  'keyId': (string);
  'publicKeyPem': (string);
  'publicKey': (Buffer);
  'current': (boolean);
}
