// The floors under the data-plane benchmark's rows, measured on this machine:
// what the transports alone cost before Keyhold does any work.
//  - HTTP/1.1: a bare node:http server that reads a 1.4 KB AWS JSON body
//    (with a signed request's headers, unchecked), parses it and answers
//    1.4 KB, driven by h2load as row (2) is (128 connections): the gateway's
//    floor for the AWS JSON API.
//  - One message each way on a long-lived channel between two Node processes,
//    the gateway ↔ crypto-worker hop's shape: a grpc-js bidi stream (what
//    DataPlaneBatch rides) against a plain TCP socket with 4-byte length
//    framing, with 8 exchanges in flight (under load: several messages share a
//    syscall) and with 1 (ping-pong: every message its own wake-up).
// Prints msg/s and CPU µs per message for each side. Usage:
//   npm run bench:transport   (BENCH_DURATION_S=6 for the HTTP row, BENCH_MESSAGES=40000)
import { fork } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { h2load, haveH2load } from '../lib/h2load.mjs';

const SIZE = 1400;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 40_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const self = fileURLToPath(import.meta.url);
const identity = (b) => b;
const ECHO = {
  Echo: {
    path: '/bench.Echo/Echo',
    requestStream: true,
    responseStream: true,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};
const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Server roles run in a child process, report their port, and answer 'cpu' with their CPU µs. */
function serve(role) {
  const ready = (port) => process.send({ port });
  process.on('message', (m) => m === 'cpu' && process.send({ cpu: cpuUs() }));
  if (role === 'http') {
    const out = Buffer.alloc(SIZE, 'a');
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': '5d1b2c3e-0000-4000-8000-000000000000',
          'content-length': String(out.length),
        });
        res.end(out);
      });
    });
    server.listen(0, '127.0.0.1', () => ready(server.address().port));
  } else if (role === 'grpc') {
    const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
    server.addService(ECHO, {
      Echo: (call) => {
        call.on('data', (m) => call.write(m));
        call.on('end', () => call.end());
      },
    });
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) throw err;
      ready(port);
    });
  } else {
    // 4-byte big-endian length, then the message; answers echo each complete frame.
    const server = net.createServer((socket) => {
      socket.setNoDelay(true);
      let buf = Buffer.alloc(0);
      socket.on('data', (d) => {
        buf = buf.length === 0 ? d : Buffer.concat([buf, d]);
        let at = 0;
        while (buf.length - at >= 4 && buf.length - at >= 4 + buf.readUInt32BE(at)) {
          at += 4 + buf.readUInt32BE(at);
        }
        if (at > 0) socket.write(buf.subarray(0, at));
        buf = buf.subarray(at);
      });
    });
    server.listen(0, '127.0.0.1', () => ready(server.address().port));
  }
}

async function startServer(role) {
  const child = fork(self, ['--serve', role], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const cpu = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m.cpu));
      child.send('cpu');
    });
  return { child, port, cpu };
}

/** `lanes` channels, each with one exchange in flight at a time, `MESSAGES` in all. */
async function exchange(kind, lanes) {
  const server = await startServer(kind);
  const payload = Buffer.alloc(SIZE, 7);
  let send;
  let close;
  if (kind === 'grpc') {
    const Client = grpc.makeGenericClientConstructor(ECHO);
    const client = new Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), {
      'grpc.enable_channelz': 0,
    });
    const streams = Array.from({ length: lanes }, () => client.Echo().on('error', () => {}));
    send = (i) =>
      new Promise((resolve) => {
        streams[i].once('data', resolve);
        streams[i].write(payload);
      });
    close = () => {
      for (const s of streams) s.end();
      client.close();
    };
  } else {
    const sockets = await Promise.all(
      Array.from(
        { length: lanes },
        () =>
          new Promise((resolve) => {
            const s = net.connect(server.port, '127.0.0.1', () => resolve(s));
            s.setNoDelay(true);
          }),
      ),
    );
    const frame = Buffer.alloc(4 + SIZE);
    frame.writeUInt32BE(SIZE, 0);
    payload.copy(frame, 4);
    const waiting = sockets.map(() => undefined);
    sockets.forEach((s, i) => {
      let got = 0;
      s.on('data', (d) => {
        got += d.length;
        while (got >= frame.length) {
          got -= frame.length;
          const w = waiting[i];
          waiting[i] = undefined;
          w?.();
        }
      });
    });
    send = (i) =>
      new Promise((resolve) => {
        waiting[i] = resolve;
        sockets[i].write(frame);
      });
    close = () => {
      for (const s of sockets) s.destroy();
    };
  }
  const run = async (n) => {
    let started = 0;
    await Promise.all(
      Array.from({ length: lanes }, async (_, i) => {
        while (started < n) {
          started += 1;
          await send(i);
        }
      }),
    );
    return started;
  };
  await run(Math.min(5_000, MESSAGES));
  const c0 = cpuUs();
  const s0 = await server.cpu();
  const t0 = process.hrtime.bigint();
  const n = await run(MESSAGES);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = cpuUs();
  const s1 = await server.cpu();
  close();
  server.child.kill('SIGTERM');
  const name = `${kind === 'grpc' ? 'grpc-js bidi stream' : 'TCP, length-framed'}, ${lanes} in flight`;
  console.log(
    `${name.padEnd(36)} ${String(Math.round(n / seconds)).padStart(7)} msg/s  CPU per message: client ${((c1 - c0) / n).toFixed(1).padStart(5)} µs, server ${((s1 - s0) / n).toFixed(1).padStart(5)} µs`,
  );
}

async function httpFloor() {
  if (!haveH2load()) {
    console.log('HTTP/1.1 floor: skipped (no h2load; apt-get install nghttp2-client)');
    return;
  }
  const server = await startServer('http');
  const body = JSON.stringify({
    KeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    Plaintext: Buffer.alloc(1024, 1).toString('base64'),
  });
  try {
    await h2load({
      name: 'HTTP/1.1 floor: bare node:http, 1.4 KB JSON',
      url: `http://127.0.0.1:${server.port}/`,
      body: Buffer.from(body),
      // The headers of row (2)'s pre-signed request, so that the parser's work matches.
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'TrentService.Encrypt',
        'x-amz-date': '20261130T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/kms/aws4_request, ' +
          'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=' +
          'f'.repeat(64),
      },
      h1: true,
      clients: 128,
      streams: 1,
      pids: () => [server.child.pid],
      durationS: DURATION_S,
    });
  } finally {
    server.child.kill('SIGTERM');
  }
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]);
} else {
  await httpFloor();
  for (const lanes of [8, 1]) {
    await exchange('grpc', lanes);
    await exchange('tcp', lanes);
  }
}
