export { CROSS_ACCOUNT_ACTIONS, crossAccountIdentityPolicy, sharedKeyPolicy } from './policies.js';
export { createSharedKey, shareKey } from './share.js';
export {
  assertKeyArn,
  dataKeyFromSharedKey,
  decryptWithSharedKey,
  describeSharedKey,
  encryptWithSharedKey,
} from './shared-key.js';
