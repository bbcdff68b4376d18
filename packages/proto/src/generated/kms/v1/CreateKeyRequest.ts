// Original file: kms/v1/kms.proto

import type { Tag as _kms_v1_Tag, Tag__Output as _kms_v1_Tag__Output } from '../../kms/v1/Tag.js';

export interface CreateKeyRequest {
  'description'?: (string);
  'keyUsage'?: (string);
  'keySpec'?: (string);
  'tags'?: (_kms_v1_Tag)[];
  'policy'?: (string);
  'origin'?: (string);
  'multiRegion'?: (boolean);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_description'?: "description";
  '_keyUsage'?: "keyUsage";
  '_keySpec'?: "keySpec";
  '_policy'?: "policy";
  '_origin'?: "origin";
  '_multiRegion'?: "multiRegion";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}

export interface CreateKeyRequest__Output {
  'description'?: (string);
  'keyUsage'?: (string);
  'keySpec'?: (string);
  'tags': (_kms_v1_Tag__Output)[];
  'policy'?: (string);
  'origin'?: (string);
  'multiRegion'?: (boolean);
  'bypassPolicyLockoutSafetyCheck'?: (boolean);
  '_description'?: "description";
  '_keyUsage'?: "keyUsage";
  '_keySpec'?: "keySpec";
  '_policy'?: "policy";
  '_origin'?: "origin";
  '_multiRegion'?: "multiRegion";
  '_bypassPolicyLockoutSafetyCheck'?: "bypassPolicyLockoutSafetyCheck";
}
