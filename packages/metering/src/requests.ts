import { CRYPTO_SYMMETRIC_CLASS, SYMMETRIC_OPERATIONS } from '@keyhold/core';

/** Requests one account made of one operation in the month, from the audit log. */
export interface RequestCount {
  /** The caller's account: requests are billed to whoever makes them. */
  readonly accountId: string;
  /** The AWS operation (the audit record's eventName). */
  readonly operation: string;
  /** Every audited request, whatever its outcome. */
  readonly requests: number;
  /** Of those, the ones refused with ThrottlingException: not billed. */
  readonly throttled: number;
}

/**
 * The class a request is counted under: the shared symmetric cryptographic
 * class, or the operation's own (the quota classes of quota-limiter).
 */
export function requestClassOf(operation: string): string {
  return SYMMETRIC_OPERATIONS.includes(operation) ? CRYPTO_SYMMETRIC_CLASS : operation;
}

/**
 * Billed requests per class of each account: every answered request (allowed,
 * denied or failed) counts, as AWS bills requests made; throttled ones and
 * ones naming no operation do not.
 */
export function requestsByClass(counts: readonly RequestCount[]): Map<string, Map<string, number>> {
  const byAccount = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const billed = c.requests - c.throttled;
    if (c.operation === '' || billed <= 0) continue;
    const classes = byAccount.get(c.accountId) ?? new Map<string, number>();
    const cls = requestClassOf(c.operation);
    classes.set(cls, (classes.get(cls) ?? 0) + billed);
    byAccount.set(c.accountId, classes);
  }
  return byAccount;
}
