/** Why a message could not be decrypted (or, for `TooLarge`, encrypted). */
export type EnvelopeErrorReason =
  /** Not a Keyhold envelope message, or a header field out of range. */
  | 'MalformedHeader'
  /** A format version this library does not read. */
  | 'UnsupportedVersion'
  /** The header was changed after it was written. */
  | 'HeaderAuthentication'
  /** A frame's bytes are not the ones written there. */
  | 'FrameAuthentication'
  /** A frame is out of place: reordered, dropped or duplicated. */
  | 'FrameOrder'
  /** The message ends before its final frame. */
  | 'Truncated'
  /** Bytes follow the final frame. */
  | 'TrailingData'
  /** The header's encryption context lacks a pair the caller requires. */
  | 'ContextMismatch'
  /** More plaintext than the message can hold, or than the caller announced. */
  | 'TooLarge';

/**
 * A message that fails a format or integrity check. The message names the
 * reason and where it was found, never key material or plaintext.
 */
export class EnvelopeError extends Error {
  readonly reason: EnvelopeErrorReason;

  constructor(reason: EnvelopeErrorReason, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnvelopeError';
    this.reason = reason;
  }
}

/** True for an EnvelopeError (optionally of one reason), across copies of this package. */
export function isEnvelopeError(err: unknown, reason?: EnvelopeErrorReason): err is EnvelopeError {
  const e = err as { name?: unknown; reason?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.name === 'EnvelopeError' &&
    typeof e.reason === 'string' &&
    (reason === undefined || e.reason === reason)
  );
}
