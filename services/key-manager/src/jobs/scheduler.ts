import type { Logger } from '@keyhold/core';
import type { KeyJobs } from '../key/handlers.js';

export interface JobScheduler {
  /** Runs both jobs once now (tests, and the first pass at start). */
  runOnce(): Promise<{ deleted: number; rotated: number }>;
  stop(): Promise<void>;
}

/**
 * Runs the deletion job and the rotation scheduler every `intervalMs`. Both
 * find due keys in the read model, which lives in Postgres, so a restart
 * loses nothing; every replica may run them, since each deletion or rotation
 * is a command whose decider refuses what is not (or no longer) due, and the
 * append's version check lets only one replica's command through.
 */
export function startJobScheduler(
  jobs: KeyJobs,
  options: { intervalMs: number; logger: Logger },
): JobScheduler {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runOnce = async () => {
    const deleted = await jobs.deleteDueKeys();
    const rotated = await jobs.rotateDueKeys();
    return { deleted, rotated };
  };
  const tick = () => {
    running = runOnce().catch((err: unknown) => options.logger.warn({ err }, 'key jobs failed'));
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
