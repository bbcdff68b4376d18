// What quota enforcement costs on the hot path (issue 6: goal < 5 % of Encrypt
// throughput): Encrypt through the AWS JSON API, saturated by h2load, on a
// cluster whose gateways enforce quotas (leased tokens) and on one that does
// not (KEYHOLD_QUOTA_ENFORCE=false), in ABBA order over BENCH_ROUNDS rounds,
// each on a fresh cluster (bench/data-plane/run.mjs, BENCH_MODE=encrypt), so
// that drift in the machine's load favours neither side. Prints each run and
// the medians. Usage: npm run bench:quota-cost (BENCH_ROUNDS=3 BENCH_DURATION_S=8)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function runOnce(enforce) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, '../data-plane/run.mjs')], {
      env: { ...process.env, BENCH_MODE: 'encrypt', BENCH_QUOTA_ENFORCE: String(enforce) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`run failed (exit ${code}):\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { true: [], false: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const enforce of round % 2 === 0 ? [true, false] : [false, true]) {
    const r = await runOnce(enforce);
    runs[enforce].push(r);
    console.log(
      `round ${round + 1}, enforcement ${enforce ? 'on ' : 'off'}: ${r.reqPerS.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms, ${r.cpuUsPerReq.toFixed(0)} µs CPU/req (${Object.entries(
        r.cpuUsPerReqByProcess ?? {},
      )
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')})`,
    );
  }
}
const on = median(runs.true.map((r) => r.reqPerS));
const off = median(runs.false.map((r) => r.reqPerS));
const cpuOn = median(runs.true.map((r) => r.cpuUsPerReq));
const cpuOff = median(runs.false.map((r) => r.cpuUsPerReq));
console.log(
  `median Encrypt: enforcement off ${off.toFixed(0)} req/s (${cpuOff.toFixed(0)} µs CPU), on ${on.toFixed(0)} req/s (${cpuOn.toFixed(0)} µs CPU): quota enforcement costs ${(100 * (1 - on / off)).toFixed(1)}% of throughput, ${(100 * (cpuOn / cpuOff - 1)).toFixed(1)}% of CPU per request (goal < 5 %)`,
);
