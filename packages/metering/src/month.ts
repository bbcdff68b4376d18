const HOUR_MS = 3_600_000;

/** A calendar month in UTC: [start, end) in epoch milliseconds. */
export interface BillingMonth {
  /** `YYYY-MM` */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** The month's actual hours (672, 696, 720 or 744). */
  readonly hours: number;
}

/** `2026-11` -> the UTC month; throws RangeError on anything else. */
export function parseMonth(label: string): BillingMonth {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (!m) throw new RangeError(`expected a month as YYYY-MM, got "${label}"`);
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const start = Date.UTC(year, month, 1);
  const end = Date.UTC(year, month + 1, 1);
  return { label, start, end, hours: (end - start) / HOUR_MS };
}

/**
 * Clock hours of `month` touched by the time intervals [from, to) (epoch ms,
 * in time order, possibly overlapping): a key billable for any part of a UTC
 * hour is billed that whole hour, and never twice for the same hour.
 */
export function hoursTouched(
  month: BillingMonth,
  intervals: readonly (readonly [number, number])[],
): number {
  let hours = 0;
  let lastSlot = 0;
  for (const [from, to] of intervals) {
    const s = Math.max(from, month.start);
    const e = Math.min(to, month.end);
    if (e <= s) continue;
    const first = Math.max(Math.floor((s - month.start) / HOUR_MS), lastSlot);
    const end = Math.ceil((e - month.start) / HOUR_MS);
    if (end > first) hours += end - first;
    lastSlot = Math.max(lastSlot, end);
  }
  return hours;
}
