export { objectArn, objectContext } from './context.js';
export { USER_HEADER, objectStoreListener } from './http.js';
export type { HttpOptions } from './http.js';
export { bucketKeyPolicy } from './key-policy.js';
export type { BucketKeyPolicyInput } from './key-policy.js';
export { openBody, sealBody } from './object-cipher.js';
export type { SealedBody } from './object-cipher.js';
export { ObjectStore, StoreError } from './object-store.js';
export type { ObjectStoreOptions, StoreKms, StoredObject } from './object-store.js';
