// Original file: kms/v1/kms.proto

import type { GrantConstraints as _kms_v1_GrantConstraints, GrantConstraints__Output as _kms_v1_GrantConstraints__Output } from '../../kms/v1/GrantConstraints.js';

export interface CreateGrantRequest {
  'keyId'?: (string);
  'granteePrincipal'?: (string);
  'retiringPrincipal'?: (string);
  'operations'?: (string)[];
  'constraints'?: (_kms_v1_GrantConstraints | null);
  'grantTokens'?: (string)[];
  'name'?: (string);
  'dryRun'?: (boolean);
  '_retiringPrincipal'?: "retiringPrincipal";
  '_constraints'?: "constraints";
  '_name'?: "name";
  '_dryRun'?: "dryRun";
}

export interface CreateGrantRequest__Output {
  'keyId': (string);
  'granteePrincipal': (string);
  'retiringPrincipal'?: (string);
  'operations': (string)[];
  'constraints'?: (_kms_v1_GrantConstraints__Output | null);
  'grantTokens': (string)[];
  'name'?: (string);
  'dryRun'?: (boolean);
  '_retiringPrincipal'?: "retiringPrincipal";
  '_constraints'?: "constraints";
  '_name'?: "name";
  '_dryRun'?: "dryRun";
}
