// A preload that CPU-profiles Keyhold services under a benchmark, one
// .cpuprofile per process (open in Chrome DevTools, or summarise with
// bench/lib/profile-summary.mjs). It starts node:inspector's sampling
// profiler in every process whose main is services/<name>/dist/main.js and
// writes the profile when the process exits or gets SIGTERM/SIGINT.
//
//   NODE_OPTIONS="--import=$PWD/bench/lib/cpu-profile.mjs" \
//     BENCH_MODE=encrypt node bench/data-plane/run.mjs
//
// PROFILE_DIR (default .keyhold/profiles), PROFILE_SERVICES (a pattern of
// service names, default every service), PROFILE_INTERVAL_US (default 200).
// Sampling costs the profiled processes a good share of their speed: compare
// profiles with each other, not their throughput with unprofiled runs.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const service = /services\/([^/]+)\/dist\/main\.js$/.exec(process.argv[1] ?? '')?.[1];
const wanted = new RegExp(process.env.PROFILE_SERVICES ?? '.');
if (service && wanted.test(service)) {
  const dir = path.resolve(process.env.PROFILE_DIR ?? '.keyhold/profiles');
  fs.mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () =>
    session.post(
      'Profiler.setSamplingInterval',
      { interval: Number(process.env.PROFILE_INTERVAL_US ?? 200) },
      () => session.post('Profiler.start'),
    ),
  );
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (!err) {
        fs.writeFileSync(
          path.join(dir, `${service}-${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      }
    });
  };
  process.prependListener('SIGTERM', write);
  process.prependListener('SIGINT', write);
  process.on('exit', write);
}
