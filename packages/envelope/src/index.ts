export {
  FORMAT_VERSION,
  MATERIAL_BYTES,
  MAX_BLOB_BYTES,
  MAX_PLAINTEXT_BYTES,
  decrypt,
  encrypt,
  parseHeader,
} from './ciphertext.js';
export type { CiphertextHeader, DecryptInput, EncryptInput } from './ciphertext.js';
export { encodeEncryptionContext } from './encryption-context.js';
export type { EncryptionContext } from './encryption-context.js';
export { KeyringError, RootKeyring, loadKeyring, parseKeyring } from './keyring.js';
export type { KeyringDocument, KeyringSource } from './keyring.js';
