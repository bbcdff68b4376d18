import { KmsError, isKmsError } from '@keyhold/core';
import { decrypt, parseHeader, MAX_BLOB_BYTES } from '@keyhold/envelope';
import type { CallInfo, DecryptRequest__Output, DecryptResponse } from '@keyhold/proto';
import type { ResolvedKey } from '../key-cache.js';
import {
  assertBlobLength,
  assertGrantTokens,
  assertKeyId,
  assertNoDryRun,
  assertSymmetricAlgorithm,
  authorize,
} from './common.js';
import type { OpDeps } from './common.js';

/**
 * How long a cached key may be trusted when a blob names a material version
 * newer than it knows (a rotation whose event has not arrived yet). Bounds
 * how often crafted blobs can make us ask key-manager again.
 */
const NEWER_VERSION_RECHECK_MS = 1_000;

/**
 * Decrypt: the key comes from the blob's header. A KeyId, when given, must
 * name that same key (else IncorrectKeyException) and is what gets resolved,
 * so an ARN reaches a key of another account.
 *
 * Without a KeyId the header's bare key id is resolved in the caller's region
 * and account, and a key not found there is InvalidCiphertextException, as
 * AWS answers a blob from another region: the blob is not one this caller's
 * region can decrypt, and the answer does not reveal whether the key exists.
 */
export function decryptHandler(deps: OpDeps) {
  return async (req: DecryptRequest__Output, call: CallInfo): Promise<DecryptResponse> => {
    assertBlobLength(req.ciphertextBlob, 'ciphertextBlob', 1, MAX_BLOB_BYTES);
    const givenKeyId =
      req.keyId === undefined || req.keyId === '' ? undefined : assertKeyId(req.keyId);
    assertGrantTokens(req.grantTokens);
    assertSymmetricAlgorithm(req.encryptionAlgorithm);
    assertNoDryRun(req.dryRun);
    const header = parseHeader(req.ciphertextBlob);

    const lookup = async (maxAgeMs?: number): Promise<ResolvedKey> => {
      if (givenKeyId !== undefined) {
        const named = await deps.cache.getKey(call.context, givenKeyId, maxAgeMs);
        if (named.keyId !== header.keyId) throw KmsError.incorrectKey();
        return named;
      }
      try {
        return await deps.cache.getKey(call.context, header.keyId, maxAgeMs);
      } catch (err) {
        if (isKmsError(err, 'NotFoundException')) throw KmsError.invalidCiphertext();
        throw err;
      }
    };

    let key = await lookup();
    if (key.region !== call.context.region) throw KmsError.invalidCiphertext();
    await authorize(deps, call, key, 'Decrypt');
    if (
      !key.materials.has(header.materialVersion) &&
      header.materialVersion > key.currentMaterialVersion
    ) {
      key = await lookup(NEWER_VERSION_RECHECK_MS);
      await authorize(deps, call, key, 'Decrypt');
    }
    const material = key.materials.get(header.materialVersion);
    if (!material) throw KmsError.invalidCiphertext();
    const plaintext = decrypt({
      blob: req.ciphertextBlob,
      material,
      encryptionContext: req.encryptionContext,
    });
    call.logger.debug({ keyArn: key.arn, materialVersion: header.materialVersion }, 'decrypted');
    return { keyId: key.arn, plaintext, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  };
}
