// Original file: keyhold/authorizer/v1/admin.proto

import type { PrincipalInfo as _keyhold_authorizer_v1_PrincipalInfo, PrincipalInfo__Output as _keyhold_authorizer_v1_PrincipalInfo__Output } from '../../../keyhold/authorizer/v1/PrincipalInfo.js';
import type { ServicePrincipalInfo as _keyhold_authorizer_v1_ServicePrincipalInfo, ServicePrincipalInfo__Output as _keyhold_authorizer_v1_ServicePrincipalInfo__Output } from '../../../keyhold/authorizer/v1/ServicePrincipalInfo.js';

export interface ListPrincipalsResponse {
  'principals'?: (_keyhold_authorizer_v1_PrincipalInfo)[];
  'servicePrincipals'?: (_keyhold_authorizer_v1_ServicePrincipalInfo)[];
}

export interface ListPrincipalsResponse__Output {
  'principals': (_keyhold_authorizer_v1_PrincipalInfo__Output)[];
  'servicePrincipals': (_keyhold_authorizer_v1_ServicePrincipalInfo__Output)[];
}
