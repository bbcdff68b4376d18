// Original file: keyhold/authorizer/v1/admin.proto

import type { Account as _keyhold_authorizer_v1_Account, Account__Output as _keyhold_authorizer_v1_Account__Output } from '../../../keyhold/authorizer/v1/Account.js';

export interface ListAccountsResponse {
  'accounts'?: (_keyhold_authorizer_v1_Account)[];
}

export interface ListAccountsResponse__Output {
  'accounts': (_keyhold_authorizer_v1_Account__Output)[];
}
