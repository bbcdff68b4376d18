import { CRYPTO_SYMMETRIC_CLASS } from '@keyhold/core';
import { keyHours } from './key-months.js';
import type { KeyHistory } from './key-months.js';
import type { BillingMonth } from './month.js';
import { requestsByClass } from './requests.js';
import type { RequestCount } from './requests.js';

export interface Prices {
  /** Per customer managed key and month (and per priced rotation). @default 1 */
  readonly keyMonth: number;
  /** Per 10,000 billed requests beyond the free tier. @default 0.03 */
  readonly per10kRequests: number;
  /** Free requests per account and month, across classes. @default 20,000 */
  readonly freeRequests: number;
}

export const DEFAULT_PRICES: Prices = { keyMonth: 1, per10kRequests: 0.03, freeRequests: 20_000 };

export interface BillLine {
  readonly item: string;
  readonly quantity: number;
  readonly unit: 'key-months' | 'requests';
  /** In the prices' currency, unrounded. */
  readonly cost: number;
}

export interface AccountBill {
  readonly accountId: string;
  readonly month: string;
  readonly lines: readonly BillLine[];
  readonly total: number;
}

export interface UsageInput {
  readonly month: BillingMonth;
  readonly keys: readonly KeyHistory[];
  readonly requests: readonly RequestCount[];
}

/** Symmetric first, then the per-API classes by name. */
function classOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === CRYPTO_SYMMETRIC_CLASS) return -1;
  if (b === CRYPTO_SYMMETRIC_CLASS) return 1;
  return a < b ? -1 : 1;
}

/** Request lines of one account: the free tier, then each class with its share of the cost. */
function requestLines(classes: ReadonlyMap<string, number>, prices: Prices): BillLine[] {
  const total = [...classes.values()].reduce((a, b) => a + b, 0);
  const free = Math.min(total, prices.freeRequests);
  const cost = ((total - free) * prices.per10kRequests) / 10_000;
  // The free tier is the account's, not a class's: each class pays its share
  // of what is left, so the lines still add up to the account's cost.
  return [
    ...[...classes.keys()].sort(classOrder).map((cls) => ({
      item: `Requests: ${cls}`,
      quantity: classes.get(cls)!,
      unit: 'requests' as const,
      cost: total === 0 ? 0 : (cost * classes.get(cls)!) / total,
    })),
    { item: 'Free tier requests', quantity: free, unit: 'requests', cost: 0 },
  ];
}

/**
 * The month's bill of every account with keys or requests, by account id:
 * key-months of customer managed keys (hour-prorated), the priced rotations,
 * and requests beyond the free tier.
 */
export function computeBills(input: UsageInput, prices: Prices = DEFAULT_PRICES): AccountBill[] {
  const { month } = input;
  const hours = new Map<string, { key: number; rotation: number }>();
  for (const key of input.keys) {
    const h = keyHours(key, month);
    const sum = hours.get(key.accountId) ?? { key: 0, rotation: 0 };
    hours.set(key.accountId, {
      key: sum.key + h.keyHours,
      rotation: sum.rotation + h.rotationHours,
    });
  }
  const requests = requestsByClass(input.requests);
  const accounts = [...new Set([...hours.keys(), ...requests.keys()])].sort();
  return accounts.map((accountId) => {
    const h = hours.get(accountId) ?? { key: 0, rotation: 0 };
    const keyMonths = h.key / month.hours;
    const rotationMonths = h.rotation / month.hours;
    const lines: BillLine[] = [
      {
        item: 'Customer managed keys',
        quantity: keyMonths,
        unit: 'key-months',
        cost: keyMonths * prices.keyMonth,
      },
      {
        item: 'Key rotations (first two per key)',
        quantity: rotationMonths,
        unit: 'key-months',
        cost: rotationMonths * prices.keyMonth,
      },
      ...requestLines(requests.get(accountId) ?? new Map(), prices),
    ];
    return {
      accountId,
      month: month.label,
      lines,
      total: lines.reduce((a, l) => a + l.cost, 0),
    };
  });
}
