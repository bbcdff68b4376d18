// Shared by the benchmarks: h2load (nghttp2's C load generator) replaying
// pre-signed requests, and CPU accounting of whole process trees from /proc,
// so a run reports req/s, p50/p99 and CPU µs per request over every process
// involved. Nothing here is part of npm test.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export function haveH2load() {
  try {
    execFileSync('h2load', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// --- CPU accounting from /proc ---------------------------------------------

function readStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the comm field: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    return {
      ppid: Number(f[1]),
      ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    };
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root` (not `root` itself), except the subtrees of `exclude`. */
export function descendants(root, exclude = new Set()) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (!st) continue;
    if (!children.has(st.ppid)) children.set(st.ppid, []);
    children.get(st.ppid).push(Number(name));
  }
  const out = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      if (exclude.has(c)) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** CPU ticks of a set of processes; exited children are counted in their parent's c-times. */
export function cpuSnapshot(pids) {
  const m = new Map();
  for (const pid of pids) {
    const st = readStat(pid);
    if (st) m.set(pid, st.ticks);
  }
  return m;
}

function processName(pid) {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const main = cmd.find((a) => a.includes('/dist/main.js'));
    if (main) return main.split('/').slice(-3)[0];
    // Postgres backends rename themselves ("postgres: user db host idle"): one bucket.
    return path.basename(cmd[0] ?? String(pid)).split(':')[0];
  } catch {
    return String(pid);
  }
}

/** CPU seconds by process name (service, postgres, nats-server), largest first. */
function cpuByName(before, after) {
  const by = new Map();
  for (const [pid, t] of after) {
    const name = processName(pid);
    by.set(name, (by.get(name) ?? 0) + (t - (before.get(pid) ?? t)) / CLK_TCK);
  }
  return [...by].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
}

export function cpuSecondsBetween(before, after) {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? t);
  return ticks / CLK_TCK;
}

// --- h2load -----------------------------------------------------------------

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs h2load once (a warm-up first), measuring CPU of `pids()` around the
 * measured run. Latencies come from h2load's per-request log.
 *
 * `rps` paces each connection; h2load opens them all at once, so their
 * requests leave in step (a burst of `clients` requests every 1/rps s).
 * `stagger` instead opens the connections evenly over about one such period, so
 * that the same rate arrives spread out (h2load then runs for a request
 * count, durationS × clients × rps, rather than a duration).
 */
export async function h2load({
  name,
  url,
  body,
  headers,
  h1 = false,
  clients,
  streams,
  rps,
  stagger = false,
  pids,
  durationS,
  warmupS = 2,
}) {
  if (stagger && !rps) throw new Error('stagger needs rps');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kh-bench-'));
  const bodyFile = path.join(tmp, 'body');
  const logFile = path.join(tmp, 'log');
  fs.writeFileSync(bodyFile, body);
  const args = (duration, log) => [
    ...(h1 ? ['--h1'] : []),
    '-c',
    String(clients),
    '-m',
    String(streams),
    ...(stagger
      ? [
          // h2load's period is whole milliseconds: so many connections a millisecond.
          '-r',
          String(Math.max(1, Math.round((clients * rps) / 1000))),
          '--rate-period',
          '1ms',
          '-n',
          String(Math.max(clients, Math.round(duration * clients * rps))),
        ]
      : ['-D', String(duration)]),
    '-d',
    bodyFile,
    ...(rps ? ['--rps', String(rps)] : []),
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    ...(log ? ['--log-file', logFile] : []),
    url,
  ];
  const run = (duration, log) =>
    new Promise((resolve, reject) => {
      const child = spawn('h2load', args(duration, log), { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) =>
        code === 0 ? resolve({ out, pid: child.pid }) : reject(new Error(out)),
      );
      run.pid = child.pid;
    });
  if (warmupS > 0) await run(warmupS, false);
  const measured = pids();
  const before = cpuSnapshot(measured);
  const started = Date.now();
  const { out } = await run(durationS, true);
  const elapsed = (Date.now() - started) / 1000;
  const after = cpuSnapshot(measured);
  const cpu = cpuSecondsBetween(before, after);
  const breakdown = cpuByName(before, after);
  const rows = fs
    .readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t').map(Number));
  const ok = rows.filter((r) => r[1] >= 200 && r[1] < 300);
  const lat = ok.map((r) => r[2] / 1000).sort((a, b) => a - b);
  fs.rmSync(tmp, { recursive: true, force: true });
  // A staggered run lasts as long as its request count takes.
  const reqPerS = ok.length / (stagger ? elapsed : durationS);
  const result = {
    name,
    requests: rows.length,
    succeeded: ok.length,
    reqPerS,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    cpuUsPerReq: ok.length > 0 ? (cpu * 1e6) / ok.length : NaN,
    cpuCores: cpu / elapsed,
  };
  if (breakdown.length > 1 && ok.length > 0) {
    result.cpuUsPerReqByProcess = Object.fromEntries(
      breakdown.map(([n, sec]) => [n, Math.round((sec * 1e6) / ok.length)]),
    );
  }
  if (ok.length < rows.length) result.note = `${rows.length - ok.length} non-2xx`;
  if (rows.length === 0) result.note = out.split('\n').slice(-6).join(' | ');
  print(result);
  return result;
}

export function print(r) {
  const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const by = r.cpuUsPerReqByProcess
    ? `\n${' '.repeat(46)}CPU µs/req by process: ${Object.entries(r.cpuUsPerReqByProcess)
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')}`
    : '';
  console.log(
    `${r.name.padEnd(44)} ${f(r.reqPerS).padStart(8)} req/s  p50 ${f(r.p50, 2).padStart(7)} ms  p99 ${f(r.p99, 2).padStart(7)} ms  CPU ${f(r.cpuUsPerReq).padStart(5)} µs/req${r.note ? `  (${r.note})` : ''}${by}`,
  );
}
