/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The service answered with an error (an AWS exception). */
  serviceError: 1,
  /** Wrong arguments or options. */
  usage: 2,
  /** Could not reach the service. */
  unavailable: 3,
} as const;
