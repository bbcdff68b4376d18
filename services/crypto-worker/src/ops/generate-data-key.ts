import { randomBytes } from 'node:crypto';
import { KmsError } from '@keyhold/core';
import { encrypt } from '@keyhold/envelope';
import type {
  CallInfo,
  GenerateDataKeyRequest__Output,
  GenerateDataKeyResponse,
  GenerateDataKeyWithoutPlaintextRequest__Output,
  GenerateDataKeyWithoutPlaintextResponse,
} from '@keyhold/proto';
import {
  assertGrantTokens,
  assertKeyId,
  assertNotDryRun,
  authorize,
  materialOf,
} from './common.js';
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

type DataKeyRequest =
  GenerateDataKeyRequest__Output | GenerateDataKeyWithoutPlaintextRequest__Output;

/** Both GenerateDataKey operations: a fresh random key and its blob under the KMS key. */
async function generate(
  deps: OpDeps,
  req: DataKeyRequest,
  call: CallInfo,
  operation: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext',
): Promise<{ ciphertextBlob: Buffer; plaintext: Buffer; keyId: string }> {
  const keyId = assertKeyId(req.keyId);
  const length = dataKeyLength(req.keySpec, req.numberOfBytes);
  assertGrantTokens(req.grantTokens);
  const key = await deps.cache.getKey(call.context, keyId);
  await authorize(deps, call, key, operation, {
    encryptionContext: req.encryptionContext,
    grantTokens: req.grantTokens,
    requestedKeyId: keyId,
  });
  assertNotDryRun(req.dryRun);
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
}

/** GenerateDataKey: random bytes, returned in plaintext and encrypted under the key. */
export function generateDataKeyHandler(deps: OpDeps) {
  return (req: GenerateDataKeyRequest__Output, call: CallInfo): Promise<GenerateDataKeyResponse> =>
    generate(deps, req, call, 'GenerateDataKey');
}

/** GenerateDataKeyWithoutPlaintext: only the blob leaves; the plaintext is wiped here. */
export function generateDataKeyWithoutPlaintextHandler(deps: OpDeps) {
  return async (
    req: GenerateDataKeyWithoutPlaintextRequest__Output,
    call: CallInfo,
  ): Promise<GenerateDataKeyWithoutPlaintextResponse> => {
    const out = await generate(deps, req, call, 'GenerateDataKeyWithoutPlaintext');
    out.plaintext.fill(0);
    return { ciphertextBlob: out.ciphertextBlob, keyId: out.keyId };
  };
}
