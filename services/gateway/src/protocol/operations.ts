import type {
  CallOptions,
  Client,
  CreateKeyRequest,
  CryptoWorkerMethods,
  DecryptRequest,
  DescribeKeyRequest,
  EncryptRequest,
  GenerateDataKeyRequest,
  KeyManagerMethods,
  KeyMetadata__Output,
  ListKeysRequest,
} from '@keyhold/proto';
import {
  Validation,
  optBlob,
  optBoolean,
  optInteger,
  optString,
  optStringList,
  optStringMap,
  optStructureList,
} from './members.js';
import type { JsonObject } from './members.js';

/** The typed clients the gateway forwards to. */
export interface Backends {
  readonly keyManager: Pick<Client<KeyManagerMethods>, 'CreateKey' | 'DescribeKey' | 'ListKeys'>;
  readonly cryptoWorker: Pick<
    Client<CryptoWorkerMethods>,
    'Encrypt' | 'Decrypt' | 'GenerateDataKey'
  >;
}

/** The shared AWS quota for symmetric cryptographic operations. */
export const CRYPTO_QUOTA_CLASS = 'CryptographicOperationsSymmetric';

/**
 * One TrentService operation: how its JSON input becomes the proto request,
 * where it goes, and how the answer becomes AWS JSON. Erased to `unknown` so
 * that operations of different shapes sit in one table.
 */
export interface Operation {
  readonly name: string;
  /** Crypto operations spend leased tokens of one shared class; the others have their own. */
  readonly quotaClass: string;
  readonly hot: boolean;
  parse(input: JsonObject): unknown;
  call(backends: Backends, request: unknown, options: CallOptions): Promise<unknown>;
  serialize(response: unknown): Record<string, unknown>;
  /** The key ARN the response names, for the audit record. */
  responseKeyArn(response: unknown): string | undefined;
  /** Allow-listed response fields for the audit record. */
  responseElements(response: unknown): Record<string, unknown>;
  /** Zeroes plaintext buffers once the response is written. */
  wipe(request: unknown, response: unknown): void;
}

interface Spec<Req, Res> {
  readonly hot: boolean;
  parse(input: JsonObject): Req;
  call(backends: Backends, request: Req, options: CallOptions): Promise<Res>;
  serialize(response: Res): Record<string, unknown>;
  responseKeyArn(response: Res): string | undefined;
  responseElements(response: Res): Record<string, unknown>;
  wipe?(request: Req, response: Res | undefined): void;
}

function define<Req, Res>(name: string, spec: Spec<Req, Res>): Operation {
  return {
    name,
    hot: spec.hot,
    quotaClass: spec.hot ? CRYPTO_QUOTA_CLASS : name,
    parse: (input) => spec.parse(input),
    call: (backends, request, options) => spec.call(backends, request as Req, options),
    serialize: (response) => spec.serialize(response as Res),
    responseKeyArn: (response) => spec.responseKeyArn(response as Res),
    responseElements: (response) => spec.responseElements(response as Res),
    wipe: (request, response) => spec.wipe?.(request as Req, response as Res | undefined),
  };
}

const KEY_USAGES = [
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const;
const KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
] as const;
const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
] as const;
const DATA_KEY_SPECS = ['AES_256', 'AES_128'] as const;
const MARKER = /^[\u0020-\u00FF]*$/;

function grantTokens(input: JsonObject, v: Validation): string[] | undefined {
  const tokens = optStringList(input, 'GrantTokens');
  v.listLength('grantTokens', tokens, 10);
  for (const t of tokens ?? []) v.length('grantTokens.member', t, 1, 8192);
  return tokens;
}

function requiredKeyId(input: JsonObject, v: Validation): string {
  const keyId = optString(input, 'KeyId');
  if (v.required('keyId', keyId)) v.length('keyId', keyId, 1, 2048);
  return keyId ?? '';
}

function b64(buf: Buffer): string {
  return buf.toString('base64');
}

/** KeyMetadata in AWS member names; optional dates only when set. */
export function keyMetadataJson(
  m: KeyMetadata__Output | null | undefined,
): Record<string, unknown> | undefined {
  if (!m) return undefined;
  const out: Record<string, unknown> = {
    AWSAccountId: m.awsAccountId,
    KeyId: m.keyId,
    Arn: m.arn,
    CreationDate: m.creationDate,
    Enabled: m.enabled,
    Description: m.description,
    KeyUsage: m.keyUsage,
    KeyState: m.keyState,
    Origin: m.origin,
    KeyManager: m.keyManager,
    KeySpec: m.keySpec,
    CustomerMasterKeySpec: m.keySpec,
    EncryptionAlgorithms: m.encryptionAlgorithms,
    MultiRegion: m.multiRegion,
  };
  if (typeof m.deletionDate === 'number' && m.deletionDate > 0)
    out['DeletionDate'] = m.deletionDate;
  if (typeof m.pendingDeletionWindowInDays === 'number' && m.pendingDeletionWindowInDays > 0) {
    out['PendingDeletionWindowInDays'] = m.pendingDeletionWindowInDays;
  }
  return out;
}

function keyMetadataAudit(m: KeyMetadata__Output | null | undefined): Record<string, unknown> {
  if (!m) return {};
  return {
    keyMetadata: {
      keyId: m.keyId,
      arn: m.arn,
      keyState: m.keyState,
      keyUsage: m.keyUsage,
      keySpec: m.keySpec,
      origin: m.origin,
      creationDate: m.creationDate,
    },
  };
}

const createKey = define('CreateKey', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const description = optString(input, 'Description');
    const keyUsage = optString(input, 'KeyUsage');
    const keySpec = optString(input, 'KeySpec');
    const cmkSpec = optString(input, 'CustomerMasterKeySpec');
    const policy = optString(input, 'Policy');
    const origin = optString(input, 'Origin');
    const multiRegion = optBoolean(input, 'MultiRegion');
    const bypass = optBoolean(input, 'BypassPolicyLockoutSafetyCheck');
    const tags = (optStructureList(input, 'Tags') ?? []).map((t) => ({
      tagKey: optString(t, 'TagKey'),
      tagValue: optString(t, 'TagValue'),
    }));
    v.length('description', description, 0, 8192);
    v.oneOf('keyUsage', keyUsage, KEY_USAGES);
    v.oneOf('keySpec', keySpec, KEY_SPECS);
    v.oneOf('customerMasterKeySpec', cmkSpec, KEY_SPECS);
    v.length('policy', policy, 1, 131072);
    v.oneOf('origin', origin, ORIGINS);
    v.listLength('tags', tags, 50);
    for (const t of tags) {
      if (v.required('tags.member.tagKey', t.tagKey))
        v.length('tags.member.tagKey', t.tagKey, 1, 128);
      if (v.required('tags.member.tagValue', t.tagValue))
        v.length('tags.member.tagValue', t.tagValue, 0, 256);
    }
    v.done();
    if (keySpec !== undefined && cmkSpec !== undefined && keySpec !== cmkSpec) {
      v.fail(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      );
    }
    const req: CreateKeyRequest = {
      tags: tags.map((t) => ({ tagKey: t.tagKey!, tagValue: t.tagValue! })),
    };
    if (description !== undefined) req.description = description;
    if (keyUsage !== undefined) req.keyUsage = keyUsage;
    if ((keySpec ?? cmkSpec) !== undefined) req.keySpec = (keySpec ?? cmkSpec)!;
    if (policy !== undefined) req.policy = policy;
    if (origin !== undefined) req.origin = origin;
    if (multiRegion !== undefined) req.multiRegion = multiRegion;
    if (bypass !== undefined) req.bypassPolicyLockoutSafetyCheck = bypass;
    return req;
  },
  call: (b, req, opts) => b.keyManager.CreateKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

const describeKey = define('DescribeKey', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const keyId = requiredKeyId(input, v);
    const tokens = grantTokens(input, v);
    v.done();
    const req: DescribeKeyRequest = { keyId };
    if (tokens) req.grantTokens = tokens;
    return req;
  },
  call: (b, req, opts) => b.keyManager.DescribeKey(req, opts),
  serialize: (res) => ({ KeyMetadata: keyMetadataJson(res.keyMetadata) }),
  responseKeyArn: (res) => res.keyMetadata?.arn,
  responseElements: (res) => keyMetadataAudit(res.keyMetadata),
});

const listKeys = define('ListKeys', {
  hot: false,
  parse(input) {
    const v = new Validation();
    const limit = optInteger(input, 'Limit');
    const marker = optString(input, 'Marker');
    v.range('limit', limit, 1, 1000);
    v.length('marker', marker, 1, 1024);
    v.pattern('marker', marker, MARKER, '[\\u0020-\\u00FF]*');
    v.done();
    const req: ListKeysRequest = {};
    if (limit !== undefined) req.limit = limit;
    if (marker !== undefined) req.marker = marker;
    return req;
  },
  call: (b, req, opts) => b.keyManager.ListKeys(req, opts),
  serialize(res) {
    const out: Record<string, unknown> = {
      Keys: res.keys.map((k) => ({ KeyId: k.keyId, KeyArn: k.keyArn })),
      Truncated: res.truncated,
    };
    if (res.truncated && res.nextMarker) out['NextMarker'] = res.nextMarker;
    return out;
  },
  responseKeyArn: () => undefined,
  responseElements: () => ({}),
});

const encrypt = define('Encrypt', {
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

const decrypt = define('Decrypt', {
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

const generateDataKey = define('GenerateDataKey', {
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

/** The TrentService operations the gateway serves, by AWS name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [createKey, describeKey, listKeys, encrypt, decrypt, generateDataKey].map((op) => [op.name, op]),
);

/**
 * The operation an `X-Amz-Target` names, or undefined. Only the
 * `TrentService.` prefix is accepted, as AWS does.
 */
export function operationForTarget(target: string | undefined): Operation | undefined {
  if (target === undefined || !target.startsWith('TrentService.')) return undefined;
  return OPERATIONS.get(target.slice('TrentService.'.length));
}
