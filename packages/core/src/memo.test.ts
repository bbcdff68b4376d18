import { describe, expect, it } from 'vitest';
import { memoize } from './memo.js';

describe('memoize', () => {
  it('computes each argument once and answers later calls from the memo', () => {
    const calls: string[] = [];
    const upper = memoize((s) => {
      calls.push(s);
      return { value: s.toUpperCase() };
    });
    const a = upper('a');
    expect(a).toEqual({ value: 'A' });
    expect(upper('a')).toBe(a);
    expect(upper('b')).toEqual({ value: 'B' });
    expect(calls).toEqual(['a', 'b']);
  });

  it('starts over past its bound instead of growing', () => {
    const calls: string[] = [];
    const id = memoize((s) => {
      calls.push(s);
      return s;
    }, 2);
    for (const s of ['a', 'b', 'a', 'b']) id(s);
    expect(calls).toEqual(['a', 'b']);
    id('c'); // full: the memo is cleared, then holds c
    id('a');
    id('c');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
