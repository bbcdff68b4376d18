import { MAX_BLOB_BYTES, encrypt } from '@keyhold/envelope';
import type { CallInfo, ReEncryptRequest__Output, ReEncryptResponse } from '@keyhold/proto';
import {
  assertBlobLength,
  assertGrantTokens,
  assertKeyId,
  assertNotDryRun,
  assertSymmetricAlgorithm,
  authorize,
  materialOf,
} from './common.js';
import type { OpDeps } from './common.js';
import { openBlob, optionalKeyId } from './decrypt.js';

/**
 * ReEncrypt: opens the blob under its own key (kms:ReEncryptFrom, the source
 * context) and seals the plaintext under the destination key
 * (kms:ReEncryptTo, the destination context), which may be the same key or
 * any other key the caller may use. The plaintext never leaves the worker.
 */
export function reEncryptHandler(deps: OpDeps) {
  return async (req: ReEncryptRequest__Output, call: CallInfo): Promise<ReEncryptResponse> => {
    assertBlobLength(req.ciphertextBlob, 'ciphertextBlob', 1, MAX_BLOB_BYTES);
    const sourceKeyId = optionalKeyId(req.sourceKeyId, 'sourceKeyId');
    const destinationKeyId = assertKeyId(req.destinationKeyId, 'destinationKeyId');
    assertGrantTokens(req.grantTokens);
    assertSymmetricAlgorithm(req.sourceEncryptionAlgorithm);
    assertSymmetricAlgorithm(req.destinationEncryptionAlgorithm);
    // Resolved first: both permissions see whether source and destination are one key.
    const destination = await deps.cache.getKey(call.context, destinationKeyId);
    const source = await openBlob(deps, call, {
      blob: req.ciphertextBlob,
      encryptionContext: req.sourceEncryptionContext,
      givenKeyId: sourceKeyId,
      grantTokens: req.grantTokens,
      operation: 'ReEncrypt',
      action: 'kms:ReEncryptFrom',
      dryRun: false,
      encryptionAlgorithm: req.sourceEncryptionAlgorithm,
      destinationArn: destination.arn,
    });
    try {
      await authorize(
        deps,
        call,
        destination,
        'ReEncrypt',
        {
          encryptionContext: req.destinationEncryptionContext,
          grantTokens: req.grantTokens,
          requestedKeyId: destinationKeyId,
          encryptionAlgorithm: req.destinationEncryptionAlgorithm,
          reEncryptOnSameKey: source.key.arn === destination.arn,
        },
        'kms:ReEncryptTo',
      );
      assertNotDryRun(req.dryRun);
      const version = destination.currentMaterialVersion;
      const blob = encrypt({
        keyId: destination.keyId,
        materialVersion: version,
        material: materialOf(destination, version),
        plaintext: source.plaintext,
        encryptionContext: req.destinationEncryptionContext,
      });
      call.logger.debug(
        { sourceKeyArn: source.key.arn, keyArn: destination.arn, materialVersion: version },
        're-encrypted',
      );
      return {
        ciphertextBlob: blob,
        sourceKeyId: source.key.arn,
        keyId: destination.arn,
        sourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        destinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    } finally {
      source.plaintext.fill(0);
    }
  };
}
