// Data-plane operations: forwarded to crypto-worker.

import type { DecryptRequest, EncryptRequest, GenerateDataKeyRequest } from '@keyhold/proto';
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

export const generateDataKey = define('GenerateDataKey', {
  hot: true,
  parse(input) {
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
  },
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

/** Cryptographic operations, forwarded to crypto-worker. */
export const DATA_OPERATIONS = [encrypt, decrypt, generateDataKey];
