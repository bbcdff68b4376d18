import { hoursTouched } from './month.js';
import type { BillingMonth } from './month.js';

/** The key events metering reads (their type names on the key event log). */
export type KeyChangeType =
  | 'KeyCreated'
  | 'KeyDeletionScheduled'
  | 'KeyDeletionCanceled'
  | 'KeyDeleted'
  | 'KeyMaterialRotated';

export interface KeyChange {
  readonly type: KeyChangeType;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** One key's billing-relevant history, from its creation on. */
export interface KeyHistory {
  readonly keyId: string;
  /** The key owner's account: keys are billed to it. */
  readonly accountId: string;
  /** `CUSTOMER` or `AWS`; AWS managed keys are free. */
  readonly keyManager: string;
  /** In time order; later changes of the same instant come later. */
  readonly changes: readonly KeyChange[];
}

/** Rotations that add a key-month each (AWS-KMS-REFERENCE §2.4); later ones are free. */
export const PRICED_ROTATIONS = 2;

export interface KeyMonths {
  /** Hours of the month the key was billable (existing, not pending deletion). */
  readonly keyHours: number;
  /** Hours added by its first and second rotations, each counted while the key is billable. */
  readonly rotationHours: number;
}

/** The stretches [from, to) during which a key exists and is not pending deletion. */
function billableStretches(key: KeyHistory, until: number): [number, number][] {
  const stretches: [number, number][] = [];
  let since: number | undefined;
  for (const change of key.changes) {
    if (change.type === 'KeyCreated' || change.type === 'KeyDeletionCanceled') {
      since ??= change.at;
    } else if (change.type === 'KeyDeletionScheduled' || change.type === 'KeyDeleted') {
      if (since !== undefined) stretches.push([since, change.at]);
      since = undefined;
    }
  }
  if (since !== undefined) stretches.push([since, until]);
  return stretches;
}

/**
 * Billable hours of one key in `month`. The key's price has tiers: the key
 * itself, then one more from each of its first two rotations on; a tier is
 * billable while the key is (rotations before the month count). Each tier is
 * at most the month's hours.
 */
export function keyHours(key: KeyHistory, month: BillingMonth): KeyMonths {
  if (key.keyManager === 'AWS') return { keyHours: 0, rotationHours: 0 };
  const stretches = billableStretches(key, month.end);
  const rotatedAt = key.changes
    .filter((c) => c.type === 'KeyMaterialRotated')
    .slice(0, PRICED_ROTATIONS)
    .map((c) => c.at);
  const rotationHours = rotatedAt
    .map((from) =>
      hoursTouched(
        month,
        stretches.map(([s, e]): [number, number] => [Math.max(s, from), e]),
      ),
    )
    .reduce((a, b) => a + b, 0);
  return { keyHours: hoursTouched(month, stretches), rotationHours };
}
