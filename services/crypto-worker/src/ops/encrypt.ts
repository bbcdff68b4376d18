import { encrypt } from '@keyhold/envelope';
import type { CallInfo, EncryptRequest__Output, EncryptResponse } from '@keyhold/proto';
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

/** Encrypt: up to 4096 bytes under the key's current material version. */
export function encryptHandler(deps: OpDeps) {
  return async (req: EncryptRequest__Output, call: CallInfo): Promise<EncryptResponse> => {
    const keyId = assertKeyId(req.keyId);
    assertBlobLength(req.plaintext, 'plaintext', 1, 4096);
    assertGrantTokens(req.grantTokens);
    assertSymmetricAlgorithm(req.encryptionAlgorithm);
    const key = await deps.cache.getKey(call.context, keyId);
    await authorize(deps, call, key, 'Encrypt', {
      encryptionContext: req.encryptionContext,
      grantTokens: req.grantTokens,
      requestedKeyId: keyId,
      encryptionAlgorithm: req.encryptionAlgorithm,
    });
    assertNotDryRun(req.dryRun);
    const version = key.currentMaterialVersion;
    const blob = encrypt({
      keyId: key.keyId,
      materialVersion: version,
      material: materialOf(key, version),
      plaintext: req.plaintext,
      encryptionContext: req.encryptionContext,
    });
    call.logger.debug({ keyArn: key.arn, materialVersion: version }, 'encrypted');
    return { ciphertextBlob: blob, keyId: key.arn, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  };
}
