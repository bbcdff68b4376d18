// Data-plane operations: forwarded to crypto-worker.

import type {
  DecryptRequest,
  EncryptRequest,
  GenerateDataKeyRequest,
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateRandomRequest,
  ReEncryptRequest,
} from '@keyhold/proto';
import type { JsonObject } from './members.js';
import { Validation, optBlob, optBoolean, optInteger, optString, optStringMap } from './members.js';
import {
  DATA_KEY_SPECS,
  ENCRYPTION_ALGORITHMS,
  b64,
  define,
  grantTokens,
  requiredKeyId,
} from './operation.js';

export const encrypt = define('Encrypt', {
  hot: true,
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const plaintext = optBlob(input, 'Plaintext');
    const context = optStringMap(input, 'EncryptionContext');
    const tokens = grantTokens(input, v);
    const algorithm = optString(input, 'EncryptionAlgorithm');
    const dryRun = optBoolean(input, 'DryRun');
    if (v.required('plaintext', plaintext)) v.blobLength('plaintext', plaintext, 1, 4096);
    v.oneOf('encryptionAlgorithm', algorithm, ENCRYPTION_ALGORITHMS);
    v.done();
    const req: EncryptRequest = { keyId, plaintext: plaintext! };
    if (context) req.encryptionContext = context;
    if (tokens) req.grantTokens = tokens;
    if (algorithm !== undefined) req.encryptionAlgorithm = algorithm;
    if (dryRun !== undefined) req.dryRun = dryRun;
    return req;
  },
  call: (b, req, opts) => b.cryptoWorker.Encrypt(req, opts),
  serialize: (res) => ({
    CiphertextBlob: b64(res.ciphertextBlob),
    KeyId: res.keyId,
    EncryptionAlgorithm: res.encryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({
    keyId: res.keyId,
    encryptionAlgorithm: res.encryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
  wipe: (req) => (req.plaintext as Buffer).fill(0),
});

export const decrypt = define('Decrypt', {
  hot: true,
  parse(input) {
    const v = new Validation();
    const blob = optBlob(input, 'CiphertextBlob');
    const context = optStringMap(input, 'EncryptionContext');
    const tokens = grantTokens(input, v);
    const keyId = optString(input, 'KeyId');
    const algorithm = optString(input, 'EncryptionAlgorithm');
    const dryRun = optBoolean(input, 'DryRun');
    if (v.required('ciphertextBlob', blob)) v.blobLength('ciphertextBlob', blob, 1, 6144);
    v.length('keyId', keyId, 1, 2048);
    v.oneOf('encryptionAlgorithm', algorithm, ENCRYPTION_ALGORITHMS);
    v.done();
    const req: DecryptRequest = { ciphertextBlob: blob! };
    if (context) req.encryptionContext = context;
    if (tokens) req.grantTokens = tokens;
    if (keyId !== undefined) req.keyId = keyId;
    if (algorithm !== undefined) req.encryptionAlgorithm = algorithm;
    if (dryRun !== undefined) req.dryRun = dryRun;
    return req;
  },
  call: (b, req, opts) => b.cryptoWorker.Decrypt(req, opts),
  serialize: (res) => ({
    KeyId: res.keyId,
    Plaintext: b64(res.plaintext),
    EncryptionAlgorithm: res.encryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({
    keyId: res.keyId,
    encryptionAlgorithm: res.encryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
  wipe: (_req, res) => res?.plaintext.fill(0),
});

/** GenerateDataKey and GenerateDataKeyWithoutPlaintext take the same input. */
function parseDataKeyRequest(input: JsonObject): GenerateDataKeyWithoutPlaintextRequest {
  const v = new Validation();
  const keyId = requiredKeyId(input, v);
  const context = optStringMap(input, 'EncryptionContext');
  const numberOfBytes = optInteger(input, 'NumberOfBytes');
  const keySpec = optString(input, 'KeySpec');
  const tokens = grantTokens(input, v);
  const dryRun = optBoolean(input, 'DryRun');
  v.range('numberOfBytes', numberOfBytes, 1, 1024);
  v.oneOf('keySpec', keySpec, DATA_KEY_SPECS);
  v.done();
  if ((numberOfBytes === undefined) === (keySpec === undefined)) {
    v.fail('Please specify either number of bytes or key spec.');
  }
  const req: GenerateDataKeyRequest = { keyId };
  if (context) req.encryptionContext = context;
  if (numberOfBytes !== undefined) req.numberOfBytes = numberOfBytes;
  if (keySpec !== undefined) req.keySpec = keySpec;
  if (tokens) req.grantTokens = tokens;
  if (dryRun !== undefined) req.dryRun = dryRun;
  return req;
}

export const generateDataKey = define('GenerateDataKey', {
  hot: true,
  parse: parseDataKeyRequest,
  call: (b, req, opts) => b.cryptoWorker.GenerateDataKey(req, opts),
  serialize: (res) => ({
    CiphertextBlob: b64(res.ciphertextBlob),
    Plaintext: b64(res.plaintext),
    KeyId: res.keyId,
  }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({ keyId: res.keyId }),
  wipe: (_req, res) => res?.plaintext.fill(0),
});

export const generateDataKeyWithoutPlaintext = define('GenerateDataKeyWithoutPlaintext', {
  hot: true,
  parse: parseDataKeyRequest,
  call: (b, req, opts) => b.cryptoWorker.GenerateDataKeyWithoutPlaintext(req, opts),
  serialize: (res) => ({ CiphertextBlob: b64(res.ciphertextBlob), KeyId: res.keyId }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({ keyId: res.keyId }),
});

export const reEncrypt = define('ReEncrypt', {
  hot: true,
  parse(input) {
    const v = new Validation();
    const blob = optBlob(input, 'CiphertextBlob');
    const sourceContext = optStringMap(input, 'SourceEncryptionContext');
    const sourceKeyId = optString(input, 'SourceKeyId');
    const destinationKeyId = optString(input, 'DestinationKeyId');
    const destinationContext = optStringMap(input, 'DestinationEncryptionContext');
    const sourceAlgorithm = optString(input, 'SourceEncryptionAlgorithm');
    const destinationAlgorithm = optString(input, 'DestinationEncryptionAlgorithm');
    const tokens = grantTokens(input, v);
    const dryRun = optBoolean(input, 'DryRun');
    if (v.required('ciphertextBlob', blob)) v.blobLength('ciphertextBlob', blob, 1, 6144);
    v.length('sourceKeyId', sourceKeyId, 1, 2048);
    if (v.required('destinationKeyId', destinationKeyId))
      v.length('destinationKeyId', destinationKeyId, 1, 2048);
    v.oneOf('sourceEncryptionAlgorithm', sourceAlgorithm, ENCRYPTION_ALGORITHMS);
    v.oneOf('destinationEncryptionAlgorithm', destinationAlgorithm, ENCRYPTION_ALGORITHMS);
    v.done();
    const req: ReEncryptRequest = { ciphertextBlob: blob!, destinationKeyId: destinationKeyId! };
    if (sourceContext) req.sourceEncryptionContext = sourceContext;
    if (sourceKeyId !== undefined) req.sourceKeyId = sourceKeyId;
    if (destinationContext) req.destinationEncryptionContext = destinationContext;
    if (sourceAlgorithm !== undefined) req.sourceEncryptionAlgorithm = sourceAlgorithm;
    if (destinationAlgorithm !== undefined)
      req.destinationEncryptionAlgorithm = destinationAlgorithm;
    if (tokens) req.grantTokens = tokens;
    if (dryRun !== undefined) req.dryRun = dryRun;
    return req;
  },
  call: (b, req, opts) => b.cryptoWorker.ReEncrypt(req, opts),
  serialize: (res) => ({
    CiphertextBlob: b64(res.ciphertextBlob),
    SourceKeyId: res.sourceKeyId,
    KeyId: res.keyId,
    SourceEncryptionAlgorithm: res.sourceEncryptionAlgorithm || 'SYMMETRIC_DEFAULT',
    DestinationEncryptionAlgorithm: res.destinationEncryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
  responseKeyArn: (res) => res.keyId,
  responseElements: (res) => ({
    sourceKeyId: res.sourceKeyId,
    keyId: res.keyId,
    sourceEncryptionAlgorithm: res.sourceEncryptionAlgorithm || 'SYMMETRIC_DEFAULT',
    destinationEncryptionAlgorithm: res.destinationEncryptionAlgorithm || 'SYMMETRIC_DEFAULT',
  }),
});

export const generateRandom = define('GenerateRandom', {
  // Shares the symmetric cryptographic quota, as AWS counts it.
  hot: true,
  parse(input) {
    const v = new Validation();
    const numberOfBytes = optInteger(input, 'NumberOfBytes');
    const customKeyStoreId = optString(input, 'CustomKeyStoreId');
    v.range('numberOfBytes', numberOfBytes, 1, 1024);
    v.length('customKeyStoreId', customKeyStoreId, 1, 64);
    v.done();
    const req: GenerateRandomRequest = {};
    if (numberOfBytes !== undefined) req.numberOfBytes = numberOfBytes;
    if (customKeyStoreId !== undefined) req.customKeyStoreId = customKeyStoreId;
    return req;
  },
  call: (b, req, opts) => b.cryptoWorker.GenerateRandom(req, opts),
  serialize: (res) => ({ Plaintext: b64(res.plaintext) }),
  responseKeyArn: () => undefined,
  responseElements: () => ({}),
  wipe: (_req, res) => res?.plaintext.fill(0),
});

/** Cryptographic operations, forwarded to crypto-worker. */
export const DATA_OPERATIONS = [
  encrypt,
  decrypt,
  reEncrypt,
  generateDataKey,
  generateDataKeyWithoutPlaintext,
  generateRandom,
];
