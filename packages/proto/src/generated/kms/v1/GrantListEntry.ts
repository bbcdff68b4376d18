// Original file: kms/v1/kms.proto

import type { GrantConstraints as _kms_v1_GrantConstraints, GrantConstraints__Output as _kms_v1_GrantConstraints__Output } from '../../kms/v1/GrantConstraints.js';

export interface GrantListEntry {
  'keyId'?: (string);
  'grantId'?: (string);
  'name'?: (string);
  'creationDate'?: (number | string);
  'granteePrincipal'?: (string);
  'retiringPrincipal'?: (string);
  'issuingAccount'?: (string);
  'operations'?: (string)[];
  'constraints'?: (_kms_v1_GrantConstraints | null);
  '_retiringPrincipal'?: "retiringPrincipal";
  '_constraints'?: "constraints";
}

export interface GrantListEntry__Output {
  'keyId': (string);
  'grantId': (string);
  'name': (string);
  'creationDate': (number);
  'granteePrincipal': (string);
  'retiringPrincipal'?: (string);
  'issuingAccount': (string);
  'operations': (string)[];
  'constraints'?: (_kms_v1_GrantConstraints__Output | null);
  '_retiringPrincipal'?: "retiringPrincipal";
  '_constraints'?: "constraints";
}
