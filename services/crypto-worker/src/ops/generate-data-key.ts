import { randomBytes } from 'node:crypto';
import { KmsError } from '@keyhold/core';
import { encrypt } from '@keyhold/envelope';
import type {
  CallInfo,
  GenerateDataKeyRequest__Output,
  GenerateDataKeyResponse,
} from '@keyhold/proto';
import { assertGrantTokens, assertKeyId, assertNoDryRun, authorize, materialOf } from './common.js';
import type { OpDeps } from './common.js';

const KEY_SPEC_BYTES: Readonly<Record<string, number>> = { AES_256: 32, AES_128: 16 };

/** The data key length from exactly one of KeySpec or NumberOfBytes, with AWS's messages. */
export function dataKeyLength(
  keySpec: string | undefined,
  numberOfBytes: number | undefined,
): number {
  if (keySpec !== undefined && !Object.hasOwn(KEY_SPEC_BYTES, keySpec)) {
    throw KmsError.constraint(
      'keySpec',
      keySpec,
      'Member must satisfy enum value set: [AES_256, AES_128]',
    );
  }
  if (numberOfBytes !== undefined) {
    if (numberOfBytes < 1) {
      throw KmsError.constraint(
        'numberOfBytes',
        numberOfBytes,
        'Member must have value greater than or equal to 1',
      );
    }
    if (numberOfBytes > 1024) {
      throw KmsError.constraint(
        'numberOfBytes',
        numberOfBytes,
        'Member must have value less than or equal to 1024',
      );
    }
  }
  if ((keySpec === undefined) === (numberOfBytes === undefined)) {
    throw KmsError.validation('Please specify either number of bytes or key spec.');
  }
  return keySpec !== undefined ? KEY_SPEC_BYTES[keySpec]! : numberOfBytes!;
}

/** GenerateDataKey: random bytes, returned in plaintext and encrypted under the key. */
export function generateDataKeyHandler(deps: OpDeps) {
  return async (
    req: GenerateDataKeyRequest__Output,
    call: CallInfo,
  ): Promise<GenerateDataKeyResponse> => {
    const keyId = assertKeyId(req.keyId);
    const length = dataKeyLength(req.keySpec, req.numberOfBytes);
    assertGrantTokens(req.grantTokens);
    assertNoDryRun(req.dryRun);
    const key = await deps.cache.getKey(call.context, keyId);
    await authorize(deps, call, key, 'GenerateDataKey');
    const version = key.currentMaterialVersion;
    const plaintext = randomBytes(length);
    const blob = encrypt({
      keyId: key.keyId,
      materialVersion: version,
      material: materialOf(key, version),
      plaintext,
      encryptionContext: req.encryptionContext,
    });
    call.logger.debug({ keyArn: key.arn, materialVersion: version }, 'data key generated');
    return { ciphertextBlob: blob, plaintext, keyId: key.arn };
  };
}
