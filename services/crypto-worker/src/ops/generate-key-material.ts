import { randomBytes } from 'node:crypto';
import { KmsError, parseKeyArn } from '@keyhold/core';
import { MATERIAL_BYTES } from '@keyhold/envelope';
import type { RootKeyring } from '@keyhold/envelope';
import type {
  CallInfo,
  GenerateKeyMaterialRequest__Output,
  GenerateKeyMaterialResponse,
} from '@keyhold/proto';
import { materialAad } from '../material.js';

/**
 * GenerateKeyMaterial (internal, called by key-manager): 32 fresh random
 * bytes wrapped under the current root key and bound to the key id and
 * version; the unwrapped bytes never leave this function.
 */
export function generateKeyMaterialHandler(deps: { readonly keyring: RootKeyring }) {
  return async (
    req: GenerateKeyMaterialRequest__Output,
    call: CallInfo,
  ): Promise<GenerateKeyMaterialResponse> => {
    const arn = parseKeyArn(req.keyArn);
    if (!arn) throw new KmsError('InvalidArnException', `ARN ${req.keyArn} is not a valid key ARN`);
    if (!Number.isInteger(req.materialVersion) || req.materialVersion < 1) {
      throw KmsError.constraint(
        'materialVersion',
        req.materialVersion,
        'Member must have value greater than or equal to 1',
      );
    }
    const material = randomBytes(MATERIAL_BYTES);
    try {
      const wrapped = deps.keyring.wrap(material, materialAad(arn.keyId, req.materialVersion));
      call.logger.info(
        {
          keyArn: req.keyArn,
          materialVersion: req.materialVersion,
          rootVersion: deps.keyring.currentVersion,
        },
        'key material generated',
      );
      return { wrapped };
    } finally {
      material.fill(0);
    }
  };
}
