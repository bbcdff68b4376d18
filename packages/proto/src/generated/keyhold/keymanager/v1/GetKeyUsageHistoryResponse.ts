// Original file: keyhold/keymanager/v1/keymanager.proto

import type { KeyUsageHistory as _keyhold_keymanager_v1_KeyUsageHistory, KeyUsageHistory__Output as _keyhold_keymanager_v1_KeyUsageHistory__Output } from '../../../keyhold/keymanager/v1/KeyUsageHistory.js';

export interface GetKeyUsageHistoryResponse {
  'keys'?: (_keyhold_keymanager_v1_KeyUsageHistory)[];
}

export interface GetKeyUsageHistoryResponse__Output {
  'keys': (_keyhold_keymanager_v1_KeyUsageHistory__Output)[];
}
