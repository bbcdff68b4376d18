import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AggregatorRegistry,
  collectDefaultMetrics,
  Counter,
  Histogram,
  Registry,
} from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A registry with Node's default process metrics, labelled with the service. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // The event-loop lag histogram samples every 10 ms by default: a hundred
  // wakeups a second in every process, idle or not (an idle local cluster
  // spent ~14% of its CPU on them). Every 100 ms still sees any stall.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  return registry;
}

/** Request counter and latency histogram shared by every service's RPC layer. */
export function createRpcMetrics(registry: Registry): {
  requests: Counter<'method' | 'code'>;
  latency: Histogram<'method'>;
} {
  return {
    requests: new Counter({
      name: 'keyhold_rpc_requests_total',
      help: 'RPCs served, by method and result code (AWS exception name or OK)',
      labelNames: ['method', 'code'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'keyhold_rpc_duration_seconds',
      help: 'RPC handling time',
      labelNames: ['method'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` in the Prometheus text format. Port 0 picks a free port.
 *
 * In a node:cluster worker (a service run with several processes, see
 * runProcesses) nothing listens: the registry is handed to the primary,
 * which serves every worker's metrics summed on that port, so one scrape
 * sees the whole service and not one random process. `port` is then the
 * configured port, as served by the primary.
 */
export async function startMetricsServer(
  registry: Registry,
  port: number,
  host = '0.0.0.0',
): Promise<MetricsServer> {
  if (cluster.isWorker) {
    const answer = (message: unknown): void => {
      if (!isMessage(message, METRICS_REQUEST)) return;
      registry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ type: METRICS_RESPONSE, id: message.id, metrics }),
        () => process.send?.({ type: METRICS_RESPONSE, id: message.id, metrics: [] }),
      );
    };
    process.on('message', answer);
    return { port, close: async () => void process.off('message', answer) };
  }
  return serve(() => registry.metrics(), registry.contentType, port, host);
}

const METRICS_REQUEST = 'keyhold:metrics-request';
const METRICS_RESPONSE = 'keyhold:metrics-response';
/** A worker that has not answered by then (starting, stuck) is left out of that scrape. */
const WORKER_ANSWER_MS = 1_000;

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

function isMessage(
  m: unknown,
  type: string,
): m is { type: string; id: number; metrics: MetricsJson } {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;
}

/**
 * In a node:cluster primary: serves `GET /metrics` with the metrics of every
 * worker aggregated as prom-client's AggregatorRegistry does (counters and
 * histograms summed; gauges by their aggregator). Workers register through
 * {@link startMetricsServer}; one that does not answer within a second (it
 * is starting, or stuck) is left out of that scrape rather than failing it.
 */
export async function startClusterMetricsServer(
  port: number,
  host = '0.0.0.0',
): Promise<MetricsServer> {
  let nextId = 0;
  const waiting = new Map<number, (workerId: number, metrics: MetricsJson) => void>();
  const onMessage = (worker: Worker, message: unknown): void => {
    if (isMessage(message, METRICS_RESPONSE)) waiting.get(message.id)?.(worker.id, message.metrics);
  };
  cluster.on('message', onMessage);
  const collect = async (): Promise<string> => {
    const id = nextId++;
    const workers = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => w !== undefined && w.isConnected(),
    );
    const answers: MetricsJson[] = [];
    await new Promise<void>((resolve) => {
      const pending = new Set(workers.map((w) => w.id));
      const timer = setTimeout(resolve, WORKER_ANSWER_MS);
      waiting.set(id, (workerId, metrics) => {
        if (!pending.delete(workerId)) return;
        answers.push(metrics);
        if (pending.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
      for (const w of workers) w.send({ type: METRICS_REQUEST, id });
      if (pending.size === 0) {
        clearTimeout(timer);
        resolve();
      }
    });
    waiting.delete(id);
    return AggregatorRegistry.aggregate(answers).metrics();
  };
  const server = await serve(collect, Registry.PROMETHEUS_CONTENT_TYPE, port, host);
  return {
    port: server.port,
    close: async () => {
      cluster.off('message', onMessage);
      await server.close();
    },
  };
}

async function serve(
  metrics: () => Promise<string>,
  contentType: string,
  port: number,
  host: string,
): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': contentType });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
