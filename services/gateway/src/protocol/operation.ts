import type {
  CallOptions,
  CryptoWorkerMethods,
  KeyManagerMethods,
  KeyMetadata__Output,
} from '@keyhold/proto';
import { CRYPTO_SYMMETRIC_CLASS } from '@keyhold/core';
import { optString, optStringList } from './members.js';
import type { JsonObject, Validation } from './members.js';

/** The typed clients the gateway forwards to. */
export interface Backends {
  readonly keyManager: KeyManagerMethods;
  readonly cryptoWorker: CryptoWorkerMethods;
}

/** The shared AWS quota for symmetric cryptographic operations (core's, as quota-limiter's and metering's). */
export const CRYPTO_QUOTA_CLASS = CRYPTO_SYMMETRIC_CLASS;

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

/**
 * An operation's definition. What most management operations share is the
 * default: not hot (its own quota class), an empty JSON response, no key ARN
 * and no response elements for the audit record.
 */
interface Spec<Req, Res> {
  /** @default false */
  readonly hot?: boolean;
  parse(input: JsonObject): Req;
  call(backends: Backends, request: Req, options: CallOptions): Promise<Res>;
  /** @default an empty object */
  serialize?(response: Res): Record<string, unknown>;
  /** @default none */
  responseKeyArn?(response: Res): string | undefined;
  /** @default an empty object */
  responseElements?(response: Res): Record<string, unknown>;
  wipe?(request: Req, response: Res | undefined): void;
}

export function define<Req, Res>(name: string, spec: Spec<Req, Res>): Operation {
  const hot = spec.hot ?? false;
  return {
    name,
    hot,
    quotaClass: hot ? CRYPTO_QUOTA_CLASS : name,
    parse: (input) => spec.parse(input),
    call: (backends, request, options) => spec.call(backends, request as Req, options),
    serialize: (response) => spec.serialize?.(response as Res) ?? {},
    responseKeyArn: (response) => spec.responseKeyArn?.(response as Res),
    responseElements: (response) => spec.responseElements?.(response as Res) ?? {},
    wipe: (request, response) => spec.wipe?.(request as Req, response as Res | undefined),
  };
}

export const KEY_USAGES = [
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const;
export const KEY_SPECS = [
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
export const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
export const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'SM2PKE',
] as const;
export const DATA_KEY_SPECS = ['AES_256', 'AES_128'] as const;
export const MARKER = /^[\u0020-\u00FF]*$/;

export function grantTokens(input: JsonObject, v: Validation): string[] | undefined {
  const tokens = optStringList(input, 'GrantTokens');
  v.listLength('grantTokens', tokens, 10);
  for (const t of tokens ?? []) v.length('grantTokens.member', t, 1, 8192);
  return tokens;
}

export function requiredKeyId(input: JsonObject, v: Validation): string {
  const keyId = optString(input, 'KeyId');
  if (v.required('keyId', keyId)) v.length('keyId', keyId, 1, 2048);
  return keyId ?? '';
}

export function b64(buf: Buffer): string {
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

export function keyMetadataAudit(
  m: KeyMetadata__Output | null | undefined,
): Record<string, unknown> {
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
