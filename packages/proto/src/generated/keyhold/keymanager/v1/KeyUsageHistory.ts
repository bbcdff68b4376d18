// Original file: keyhold/keymanager/v1/keymanager.proto

import type { KeyUsageChange as _keyhold_keymanager_v1_KeyUsageChange, KeyUsageChange__Output as _keyhold_keymanager_v1_KeyUsageChange__Output } from '../../../keyhold/keymanager/v1/KeyUsageChange.js';

export interface KeyUsageHistory {
  'keyId'?: (string);
  'accountId'?: (string);
  'region'?: (string);
  'keyManager'?: (string);
  'changes'?: (_keyhold_keymanager_v1_KeyUsageChange)[];
}

export interface KeyUsageHistory__Output {
  'keyId': (string);
  'accountId': (string);
  'region': (string);
  'keyManager': (string);
  'changes': (_keyhold_keymanager_v1_KeyUsageChange__Output)[];
}
