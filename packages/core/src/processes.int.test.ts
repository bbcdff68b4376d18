import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A service run as several node:cluster processes: one scrape of its metrics
// port must see every process, summed, not whichever process accepted it.

const CORE = fileURLToPath(new URL('../dist/index.js', import.meta.url));

// Each worker counts its cluster id (1 and 2) once and serves its registry
// the way services do; the primary serves them on METRICS_PORT.
const FIXTURE = `
import cluster from 'node:cluster';
import { Counter, createMetricsRegistry, runProcesses, startMetricsServer } from ${JSON.stringify(CORE)};
const port = Number(process.env.METRICS_PORT);
await runProcesses({
  count: 2,
  metricsPort: port,
  report: (line) => process.stderr.write(line + '\\n'),
  start: async () => {
    const registry = createMetricsRegistry('fixture');
    const ticks = new Counter({ name: 'keyhold_fixture_ticks_total', help: 'ticks', registers: [registry] });
    ticks.inc(cluster.worker?.id ?? 100);
    const server = await startMetricsServer(registry, port);
    process.stdout.write('worker ' + cluster.worker?.id + ' metrics port ' + server.port + '\\n');
    setInterval(() => {}, 1_000);
  },
});
`;

let dir: string;
let child: ChildProcess | undefined;
let port = 0;
const output: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const p = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(p));
    });
  });
}

async function scrape(): Promise<string | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyhold-processes-'));
  writeFileSync(join(dir, 'fixture.mjs'), FIXTURE);
  port = await freePort();
  child = spawn(process.execPath, [join(dir, 'fixture.mjs')], {
    env: { PATH: process.env['PATH'] ?? '', METRICS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
  }
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('runProcesses with a metrics port', () => {
  it('serves the counters of every process summed, from the primary', async () => {
    let body: string | undefined;
    for (let i = 0; i < 100; i++) {
      body = await scrape();
      if (body?.includes('keyhold_fixture_ticks_total{service="fixture"} 3')) break;
      await sleep(100);
    }
    expect(body, output.join('\n')).toContain('keyhold_fixture_ticks_total{service="fixture"} 3');
    // Both workers came up, neither bound the port itself (that would have failed).
    expect(output.filter((l) => /^worker \d metrics port \d+$/.test(l))).toHaveLength(2);
    expect(output.join('\n')).toContain(`serving the metrics of 2 processes on port ${port}`);
    // Default process metrics are aggregated too, labelled with the service.
    expect(body).toMatch(/nodejs_heap_size_used_bytes\{service="fixture"\} \d+/);
  });
});
