import { lookup } from 'node:dns/promises';
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { renderChartSvg, renderReportHtml } from '../load/chart.js';
import { runLoad } from '../load/runner.js';
import type { LoadTarget } from '../load/runner.js';
import { MAX_DURATION_MS, parseDuration, parseMix } from '../load/schedule.js';
import type { MixEntry } from '../load/schedule.js';
import type { SecondCounts } from '../load/stats.js';
import { formatTable } from '../load/table.js';
import { checkTarget } from '../load/target.js';
import { EXIT } from '../exit-codes.js';

interface LoadCliOptions {
  readonly endpoint: string;
  readonly region: string[];
  readonly credentials: string[];
  readonly keyId?: string;
  readonly mix: MixEntry[];
  readonly rate?: number;
  readonly concurrency?: number;
  readonly duration: number;
  readonly ramp: number;
  readonly maxRequests: number;
  readonly maxInflight: number;
  readonly chart?: string;
  readonly json?: string;
  readonly allowRemote?: boolean;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${name} must be a positive integer`);
  return n;
};
const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`${name} must be a positive number`);
  return n;
};
const duration = (max: number) => (v: string) => {
  let ms: number;
  try {
    ms = parseDuration(v);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  if (ms > max) throw new InvalidArgumentError(`at most ${max / 60_000} minutes`);
  return ms;
};
const list = (v: string, prev: string[] | undefined) => [
  ...(prev ?? []),
  ...v.split(',').filter((s) => s.length > 0),
];

function progressLine(second: number, total: number, c: SecondCounts): string {
  return `[${String(second + 1).padStart(4)}s/${total}s] offered ${c.offered}/s  admitted ${c.admitted}/s  throttled ${c.throttled}/s  errors ${c.errors}/s`;
}

/** `keyhold load`: drives a request mix at one endpoint and reports quota behaviour. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .description(
      'load-test an endpoint through the AWS SDK: live progress, a summary per region and account, a chart',
    )
    .requiredOption(
      '--duration <time>',
      'how long to run, e.g. 30s, 5m (at most 1h)',
      duration(MAX_DURATION_MS),
    )
    .addOption(
      new Option('--endpoint <url>', 'the gateway to load (loopback only unless --allow-remote)')
        .env('KEYHOLD_ENDPOINT')
        .default('http://127.0.0.1:4599'),
    )
    .option('--region <list>', 'regions, comma-separated (load is spread evenly)', list)
    .option(
      '--credentials <list>',
      'accessKeyId:secretAccessKey pairs, comma-separated, one per account (default test:test)',
      list,
    )
    .option('--key-id <id>', 'use this key for every target instead of creating one per target')
    .addOption(
      new Option('--mix <ops>', 'operations with weights, e.g. Encrypt=8,Decrypt=2')
        .argParser((v: string) => {
          try {
            return parseMix(v);
          } catch (err) {
            throw new InvalidArgumentError((err as Error).message);
          }
        })
        .default(parseMix('Encrypt'), 'Encrypt'),
    )
    .addOption(
      new Option('--rate <n>', 'open loop: target requests per second')
        .argParser(positive('rate'))
        .conflicts('concurrency'),
    )
    .addOption(
      new Option('--concurrency <n>', 'closed loop: requests in flight').argParser(
        positiveInt('concurrency'),
      ),
    )
    .option('--ramp <time>', 'climb to the rate over this long', duration(MAX_DURATION_MS), 0)
    .option(
      '--max-requests <n>',
      'stop after this many requests',
      positiveInt('max-requests'),
      10_000_000,
    )
    .option(
      '--max-inflight <n>',
      'open loop: skip (and count) requests beyond this many in flight',
      positiveInt('max-inflight'),
      512,
    )
    .option('--chart <file>', 'write the chart: .svg, or .html with the summary table')
    .option('--json <file>', 'write per-second series and the summary as JSON')
    .option('--allow-remote', 'allow a non-loopback endpoint')
    .action(async (o: LoadCliOptions) => {
      if (o.rate === undefined && o.concurrency === undefined) {
        process.stderr.write('keyhold load: give --rate or --concurrency\n');
        process.exitCode = EXIT.usage;
        return;
      }
      let url: URL;
      try {
        url = await checkTarget(o.endpoint, o.allowRemote === true, async (host) =>
          (await lookup(host, { all: true })).map((a) => a.address),
        );
      } catch (err) {
        process.stderr.write(`keyhold load: ${(err as Error).message}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const regions = o.region ?? ['us-east-1'];
      const credentials = o.credentials ?? ['test:test'];
      const targets: LoadTarget[] = [];
      for (const region of regions) {
        for (const pair of credentials) {
          const i = pair.indexOf(':');
          if (i <= 0) {
            process.stderr.write(`keyhold load: credentials must be accessKeyId:secretAccessKey\n`);
            process.exitCode = EXIT.usage;
            return;
          }
          targets.push({
            region,
            accessKeyId: pair.slice(0, i),
            secretAccessKey: pair.slice(i + 1),
            keyId: o.keyId,
          });
        }
      }
      const totalSeconds = Math.ceil(o.duration / 1000);
      const tty = process.stderr.isTTY === true;
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      let result: Awaited<ReturnType<typeof runLoad>>;
      try {
        result = await runLoad({
          endpoint: url.origin,
          targets,
          mix: o.mix,
          rate: o.rate,
          concurrency: o.concurrency,
          rampMs: o.ramp,
          durationMs: o.duration,
          maxRequests: o.maxRequests,
          maxInflight: o.maxInflight,
          signal: abort.signal,
          onSecond: (second, counts) => {
            const line = progressLine(second, totalSeconds, counts);
            process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
          },
        });
      } catch (err) {
        process.stderr.write(
          `${tty ? '\n' : ''}keyhold load: setup failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`,
        );
        process.exitCode = EXIT.unavailable;
        return;
      } finally {
        process.off('SIGINT', onSigint);
      }
      if (tty) process.stderr.write('\n');

      const summary = result.stats.summary(result.durationMs);
      process.stdout.write(
        `${formatTable(
          [
            'region',
            'account',
            'offered',
            'admitted',
            'throttled',
            'errors',
            'admitted/s',
            'p50 ms',
            'p99 ms',
          ],
          summary.map((s) => [
            s.region,
            s.account,
            String(s.offered),
            String(s.admitted),
            String(s.throttled),
            String(s.errors),
            s.admittedPerSecond.toFixed(1),
            s.p50Ms.toFixed(1),
            s.p99Ms.toFixed(1),
          ]),
          ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        )}\n`,
      );
      for (const s of summary) {
        for (const [name, count] of s.errorNames.slice(0, 3))
          process.stdout.write(`  ${s.region} ${s.account}: ${count} x ${name}\n`);
      }
      if (result.skipped > 0)
        process.stdout.write(
          `skipped ${result.skipped} requests: ${o.maxInflight} already in flight (client saturated)\n`,
        );
      if (result.createdKeys.length > 0)
        process.stdout.write(
          `created ${result.createdKeys.length} key(s) for the run: ${result.createdKeys.join(', ')}\n`,
        );

      const chartInput = {
        title: `keyhold load: ${url.host}, ${o.rate !== undefined ? `${o.rate} req/s` : `concurrency ${o.concurrency}`}, ${(result.durationMs / 1000).toFixed(0)} s`,
        regions: result.stats.regions().map((region) => ({
          region,
          series: result.stats.series(region, result.seconds),
        })),
      };
      if (o.chart) {
        const text = o.chart.endsWith('.html')
          ? renderReportHtml(chartInput, summary)
          : renderChartSvg(chartInput);
        await writeFile(o.chart, text);
        process.stdout.write(`chart: ${o.chart}\n`);
      }
      if (o.json) {
        await writeFile(
          o.json,
          `${JSON.stringify(
            {
              endpoint: url.origin,
              durationMs: result.durationMs,
              skipped: result.skipped,
              series: Object.fromEntries(chartInput.regions.map((r) => [r.region, r.series])),
              summary,
            },
            null,
            2,
          )}\n`,
        );
      }
    });
}
