/**
 * `fn` remembering its result for each argument: for work on the hot path
 * whose arguments repeat (ids, ARNs, member names) and whose results are
 * never changed by callers. At most `max` results are kept; past it the memo
 * starts over, so a flood of made-up arguments costs recomputation, not
 * memory. An `undefined` result is not remembered.
 */
export function memoize<T>(fn: (arg: string) => T, max = 10_000): (arg: string) => T {
  const memo = new Map<string, T>();
  return (arg) => {
    let value = memo.get(arg);
    if (value === undefined) {
      value = fn(arg);
      if (memo.size >= max) memo.clear();
      memo.set(arg, value);
    }
    return value;
  };
}
