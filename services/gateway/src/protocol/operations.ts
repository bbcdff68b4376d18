import { DATA_OPERATIONS } from './data-ops.js';
import { MANAGEMENT_OPERATIONS } from './management-ops.js';
import type { Operation } from './operation.js';

export { CRYPTO_QUOTA_CLASS, keyMetadataJson } from './operation.js';
export type { Backends, Operation } from './operation.js';

/** The TrentService operations the gateway serves, by AWS name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [...MANAGEMENT_OPERATIONS, ...DATA_OPERATIONS].map((op) => [op.name, op]),
);

/**
 * The operation an `X-Amz-Target` names, or undefined. Only the
 * `TrentService.` prefix is accepted, as AWS does.
 */
export function operationForTarget(target: string | undefined): Operation | undefined {
  if (target === undefined || !target.startsWith('TrentService.')) return undefined;
  return OPERATIONS.get(target.slice('TrentService.'.length));
}
