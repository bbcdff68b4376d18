import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBills } from './bill.js';
import { PRICED_ROTATIONS, keyHours } from './key-months.js';
import type { KeyChange, KeyHistory } from './key-months.js';
import { parseMonth } from './month.js';

const MONTH = parseMonth('2026-11');
const SPAN = 90 * 86_400_000;

/** A plausible life: created, then changes in time order around November. */
const history: fc.Arbitrary<KeyHistory> = fc
  .record({
    created: fc.integer({ min: MONTH.start - SPAN, max: MONTH.end + 86_400_000 }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 20 * 86_400_000 }),
        type: fc.constantFrom(
          'KeyDeletionScheduled',
          'KeyDeletionCanceled',
          'KeyMaterialRotated',
          'KeyDeleted',
        ) as fc.Arbitrary<KeyChange['type']>,
      }),
      { maxLength: 12 },
    ),
    accountId: fc.constantFrom('111122223333', '444455556666'),
    keyManager: fc.constantFrom('CUSTOMER', 'CUSTOMER', 'AWS'),
  })
  .map(({ created, steps, accountId, keyManager }) => {
    let t = created;
    const changes: KeyChange[] = [{ type: 'KeyCreated', at: created }];
    for (const s of steps) {
      t += s.gap;
      changes.push({ type: s.type, at: t });
      if (s.type === 'KeyDeleted') break;
    }
    return { keyId: `k${created}`, accountId, keyManager, changes };
  });

const requestCount = fc.record({
  accountId: fc.constantFrom('111122223333', '444455556666'),
  operation: fc.constantFrom('Encrypt', 'Decrypt', 'CreateKey', 'DescribeKey', ''),
  requests: fc.integer({ min: 0, max: 50_000 }),
  throttled: fc.integer({ min: 0, max: 50_000 }),
});

const prices = fc.record({
  keyMonth: fc.double({ min: 0, max: 100, noNaN: true }),
  per10kRequests: fc.double({ min: 0, max: 10, noNaN: true }),
  freeRequests: fc.integer({ min: 0, max: 100_000 }),
});

describe('metering properties', () => {
  it('prorates each key to at most one key-month, plus at most one per priced rotation', () => {
    fc.assert(
      fc.property(history, (key) => {
        const h = keyHours(key, MONTH);
        expect(h.keyHours).toBeGreaterThanOrEqual(0);
        expect(h.keyHours).toBeLessThanOrEqual(MONTH.hours);
        expect(h.rotationHours).toBeGreaterThanOrEqual(0);
        expect(h.rotationHours).toBeLessThanOrEqual(PRICED_ROTATIONS * h.keyHours);
        if (key.keyManager === 'AWS') expect(h).toEqual({ keyHours: 0, rotationHours: 0 });
      }),
    );
  });

  it('never bills a negative amount, and lines add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(history, { maxLength: 8 }),
        fc.array(requestCount, { maxLength: 10 }),
        prices,
        (keys, requests, p) => {
          for (const bill of computeBills({ month: MONTH, keys, requests }, p)) {
            for (const line of bill.lines) expect(line.cost).toBeGreaterThanOrEqual(0);
            const sum = bill.lines.reduce((a, l) => a + l.cost, 0);
            expect(bill.total).toBeCloseTo(sum, 9);
          }
        },
      ),
    );
  });

  it('bills no request cost while an account stays within the free tier', () => {
    fc.assert(
      fc.property(fc.array(requestCount, { maxLength: 10 }), (requests) => {
        for (const bill of computeBills({ month: MONTH, keys: [], requests })) {
          const billed = bill.lines
            .filter((l) => l.item.startsWith('Requests: '))
            .reduce((a, l) => a + l.quantity, 0);
          if (billed <= 20_000) expect(bill.total).toBe(0);
        }
      }),
    );
  });

  it('does not bill the hours a key spends pending deletion', () => {
    fc.assert(
      fc.property(history, (key) => {
        const withoutPending: KeyHistory = {
          ...key,
          changes: key.changes.filter(
            (c) => c.type === 'KeyCreated' || c.type === 'KeyMaterialRotated',
          ),
        };
        // Removing deletion periods can only add billable hours.
        expect(keyHours(key, MONTH).keyHours).toBeLessThanOrEqual(
          keyHours(withoutPending, MONTH).keyHours,
        );
      }),
    );
  });
});
