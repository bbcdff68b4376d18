import { randomBytes } from 'node:crypto';
import { KmsError } from '@keyhold/core';
import type {
  CallInfo,
  GenerateRandomRequest__Output,
  GenerateRandomResponse,
} from '@keyhold/proto';
import { authorizeAccountAction, missing } from './common.js';
import type { OpDeps } from './common.js';

/**
 * GenerateRandom: 1..1024 random bytes. It names no key, so no key policy
 * applies: as in AWS, the caller's identity policies must allow
 * kms:GenerateRandom on resource "*". Custom key stores do not exist in Keyhold.
 */
export function generateRandomHandler(deps: OpDeps) {
  return async (
    req: GenerateRandomRequest__Output,
    call: CallInfo,
  ): Promise<GenerateRandomResponse> => {
    const n = req.numberOfBytes;
    if (n === undefined) throw missing('numberOfBytes');
    if (n < 1) {
      throw KmsError.constraint(
        'numberOfBytes',
        n,
        'Member must have value greater than or equal to 1',
      );
    }
    if (n > 1024) {
      throw KmsError.constraint(
        'numberOfBytes',
        n,
        'Member must have value less than or equal to 1024',
      );
    }
    if (req.customKeyStoreId !== undefined && req.customKeyStoreId !== '') {
      throw new KmsError(
        'UnsupportedOperationException',
        'Custom key stores are not supported by this service.',
      );
    }
    await authorizeAccountAction(deps, call, 'kms:GenerateRandom');
    return { plaintext: randomBytes(n) };
  };
}
