import { createConnection } from 'node:net';
import type { NetConnectOpts } from 'node:net';

function dockerEndpoint(dockerHost: string | undefined): NetConnectOpts | undefined {
  if (dockerHost === undefined || dockerHost === '') return { path: '/var/run/docker.sock' };
  if (dockerHost.startsWith('unix://')) return { path: dockerHost.slice('unix://'.length) };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)/.exec(dockerHost);
  if (tcp?.[1] !== undefined && tcp[2] !== undefined) return { host: tcp[1], port: Number(tcp[2]) };
  return undefined;
}

/**
 * Resolves true when a Docker engine answers `GET /_ping` within
 * `timeoutMs` (at `DOCKER_HOST`, else /var/run/docker.sock). Never rejects.
 */
export async function dockerAvailable(
  dockerHost: string | undefined = process.env['DOCKER_HOST'],
  timeoutMs = 1_000,
): Promise<boolean> {
  const endpoint = dockerEndpoint(dockerHost);
  if (endpoint === undefined) return false;
  return new Promise((resolve) => {
    let reply = '';
    const socket = createConnection(endpoint);
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(/^HTTP\/1\.[01] 200/.test(reply));
    });
    socket.once('end', () => done(/^HTTP\/1\.[01] 200/.test(reply)));
  });
}
