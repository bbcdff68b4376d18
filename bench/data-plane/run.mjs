// Data-plane benchmark: in one run on one machine, the transport's ceiling
// (a bare grpc-js unary echo) and Keyhold's hot path through the gateway's
// AWS JSON API and its native gRPC API, all driven by h2load replaying
// pre-signed requests, plus the AWS SDK at modest concurrency for latency.
// For every run: req/s, p50/p99 latency, and CPU µs per request summed over
// every process involved (Keyhold services, NATS, Postgres; for the ceiling,
// the echo server). Usage: npm run bench:data-plane  (BENCH_DURATION_S=10; the
// cluster is first warmed up with Encrypt for BENCH_WARMUP_S, default the same)
// BENCH_MODE=encrypt measures one Encrypt run (for bench/quota/enforcement.mjs;
// BENCH_CLIENTS connections, default 128, each at BENCH_RPS requests/s if set);
// BENCH_MODE=policy (npm run bench:policy-encrypt) instead measures Encrypt
// under a realistic 10-statement key policy against one that allows
// everything, alternating on the same cluster (issue 5's < 10% goal).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  KMSClient,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import { SignatureV4 } from '@smithy/signature-v4';
import { startCluster } from '@keyhold/local';
import { loadProto } from '@keyhold/proto';
import { findFreePort, startLocalNats, startLocalPostgres } from '@keyhold/testkit/local';
import {
  cpuSecondsBetween,
  cpuSnapshot,
  descendants,
  h2load,
  haveH2load,
  percentile,
  print,
} from '../lib/h2load.mjs';
import { REALISTIC_KEY_POLICY } from '../lib/realistic-policy.mjs';
import { signAwsJson } from '../lib/sign.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const CREDS = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
const PROCESSES = process.env.BENCH_PROCESSES ?? '2';
// The worker's process count when it should differ from the gateway's.
const WORKER_PROCESSES = process.env.BENCH_WORKER_PROCESSES ?? PROCESSES;
// BENCH_QUOTA_ENFORCE=false runs the same cluster with the gateway's quota
// gate off, to measure what quota enforcement costs on the hot path.
const QUOTA_ENFORCE = process.env.BENCH_QUOTA_ENFORCE ?? 'true';
const MODE = process.env.BENCH_MODE ?? 'data-plane';
const POLICY_ROUNDS = Number(process.env.BENCH_POLICY_ROUNDS ?? 4);
const BENCH_USER = `arn:aws:iam::${ACCOUNT}:user/bench`;
// Satisfies the realistic policy's tenant-isolation condition shape.
const CONTEXT = { tenant: 't-bench', app: 'bench', purpose: 'data' };
const ALLOW_ALL_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }],
};
function grpcFrame(message) {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

async function sign(request) {
  const signer = new SignatureV4({
    service: 'kms',
    region: REGION,
    credentials: CREDS,
    sha256: Sha256,
  });
  return (await signer.sign(request)).headers;
}

// --- main -------------------------------------------------------------------

async function main() {
  if (!haveH2load()) {
    console.error(
      'h2load not found: install it with `sudo apt-get install nghttp2-client` (Debian/Ubuntu).',
    );
    process.exit(2);
  }
  const missing = ['services/gateway/dist/main.js', 'services/crypto-worker/dist/main.js'].filter(
    (p) => !fs.existsSync(path.join(here, '../..', p)),
  );
  if (missing.length > 0) {
    console.error(`not built (${missing.join(', ')}): run \`npx tsc -b\` first`);
    process.exit(2);
  }
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${DURATION_S} s per run, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results = [];
  const stops = [];
  const cleanup = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    // (1) the ceiling
    const echo = spawn(process.execPath, [path.join(here, 'echo-server.mjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    stops.push(async () => echo.kill('SIGTERM'));
    const echoPort = await new Promise((resolve) =>
      echo.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    const grpcHeaders = { 'content-type': 'application/grpc', te: 'trailers' };
    const ceiling =
      MODE === 'policy'
        ? undefined
        : await h2load({
            durationS: DURATION_S,
            name: '(1) ceiling: grpc-js unary echo 1 KiB',
            url: `http://127.0.0.1:${echoPort}/bench.Echo/Echo`,
            body: grpcFrame(randomBytes(1024)),
            headers: grpcHeaders,
            clients: 16,
            streams: 8,
            pids: () => [echo.pid],
          });
    if (ceiling) results.push(ceiling);
    echo.kill('SIGTERM');

    // The cluster: Postgres, NATS, six services; gateway and crypto-worker as 2 processes each.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kh-bench-cluster-'));
    // Postgres may run as its own user, which must reach its data directory.
    fs.chmodSync(tmp, 0o755);
    const pg = await startLocalPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await findFreePort(),
      // Postgres's default 128 MB of shared buffers is sized for the smallest
      // machines: the audit table's indexes outgrow it within one full run, and
      // from then on every ingested row paid buffer misses (Postgres at ~80 µs
      // per request in the half-rate row against ~34 with 1 GB). A deployment
      // sizes it to its machine; so does the benchmark (BENCH_PG_SHARED_BUFFERS).
      settings: { shared_buffers: process.env.BENCH_PG_SHARED_BUFFERS ?? '1GB' },
    });
    stops.push(() => pg.stop());
    const nats = await startLocalNats({
      dataDir: path.join(tmp, 'nats'),
      port: await findFreePort(),
    });
    stops.push(() => nats.stop());
    const keyring = path.join(tmp, 'keyring.json');
    fs.writeFileSync(
      keyring,
      JSON.stringify({ current: 1, keys: { 1: randomBytes(32).toString('base64') } }),
      { mode: 0o600 },
    );
    const identities = path.join(tmp, 'identities.json');
    fs.writeFileSync(
      identities,
      JSON.stringify({
        accounts: [
          {
            accountId: ACCOUNT,
            principals: [
              {
                arn: BENCH_USER,
                accessKeys: [CREDS],
                policies: [
                  {
                    Version: '2012-10-17',
                    Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    // Quota stays on (leased tokens) but high enough not to throttle the benchmark.
    const quota = path.join(tmp, 'quota.json');
    fs.writeFileSync(
      quota,
      JSON.stringify({
        default: { CryptographicOperationsSymmetric: { rate: 1_000_000, burst: 1_000_000 } },
      }),
    );
    const httpPort = await findFreePort();
    const cluster = await startCluster({
      databaseUrl: pg.url,
      natsUrl: nats.url,
      httpPort,
      basePort: 'auto',
      rootKeyringFile: keyring,
      identitiesFile: identities,
      quotaFile: quota,
      logLevel: 'warn',
      onLog: (service, line) => {
        if (/"level":(50|60)/.test(line))
          process.stderr.write(`[${service}] ${line.slice(0, 300)}\n`);
      },
      env: {
        KEYHOLD_GATEWAY_PROCESSES: PROCESSES,
        KEYHOLD_CRYPTO_WORKER_PROCESSES: WORKER_PROCESSES,
        KEYHOLD_QUOTA_ENFORCE: QUOTA_ENFORCE,
      },
    });
    stops.push(() => cluster.stop());
    const clusterPids = () => descendants(process.pid, new Set([echo.pid]));

    const kms = new KMSClient({
      endpoint: cluster.endpoint,
      region: REGION,
      credentials: CREDS,
      maxAttempts: 1,
    });
    const key = (await kms.send(new CreateKeyCommand({ Description: 'bench' }))).KeyMetadata;
    const plaintext = randomBytes(1024);
    const blob = Buffer.from(
      (await kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: plaintext }))).CiphertextBlob,
    );

    // AWS JSON API, pre-signed (valid for 15 minutes: well past this run).
    const host = `127.0.0.1:${httpPort}`;
    const awsRequest = async (op, payload) => {
      const body = JSON.stringify(payload);
      const headers = await signAwsJson({
        host,
        target: op,
        body,
        region: REGION,
        credentials: CREDS,
      });
      delete headers.host;
      return { body: Buffer.from(body), headers };
    };
    // Native gRPC API on the gateway's gRPC port, SigV4 in metadata over the message bytes.
    const grpcHost = cluster.addresses.gateway;
    const service = loadProto().kms.v1.KeyManagementService.service;
    const grpcRequest = async (op, message) => {
      const def = service[op];
      const bytes = def.requestSerialize(message);
      const headers = await sign({
        method: 'POST',
        protocol: 'http:',
        hostname: grpcHost,
        path: def.path,
        headers: { host: grpcHost },
        body: bytes,
      });
      delete headers.host;
      // One call through grpc-js with the same bytes and metadata: h2load cannot see gRPC status.
      const client = new grpc.Client(grpcHost, grpc.credentials.createInsecure());
      const md = new grpc.Metadata();
      for (const [k, v] of Object.entries(headers)) md.set(k, String(v));
      await new Promise((resolve, reject) =>
        client.makeUnaryRequest(
          def.path,
          (b) => b,
          (b) => b,
          bytes,
          md,
          (err) => (client.close(), err ? reject(err) : resolve()),
        ),
      );
      return { path: def.path, body: grpcFrame(bytes), headers: { ...grpcHeaders, ...headers } };
    };

    if (MODE === 'encrypt') {
      // One measured Encrypt run after a warm-up, as a JSON line for a driver
      // comparing cluster configurations (bench/quota/enforcement.mjs).
      const aws = await awsRequest('Encrypt', {
        KeyId: key.Arn,
        Plaintext: plaintext.toString('base64'),
      });
      // BENCH_CLIENTS / BENCH_RPS (per connection) look at latency below saturation.
      const clients = Number(process.env.BENCH_CLIENTS ?? 128);
      const rps = process.env.BENCH_RPS === undefined ? undefined : Number(process.env.BENCH_RPS);
      // BENCH_STAGGER=1: the connections start spread over one period instead of at once.
      const stagger = process.env.BENCH_STAGGER === '1';
      // BENCH_API=grpc: the native gRPC API instead (row (3): 16 connections × 8 streams).
      const grpc =
        process.env.BENCH_API === 'grpc'
          ? await grpcRequest('Encrypt', { keyId: key.Arn, plaintext })
          : undefined;
      const run = (name) =>
        h2load({
          durationS: DURATION_S,
          name,
          ...(grpc
            ? { url: `http://${grpcHost}${grpc.path}`, body: grpc.body, headers: grpc.headers }
            : { url: `${cluster.endpoint}/`, body: aws.body, headers: aws.headers, h1: true }),
          clients: grpc ? 16 : clients,
          streams: grpc ? 8 : 1,
          rps,
          stagger,
          pids: clusterPids,
        });
      await run('Encrypt warm-up');
      const measured = await run(`Encrypt (KEYHOLD_QUOTA_ENFORCE=${QUOTA_ENFORCE})`);
      console.log(`RESULT ${JSON.stringify(measured)}`);
      return;
    }

    if (MODE === 'policy') {
      await comparePolicies({
        kms,
        key,
        plaintext,
        awsRequest,
        endpoint: cluster.endpoint,
        pids: clusterPids,
      });
      return;
    }

    const ops = [
      [
        'Encrypt',
        { KeyId: key.Arn, Plaintext: plaintext.toString('base64') },
        { keyId: key.Arn, plaintext },
      ],
      ['Decrypt', { CiphertextBlob: blob.toString('base64') }, { ciphertextBlob: blob }],
      [
        'GenerateDataKey',
        { KeyId: key.Arn, NumberOfBytes: 32 },
        { keyId: key.Arn, numberOfBytes: 32 },
      ],
    ];
    // A fresh cluster runs slower for its first seconds (in one check 4.3k/s in the first 8 s
    // against 5.6k/s in the next): warm it up before measuring, as encrypt mode does.
    const warmAws = await awsRequest('Encrypt', ops[0][1]);
    await h2load({
      durationS: Number(process.env.BENCH_WARMUP_S ?? DURATION_S),
      name: 'cluster warm-up (Encrypt, not a result)',
      url: `${cluster.endpoint}/`,
      body: warmAws.body,
      headers: warmAws.headers,
      h1: true,
      clients: 128,
      streams: 1,
      pids: clusterPids,
    });
    const byName = {};
    for (const [op, json, message] of ops) {
      const aws = await awsRequest(op, json);
      byName[`aws ${op}`] = await h2load({
        durationS: DURATION_S,
        name: `(${op === 'Encrypt' ? 2 : 4}) ${op} 1 KiB via AWS JSON API (h1, 128 conns)`,
        url: `${cluster.endpoint}/`,
        body: aws.body,
        headers: aws.headers,
        h1: true,
        clients: 128,
        streams: 1,
        pids: clusterPids,
      });
      const g = await grpcRequest(op, message);
      byName[`grpc ${op}`] = await h2load({
        durationS: DURATION_S,
        name: `(${op === 'Encrypt' ? 3 : 4}) ${op} 1 KiB via native gRPC (16×8)`,
        url: `http://${grpcHost}${g.path}`,
        body: g.body,
        headers: g.headers,
        clients: 16,
        streams: 8,
        pids: clusterPids,
      });
      results.push(byName[`aws ${op}`], byName[`grpc ${op}`]);
    }

    // p99 at half the saturating rate (AWS JSON Encrypt): h2load's paced connections
    // fire in step (bursts of 32), then the same connections started spread over one
    // period, so that requests arrive apart.
    const half = Math.max(1, Math.round(byName['aws Encrypt'].reqPerS / 2));
    const aws = await awsRequest('Encrypt', ops[0][1]);
    const halfRate = [];
    for (const stagger of [false, true]) {
      halfRate.push(
        await h2load({
          durationS: DURATION_S,
          name: `Encrypt via AWS JSON API at half rate (${half}/s${stagger ? ', spread' : ''})`,
          url: `${cluster.endpoint}/`,
          body: aws.body,
          headers: aws.headers,
          h1: true,
          clients: 32,
          streams: 1,
          rps: Math.max(1, Math.round(half / 32)),
          stagger,
          pids: clusterPids,
        }),
      );
    }
    results.push(...halfRate);

    // @aws-sdk/client-kms at modest concurrency, for latency as SDK users see it.
    const sdkConcurrency = 16;
    const lat = [];
    const before = cpuSnapshot(clusterPids());
    const until = Date.now() + DURATION_S * 1000;
    await Promise.all(
      Array.from({ length: sdkConcurrency }, async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          await kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: plaintext }));
          lat.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }),
    );
    const cpu = cpuSecondsBetween(before, cpuSnapshot(clusterPids()));
    lat.sort((a, b) => a - b);
    const sdk = {
      name: `Encrypt via @aws-sdk/client-kms (${sdkConcurrency} in flight)`,
      reqPerS: lat.length / DURATION_S,
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      cpuUsPerReq: (cpu * 1e6) / lat.length,
    };
    print(sdk);
    results.push(sdk);

    // DisableKey stops Encrypt on every process: time until 64 Encrypts in a row are refused.
    let stopMs = NaN;
    try {
      const k2 = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
      const enc = () =>
        kms.send(new EncryptCommand({ KeyId: k2.Arn, Plaintext: plaintext })).then(
          () => 'OK',
          (e) => e.name,
        );
      await Promise.all(Array.from({ length: 64 }, enc));
      await kms.send(new DisableKeyCommand({ KeyId: k2.Arn }));
      const t0 = Date.now();
      let last = 0;
      let refused = 0;
      while (refused < 64 && Date.now() - t0 < 5_000) {
        for (const r of await Promise.all(Array.from({ length: 8 }, enc))) {
          if (r === 'OK') {
            last = Date.now() - t0;
            refused = 0;
          } else refused += 1;
        }
      }
      stopMs = last;
      console.log(
        `DisableKey → last successful Encrypt after ${last} ms (${PROCESSES} gateway and ${WORKER_PROCESSES} worker processes)`,
      );
    } catch (err) {
      console.log(`DisableKey propagation: n/a (${err.name ?? err})`);
    }

    const r2 = byName['aws Encrypt'].reqPerS / ceiling.reqPerS;
    const r3 = byName['grpc Encrypt'].reqPerS / ceiling.reqPerS;
    console.log(
      `ratio (2)/(1) = ${r2.toFixed(2)} (goal ≥ 0.5); (3)/(1) = ${r3.toFixed(2)} (goal ≥ 0.7)`,
    );
    console.log(
      `CPU per Encrypt through (2) = ${Math.round(byName['aws Encrypt'].cpuUsPerReq)} µs (goal ≤ 200); ` +
        `p99 at half rate = ${halfRate.map((r) => r.p99.toFixed(1)).join(' (in step), ')} ms (spread) (goal ≤ 10)`,
    );
    // .keyhold/ is git-ignored scratch space at the repository root.
    const out = path.join(here, '../../.keyhold/bench');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, 'data-plane-last-run.json'),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          durationS: DURATION_S,
          processes: PROCESSES,
          workerProcesses: WORKER_PROCESSES,
          results,
          ratios: { r2, r3 },
          disableStopMs: stopMs,
        },
        null,
        2,
      ),
    );
    kms.destroy();
  } finally {
    await cleanup();
  }
}

/**
 * Encrypt via the AWS JSON API under each key policy in turn, POLICY_ROUNDS
 * times, on one cluster: alternating cancels drift in the machine's load.
 */
async function comparePolicies({ kms, key, plaintext, awsRequest, endpoint, pids }) {
  const request = await awsRequest('Encrypt', {
    KeyId: key.Arn,
    Plaintext: plaintext.toString('base64'),
    EncryptionContext: CONTEXT,
  });
  const runs = { 'allow-all': [], realistic: [] };
  const run = (name) =>
    h2load({
      durationS: DURATION_S,
      name: `Encrypt, ${name} key policy`,
      url: `${endpoint}/`,
      body: request.body,
      headers: request.headers,
      h1: true,
      clients: 128,
      streams: 1,
      pids,
    });
  // A cold cluster is slower for its first seconds (JIT, caches): not measured.
  await run('warm-up, default');
  const policies = [
    ['allow-all', ALLOW_ALL_POLICY],
    ['realistic', REALISTIC_KEY_POLICY],
  ];
  for (let round = 0; round < POLICY_ROUNDS; round++) {
    // ABBA order, so that a drift in the machine's load favours neither side.
    for (const [name, policy] of round % 2 === 0 ? policies : [...policies].reverse()) {
      await kms.send(new PutKeyPolicyCommand({ KeyId: key.Arn, Policy: JSON.stringify(policy) }));
      // Workers drop the key's decision bundle on the policy event; let it settle.
      await new Promise((r) => setTimeout(r, 1_500));
      runs[name].push(await run(name));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const allow = median(runs['allow-all'].map((r) => r.reqPerS));
  const real = median(runs.realistic.map((r) => r.reqPerS));
  const cpuAllow = median(runs['allow-all'].map((r) => r.cpuUsPerReq));
  const cpuReal = median(runs.realistic.map((r) => r.cpuUsPerReq));
  console.log(
    `median Encrypt: allow-all ${allow.toFixed(0)} req/s (${cpuAllow.toFixed(0)} µs CPU), realistic ${real.toFixed(0)} req/s (${cpuReal.toFixed(0)} µs CPU): authorization costs ${(100 * (1 - real / allow)).toFixed(1)}% of throughput (goal < 10%)`,
  );
}

await main();
