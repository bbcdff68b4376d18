import { KmsError, isKeyId } from '@keyhold/core';
import { RootKeyring } from '@keyhold/envelope';
import type {
  CallInfo,
  RewrapKeyMaterialRequest__Output,
  RewrapKeyMaterialResponse,
} from '@keyhold/proto';
import { materialAad } from '../material.js';

/**
 * RewrapKeyMaterial (internal, called by key-manager's re-wrap job during a
 * root keyring rotation): unwraps under whichever root version wrapped it
 * and wraps again under the current one, with the same key id and version
 * binding. Material already under the current version comes back as is.
 */
export function rewrapKeyMaterialHandler(deps: { readonly keyring: RootKeyring }) {
  return async (
    req: RewrapKeyMaterialRequest__Output,
    call: CallInfo,
  ): Promise<RewrapKeyMaterialResponse> => {
    if (!isKeyId(req.keyId) && !/^mrk-[0-9a-f]{32}$/.test(req.keyId)) {
      throw KmsError.constraint('keyId', req.keyId, 'Member must be a key id');
    }
    if (!Number.isInteger(req.materialVersion) || req.materialVersion < 1) {
      throw KmsError.constraint(
        'materialVersion',
        req.materialVersion,
        'Member must have value greater than or equal to 1',
      );
    }
    const current = deps.keyring.currentVersion;
    if (RootKeyring.rootVersionOf(req.wrapped) === current) {
      return { wrapped: req.wrapped, rootVersion: current, changed: false };
    }
    const aad = materialAad(req.keyId, req.materialVersion);
    let material: Buffer;
    try {
      material = deps.keyring.unwrap(req.wrapped, aad);
    } catch (err) {
      // Not a client error: the stored material is unreadable with this keyring.
      throw KmsError.internal(err);
    }
    try {
      const wrapped = deps.keyring.wrap(material, aad);
      call.logger.info(
        { keyId: req.keyId, materialVersion: req.materialVersion, rootVersion: current },
        'key material rewrapped',
      );
      return { wrapped, rootVersion: current, changed: true };
    } finally {
      material.fill(0);
    }
  };
}
