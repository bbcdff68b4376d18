import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSweeper } from './sweeper.js';

describe('createSweeper', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sweeps every interval while work is left, and stops when none is', () => {
    let left = 2;
    const sweeps: number[] = [];
    const s = createSweeper(10, (now) => {
      sweeps.push(now);
      left -= 1;
      return left > 0;
    });
    vi.advanceTimersByTime(100);
    expect(sweeps).toHaveLength(0); // never armed: never runs
    s.arm();
    s.arm(); // one timer, however often armed
    vi.advanceTimersByTime(10);
    expect(sweeps).toHaveLength(1);
    vi.advanceTimersByTime(10);
    expect(sweeps).toHaveLength(2);
    // The second sweep found nothing left: no more sweeps until armed again.
    vi.advanceTimersByTime(100);
    expect(sweeps).toHaveLength(2);
    s.arm();
    vi.advanceTimersByTime(10);
    expect(sweeps).toHaveLength(3);
    expect(sweeps[2]! - sweeps[1]!).toBe(110);
  });

  it('runs no sweep once stopped', () => {
    const sweep = vi.fn(() => true);
    const s = createSweeper(10, sweep);
    s.arm();
    vi.advanceTimersByTime(25);
    expect(sweep).toHaveBeenCalledTimes(2);
    s.stop();
    s.arm();
    vi.advanceTimersByTime(100);
    expect(sweep).toHaveBeenCalledTimes(2);
  });
});
