/** A compiled `*` / `?` pattern: tests one string. */
export type Matcher = (value: string) => boolean;

const cache = new Map<string, Matcher>();
// Patterns come from stored policies, so the set is bounded in practice;
// the cap only stops a pathological caller from growing it without end.
const CACHE_LIMIT = 10_000;

/**
 * Compiles an IAM wildcard pattern (`*` any run, `?` one character, nothing
 * else special) into a matcher. `ignoreCase` for action names.
 */
export function wildcardMatcher(pattern: string, ignoreCase = false): Matcher {
  const cacheKey = (ignoreCase ? 'i' : 's') + pattern;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  let matcher: Matcher;
  if (pattern === '*') {
    matcher = () => true;
  } else if (!/[*?]/.test(pattern)) {
    if (ignoreCase) {
      const lower = pattern.toLowerCase();
      matcher = (v) => v.length === lower.length && v.toLowerCase() === lower;
    } else {
      matcher = (v) => v === pattern;
    }
  } else {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}/-]/g, '\\$&')))
      .join('');
    const re = new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
    matcher = (v) => re.test(v);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, matcher);
  return matcher;
}

/** True when any of the patterns matches `value`. */
export function anyMatcher(patterns: readonly string[], ignoreCase = false): Matcher {
  const matchers = patterns.map((p) => wildcardMatcher(p, ignoreCase));
  if (matchers.length === 1) return matchers[0] as Matcher;
  return (v) => matchers.some((m) => m(v));
}
