/** A periodic check that runs only while it has something to check (see {@link createSweeper}). */
export interface Sweeper {
  /** Work that may need sweeping was added: makes sure a sweep is scheduled. */
  arm(): void;
  /** No sweep runs after this; `arm()` does nothing. */
  stop(): void;
}

/**
 * Runs `sweep(now)` every `everyMs` while it reports work left (returns
 * true), and not at all otherwise: callers `arm()` it when they add work
 * with a deadline. An idle process is never woken by it, unlike a
 * `setInterval`. The timer is unref'd: it keeps no process alive.
 */
export function createSweeper(everyMs: number, sweep: (now: number) => boolean): Sweeper {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = (): void => {
    timer = undefined;
    if (sweep(Date.now())) arm();
  };
  const arm = (): void => {
    if (timer === undefined && !stopped) timer = setTimeout(run, everyMs).unref();
  };
  return {
    arm,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
