import { describe, expect, it } from 'vitest';
import { HotKeyGuard, STATE_CHANGING_OPERATIONS } from './hot-key.js';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('HotKeyGuard', () => {
  it('allows a burst of state changes on one key, then their rate', () => {
    const c = clock();
    const g = new HotKeyGuard({ now: c.now, rate: 2, burst: 3 });
    const flip = (op = 'DisableKey') => g.allow('us-east-1', '111122223333', KEY, op);
    expect([flip(), flip('EnableKey'), flip(), flip()]).toEqual([true, true, true, false]);
    c.advance(499);
    expect(flip()).toBe(false);
    c.advance(1);
    expect(flip()).toBe(true);
  });

  it('lets other operations and other keys through', () => {
    const g = new HotKeyGuard({ now: clock().now, rate: 1, burst: 1 });
    expect(g.allow('us-east-1', '111122223333', KEY, 'EnableKey')).toBe(true);
    expect(g.allow('us-east-1', '111122223333', KEY, 'EnableKey')).toBe(false);
    expect(g.allow('us-east-1', '111122223333', KEY, 'DescribeKey')).toBe(true);
    expect(g.allow('us-east-1', '444455556666', KEY, 'EnableKey')).toBe(true);
    expect(g.allow('eu-west-1', '111122223333', KEY, 'EnableKey')).toBe(true);
    expect(g.size).toBe(3);
  });

  it('counts an ARN and the bare id of the same key together', () => {
    const g = new HotKeyGuard({ now: clock().now, rate: 1, burst: 1 });
    expect(g.allow('us-east-1', '111122223333', KEY, 'DisableKey')).toBe(true);
    expect(
      g.allow(
        'us-east-1',
        '111122223333',
        `arn:aws:kms:us-east-1:111122223333:key/${KEY}`,
        'EnableKey',
      ),
    ).toBe(false);
  });

  it('forgets the least recently changed keys beyond maxKeys', () => {
    const g = new HotKeyGuard({ now: clock().now, rate: 1, burst: 1, maxKeys: 2 });
    g.allow('us-east-1', '111122223333', 'a', 'EnableKey');
    g.allow('us-east-1', '111122223333', 'b', 'EnableKey');
    g.allow('us-east-1', '111122223333', 'c', 'EnableKey');
    expect(g.size).toBe(2);
    expect(g.allow('us-east-1', '111122223333', 'a', 'EnableKey')).toBe(true);
    expect(g.allow('us-east-1', '111122223333', 'c', 'EnableKey')).toBe(false);
  });

  it('covers the AWS state changes and not reads', () => {
    for (const op of ['EnableKey', 'DisableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion'])
      expect(STATE_CHANGING_OPERATIONS.has(op)).toBe(true);
    for (const op of ['DescribeKey', 'Encrypt', 'ListKeys'])
      expect(STATE_CHANGING_OPERATIONS.has(op)).toBe(false);
  });
});
