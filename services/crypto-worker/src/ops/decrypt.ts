import { KmsError, isKmsError } from '@keyhold/core';
import { decrypt, parseHeader, MAX_BLOB_BYTES } from '@keyhold/envelope';
import type { EncryptionContext } from '@keyhold/envelope';
import type { CallInfo, DecryptRequest__Output, DecryptResponse } from '@keyhold/proto';
import type { ResolvedKey } from '../key-cache.js';
import {
  assertBlobLength,
  assertGrantTokens,
  assertKeyId,
  assertNotDryRun,
  assertSymmetricAlgorithm,
  authorize,
} from './common.js';
import type { AuthorizationFacts, OpDeps } from './common.js';

/**
 * How long a cached key may be trusted when a blob names a material version
 * newer than it knows (a rotation whose event has not arrived yet). Bounds
 * how often crafted blobs can make us ask key-manager again.
 */
const NEWER_VERSION_RECHECK_MS = 1_000;

/** What {@link openBlob} needs: the blob, its context, and the key the caller named if any. */
export interface OpenBlobInput {
  readonly blob: Buffer;
  readonly encryptionContext: EncryptionContext;
  readonly givenKeyId: string | undefined;
  readonly grantTokens: readonly string[];
  /** The operation whose key-state rules apply (Decrypt, ReEncrypt). */
  readonly operation: string;
  /** The IAM action checked on the source key (kms:Decrypt, kms:ReEncryptFrom). */
  readonly action: string;
  readonly dryRun: boolean | undefined;
  /** `kms:EncryptionAlgorithm` as the request named it. */
  readonly encryptionAlgorithm: string | undefined;
  /** ReEncrypt: the destination key's ARN, for `kms:ReEncryptOnSameKey`. */
  readonly destinationArn?: string;
}

/**
 * Finds, authorizes and opens a blob; shared by Decrypt and ReEncrypt. The
 * key comes from the blob's header. A KeyId, when given, must name that
 * same key (else IncorrectKeyException) and is what gets resolved, so an ARN
 * reaches a key of another account.
 *
 * Without a KeyId the header's bare key id is resolved in the caller's region,
 * in any account (authorization then decides cross-account use), and a key
 * not found there (never existed, another region,
 * deleted and its material destroyed) is InvalidCiphertextException, as AWS
 * answers a blob it cannot attribute: the answer does not reveal whether the
 * key exists.
 */
export async function openBlob(
  deps: OpDeps,
  call: CallInfo,
  input: OpenBlobInput,
): Promise<{ key: ResolvedKey; plaintext: Buffer }> {
  const header = parseHeader(input.blob);
  const lookup = async (maxAgeMs?: number): Promise<ResolvedKey> => {
    if (input.givenKeyId !== undefined) {
      const named = await deps.cache.getKey(call.context, input.givenKeyId, maxAgeMs);
      if (named.keyId !== header.keyId) throw KmsError.incorrectKey();
      return named;
    }
    try {
      return await deps.cache.getKey(call.context, header.keyId, maxAgeMs, true);
    } catch (err) {
      if (isKmsError(err, 'NotFoundException')) throw KmsError.invalidCiphertext();
      throw err;
    }
  };
  let key = await lookup();
  if (key.region !== call.context.region) throw KmsError.invalidCiphertext();
  const facts: AuthorizationFacts = {
    encryptionContext: input.encryptionContext,
    grantTokens: input.grantTokens,
    requestedKeyId: input.givenKeyId,
    encryptionAlgorithm: input.encryptionAlgorithm,
    ...(input.destinationArn === undefined
      ? {}
      : { reEncryptOnSameKey: input.destinationArn === key.arn }),
  };
  await authorize(deps, call, key, input.operation, facts, input.action);
  if (
    !key.materials.has(header.materialVersion) &&
    header.materialVersion > key.currentMaterialVersion
  ) {
    key = await lookup(NEWER_VERSION_RECHECK_MS);
    await authorize(deps, call, key, input.operation, facts, input.action);
  }
  const material = key.materials.get(header.materialVersion);
  if (!material) throw KmsError.invalidCiphertext();
  const plaintext = decrypt({
    blob: input.blob,
    material,
    encryptionContext: input.encryptionContext,
  });
  // A dry run says "would have succeeded" only once the blob has authenticated.
  if (input.dryRun === true) {
    plaintext.fill(0);
    assertNotDryRun(true);
  }
  call.logger.debug({ keyArn: key.arn, materialVersion: header.materialVersion }, 'blob opened');
  return { key, plaintext };
}

/** An optional KeyId member: absent or empty means "take the key from the blob". */
export function optionalKeyId(value: string | undefined, field: string): string | undefined {
  return value === undefined || value === '' ? undefined : assertKeyId(value, field);
}

/** Decrypt: the key comes from the blob; see {@link openBlob}. */
export function decryptHandler(deps: OpDeps) {
  return async (req: DecryptRequest__Output, call: CallInfo): Promise<DecryptResponse> => {
    assertBlobLength(req.ciphertextBlob, 'ciphertextBlob', 1, MAX_BLOB_BYTES);
    const givenKeyId = optionalKeyId(req.keyId, 'keyId');
    assertGrantTokens(req.grantTokens);
    assertSymmetricAlgorithm(req.encryptionAlgorithm);
    const { key, plaintext } = await openBlob(deps, call, {
      blob: req.ciphertextBlob,
      encryptionContext: req.encryptionContext,
      givenKeyId,
      grantTokens: req.grantTokens,
      operation: 'Decrypt',
      action: 'kms:Decrypt',
      dryRun: req.dryRun,
      encryptionAlgorithm: req.encryptionAlgorithm,
    });
    return { keyId: key.arn, plaintext, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  };
}
