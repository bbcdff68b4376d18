// Original file: keyhold/audit/v1/audit.proto


export interface VerifyChainRequest {
  'region'?: (string);
  'trustedPublicKey'?: (Buffer | Uint8Array | string);
  '_region'?: "region";
  '_trustedPublicKey'?: "trustedPublicKey";
}

export interface VerifyChainRequest__Output {
  'region'?: (string);
  'trustedPublicKey'?: (Buffer);
  '_region'?: "region";
  '_trustedPublicKey'?: "trustedPublicKey";
}
