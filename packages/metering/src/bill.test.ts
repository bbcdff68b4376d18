import { describe, expect, it } from 'vitest';
import { computeBills } from './bill.js';
import type { KeyChange, KeyChangeType, KeyHistory } from './key-months.js';
import { parseMonth } from './month.js';

const A = '111122223333';
const B = '444455556666';
const at = (type: KeyChangeType, iso: string): KeyChange => ({ type, at: Date.parse(iso) });
const key = (keyId: string, accountId: string, changes: KeyChange[], keyManager = 'CUSTOMER') =>
  ({ keyId, accountId, keyManager, changes }) satisfies KeyHistory;

// November 2026 has 30 days = 720 hours; hour slot n starts at Nov 1 00:00 + n h.
const NOVEMBER = parseMonth('2026-11');

const KEYS: KeyHistory[] = [
  // k1: the whole month; rotated Oct 20 (1st), Nov 11 00:00 (2nd), Nov 21 (3rd, free).
  key('k1', A, [
    at('KeyCreated', '2026-10-01T00:00:00Z'),
    at('KeyMaterialRotated', '2026-10-20T00:00:00Z'),
    at('KeyMaterialRotated', '2026-11-11T00:00:00Z'),
    at('KeyMaterialRotated', '2026-11-21T00:00:00Z'),
  ]),
  // k2: created Nov 10 12:30, pending deletion Nov 20 12:15 .. Nov 25 00:00, then kept.
  key('k2', A, [
    at('KeyCreated', '2026-11-10T12:30:00Z'),
    at('KeyDeletionScheduled', '2026-11-20T12:15:00Z'),
    at('KeyDeletionCanceled', '2026-11-25T00:00:00Z'),
  ]),
  // k3: an AWS managed key: free.
  key('k3', A, [at('KeyCreated', '2026-11-01T00:00:00Z')], 'AWS'),
  // k4: one day billable, then pending deletion until deleted.
  key('k4', A, [
    at('KeyCreated', '2026-11-05T00:00:00Z'),
    at('KeyDeletionScheduled', '2026-11-06T00:00:00Z'),
    at('KeyDeleted', '2026-11-13T00:00:00Z'),
  ]),
  // k5: gone before November.
  key('k5', B, [
    at('KeyCreated', '2026-09-01T00:00:00Z'),
    at('KeyDeletionScheduled', '2026-10-01T00:00:00Z'),
    at('KeyDeleted', '2026-10-08T00:00:00Z'),
  ]),
];

const REQUESTS = [
  { accountId: A, operation: 'Encrypt', requests: 15_000, throttled: 0 },
  // 500 throttled: not billed, so 8,000 Decrypt.
  { accountId: A, operation: 'Decrypt', requests: 8_500, throttled: 500 },
  { accountId: A, operation: 'GenerateDataKey', requests: 1_000, throttled: 0 },
  { accountId: A, operation: 'DescribeKey', requests: 5_996, throttled: 0 },
  { accountId: A, operation: 'CreateKey', requests: 4, throttled: 0 },
  // No operation name (a malformed request): not billed.
  { accountId: A, operation: '', requests: 7, throttled: 0 },
  { accountId: B, operation: 'Encrypt', requests: 5_000, throttled: 0 },
];

describe('computeBills: a scripted November, billed by hand', () => {
  const [a, b] = computeBills({ month: NOVEMBER, keys: KEYS, requests: REQUESTS });

  it('bills account A', () => {
    expect(a!.accountId).toBe(A);
    const line = (item: string) => a!.lines.find((l) => l.item === item)!;
    // Key hours:
    //   k1: 720 (the whole month)
    //   k2: Nov 10 12:30 .. Nov 20 12:15 -> slots 9*24+12=228 .. ceil(19*24+12.25)=469: 241 h
    //       Nov 25 00:00 .. Dec 1 -> slots 576 .. 720: 144 h; 241 + 144 = 385 h
    //   k3: AWS managed: 0;  k4: Nov 5 .. Nov 6: 24 h
    //   720 + 385 + 24 = 1129 h = 1129/720 key-months = 1.568055... -> $1.568055...
    expect(line('Customer managed keys').quantity).toBeCloseTo(1129 / 720, 9);
    expect(line('Customer managed keys').cost).toBeCloseTo(1.5680556, 6);
    // Rotations of k1: the 1st (Oct 20) adds the whole month, 720 h; the 2nd
    // (Nov 11 00:00) adds Nov 11 .. Dec 1 = 20 days = 480 h; the 3rd is free.
    // 1200 h / 720 = 1.666... key-months -> $1.666...
    expect(line('Key rotations (first two per key)').quantity).toBeCloseTo(1200 / 720, 9);
    expect(line('Key rotations (first two per key)').cost).toBeCloseTo(1.6666667, 6);
    // Requests: symmetric 15,000 + 8,000 + 1,000 = 24,000; DescribeKey 5,996; CreateKey 4.
    // Total 30,000; 20,000 free; 10,000 billed * $0.03/10,000 = $0.03, shared
    // by class: 24,000/30,000 * 0.03 = 0.024; 5,996/30,000 * 0.03 = 0.005996;
    // 4/30,000 * 0.03 = 0.000004.
    expect(a!.lines.slice(2).map((l) => [l.item, l.quantity])).toEqual([
      ['Requests: CryptographicOperationsSymmetric', 24_000],
      ['Requests: CreateKey', 4],
      ['Requests: DescribeKey', 5_996],
      ['Free tier requests', 20_000],
    ]);
    expect(line('Requests: CryptographicOperationsSymmetric').cost).toBeCloseTo(0.024, 9);
    expect(line('Requests: DescribeKey').cost).toBeCloseTo(0.005996, 9);
    expect(line('Requests: CreateKey').cost).toBeCloseTo(0.000004, 9);
    expect(line('Free tier requests').cost).toBe(0);
    // 1129/720 + 1200/720 + 0.03 = 2329/720 + 0.03 = 3.234722... + 0.03 = 3.264722...
    expect(a!.total).toBeCloseTo(3.2647222, 6);
  });

  it('bills account B: no key in the month, requests within the free tier', () => {
    expect(b!.accountId).toBe(B);
    expect(b!.lines.map((l) => [l.item, l.quantity, l.cost])).toEqual([
      ['Customer managed keys', 0, 0],
      ['Key rotations (first two per key)', 0, 0],
      ['Requests: CryptographicOperationsSymmetric', 5_000, 0],
      ['Free tier requests', 5_000, 0],
    ]);
    expect(b!.total).toBe(0);
  });

  it('applies configured prices', () => {
    const [priced] = computeBills(
      { month: NOVEMBER, keys: KEYS.slice(0, 1), requests: [] },
      { keyMonth: 2.5, per10kRequests: 0.05, freeRequests: 0 },
    );
    // k1: 1 key-month + 1200/720 rotation key-months, at $2.50 each.
    expect(priced!.total).toBeCloseTo(2.5 * (1 + 1200 / 720), 9);
  });
});

describe('parseMonth', () => {
  it('uses the month’s actual hours', () => {
    expect(parseMonth('2026-02').hours).toBe(672);
    expect(parseMonth('2028-02').hours).toBe(696);
    expect(parseMonth('2026-12').hours).toBe(744);
  });

  it('refuses anything but YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-1', 'november', '2026-11-01'])
      expect(() => parseMonth(bad)).toThrow(RangeError);
  });
});
