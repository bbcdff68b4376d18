/** Longest run the load tool accepts: it must stop by itself. */
export const MAX_DURATION_MS = 60 * 60 * 1000;

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `20s`, `5m`, `1h`, or a bare number of seconds, as milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`'${text}' is not a duration (e.g. 30s, 5m, 1h)`);
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 's']!);
}

export interface RateSchedule {
  /** Requests per second once the ramp is over. */
  readonly rate: number;
  /** The rate climbs linearly from 0 over this long. */
  readonly rampMs: number;
}

/** The target rate at `t` ms into the run. */
export function rateAt(t: number, s: RateSchedule): number {
  if (t <= 0) return 0;
  return s.rampMs > 0 && t < s.rampMs ? (s.rate * t) / s.rampMs : s.rate;
}

/** How many requests should have been sent by `t` ms: the integral of the rate. */
export function dueBy(t: number, s: RateSchedule): number {
  if (t <= 0) return 0;
  const ramp = Math.min(t, s.rampMs);
  const rampPart = s.rampMs > 0 ? (s.rate * ramp * ramp) / (2 * s.rampMs) : 0;
  const steady = Math.max(0, t - s.rampMs) * s.rate;
  return Math.floor((rampPart + steady) / 1000);
}

/** The operations the tool can drive. */
export const LOAD_OPERATIONS = [
  'Encrypt',
  'Decrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateRandom',
  'ReEncrypt',
  'DescribeKey',
  'ListKeys',
] as const;
export type LoadOperation = (typeof LOAD_OPERATIONS)[number];

export interface MixEntry {
  readonly operation: LoadOperation;
  /** Cumulative share in (0, 1]; the last entry's is 1. */
  readonly upTo: number;
}

/** `Encrypt=8,Decrypt=2` (weights) or `Encrypt` into cumulative shares. */
export function parseMix(text: string): MixEntry[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new Error('the mix names no operation');
  const weighted = parts.map((p) => {
    const [name = '', weightText] = p.split('=');
    if (!(LOAD_OPERATIONS as readonly string[]).includes(name))
      throw new Error(
        `'${name}' is not an operation the tool drives (${LOAD_OPERATIONS.join(', ')})`,
      );
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!Number.isFinite(weight) || weight <= 0) throw new Error(`bad weight in '${p}'`);
    return { operation: name as LoadOperation, weight };
  });
  const total = weighted.reduce((n, w) => n + w.weight, 0);
  let acc = 0;
  return weighted.map((w, i) => {
    acc += w.weight;
    return { operation: w.operation, upTo: i === weighted.length - 1 ? 1 : acc / total };
  });
}

/** The operation for a uniform draw `u` in [0, 1). */
export function pickOperation(mix: readonly MixEntry[], u: number): LoadOperation {
  for (const e of mix) if (u < e.upTo) return e.operation;
  return mix[mix.length - 1]!.operation;
}
