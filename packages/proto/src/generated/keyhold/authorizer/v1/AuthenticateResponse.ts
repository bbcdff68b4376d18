// Original file: keyhold/authorizer/v1/authorizer.proto

import type { Principal as _keyhold_authorizer_v1_Principal, Principal__Output as _keyhold_authorizer_v1_Principal__Output } from '../../../keyhold/authorizer/v1/Principal.js';

export interface AuthenticateResponse {
  'principal'?: (_keyhold_authorizer_v1_Principal | null);
  'signingKey'?: (Buffer | Uint8Array | string);
}

export interface AuthenticateResponse__Output {
  'principal': (_keyhold_authorizer_v1_Principal__Output | null);
  'signingKey': (Buffer);
}
