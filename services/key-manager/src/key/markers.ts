import { KmsError } from '@keyhold/core';

/** An opaque pagination marker for `value` (a position, a name, a version). */
export function encodeMarker(value: string): string {
  return Buffer.from(`v1:${value}`, 'utf8').toString('base64url');
}

/** The value of a marker made by {@link encodeMarker}, checked against `valid`. */
export function decodeMarker(marker: string, valid: RegExp): string {
  if (marker.length < 1 || marker.length > 1024) {
    throw KmsError.constraint(
      'marker',
      marker,
      'Member must have length greater than or equal to 1 and less than or equal to 1024',
    );
  }
  const decoded = Buffer.from(marker, 'base64url');
  const text = decoded.toString('utf8');
  // Re-encoding catches strings that base64url decoding merely tolerated.
  if (
    !text.startsWith('v1:') ||
    !valid.test(text.slice(3)) ||
    decoded.toString('base64url') !== marker
  ) {
    throw new KmsError(
      'InvalidMarkerException',
      'The request was rejected because the marker is not valid.',
    );
  }
  return text.slice(3);
}

export const POSITION = /^\d{1,19}$/;
export const ANY = /^[\s\S]{1,300}$/;

/** A list Limit: the model's range, and the operation's default when absent. */
export function pageLimit(limit: number | undefined, max: number, fallback: number): number {
  const n = limit ?? fallback;
  if (n < 1)
    throw KmsError.constraint('limit', n, 'Member must have value greater than or equal to 1');
  if (n > max)
    throw KmsError.constraint('limit', n, `Member must have value less than or equal to ${max}`);
  return n;
}

/** Splits `rows` fetched with `limit + 1` into a page and its next marker. */
export function page<T>(
  rows: readonly T[],
  limit: number,
  cursor: (last: T) => string,
): { items: T[]; truncated: boolean; nextMarker?: string } {
  const items = rows.slice(0, limit);
  const truncated = rows.length > limit;
  return truncated
    ? { items, truncated, nextMarker: encodeMarker(cursor(items.at(-1)!)) }
    : { items, truncated };
}
