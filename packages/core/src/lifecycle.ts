import type { Logger } from 'pino';

/** One step of a graceful shutdown, run in the order given. */
export interface ShutdownStep {
  readonly name: string;
  run(): Promise<void>;
}

/**
 * Runs `steps` in order on SIGTERM or SIGINT (a second signal exits at once),
 * each bounded by `stepTimeoutMs`, then exits 0. An unhandled rejection or
 * uncaught exception is logged as fatal and exits 1. Only a service's main.ts
 * calls this.
 */
export function handleShutdown(
  logger: Logger,
  steps: () => readonly ShutdownStep[],
  stepTimeoutMs = 10_000,
): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const step of steps()) {
      const timeout = new Promise<'timeout'>((resolve) => {
        setTimeout(() => resolve('timeout'), stepTimeoutMs).unref();
      });
      try {
        const result = await Promise.race([step.run().then(() => 'done' as const), timeout]);
        if (result === 'timeout') logger.warn({ step: step.name }, 'shutdown step timed out');
      } catch (err) {
        logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    logger.flush();
    process.exit(1);
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    logger.flush();
    process.exit(1);
  });
}
