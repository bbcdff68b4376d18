import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { startClusterMetricsServer } from './metrics.js';

/** Options of {@link runProcesses}. */
export interface ProcessesOptions {
  /** How many processes serve; 1 runs `start` in this process. */
  readonly count: number;
  /** Starts the service in a serving process (the only one when count is 1). */
  readonly start: () => Promise<void>;
  /** Where the primary reports forks, exits and restarts (one line each). */
  readonly report: (line: string) => void;
  /**
   * With several processes, the primary serves every worker's metrics,
   * summed, on this port (workers' startMetricsServer then does not listen).
   */
  readonly metricsPort?: number | undefined;
}

/** A worker that dies sooner than this after its fork counts as a crash loop. */
const MIN_UPTIME_MS = 5_000;

/**
 * Runs a service as `count` processes with node:cluster: listening sockets
 * are shared, so connections are spread over the processes and the service
 * uses that many cores. The primary only supervises: it forwards SIGTERM,
 * waits for every process to finish its own graceful shutdown, and
 * replaces a process that dies unasked (unless it dies at once, which would
 * only loop: then the primary exits 1 for its supervisor to see). With
 * `metricsPort`, the primary also serves the workers' aggregated metrics.
 */
export async function runProcesses(options: ProcessesOptions): Promise<void> {
  if (options.count <= 1 || !cluster.isPrimary) {
    await options.start();
    return;
  }
  let stopping = false;
  const forkedAt = new Map<Worker, number>();
  const fork = (): void => {
    const worker = cluster.fork();
    forkedAt.set(worker, Date.now());
  };
  if (options.metricsPort !== undefined) {
    const metrics = await startClusterMetricsServer(options.metricsPort);
    options.report(`serving the metrics of ${options.count} processes on port ${metrics.port}`);
  }
  for (let i = 0; i < options.count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (forkedAt.get(worker) ?? 0);
    forkedAt.delete(worker);
    if (stopping) {
      if (forkedAt.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    options.report(`process ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
    if (uptime < MIN_UPTIME_MS) {
      stopping = true;
      for (const w of forkedAt.keys()) w.process.kill('SIGTERM');
      if (forkedAt.size === 0) process.exit(1);
      process.exitCode = 1;
      return;
    }
    fork();
  });
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    for (const w of forkedAt.keys()) w.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  // A terminal's Ctrl-C reaches the whole process group, workers included:
  // forwarding it would count as their second signal (exit at once).
  process.on('SIGINT', () => {
    stopping = true;
  });
}
