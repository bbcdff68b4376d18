// The container's entry point: `node deploy/docker/entrypoint.js <command>`.
// One image runs every service; the argument picks which. Plain ESM on the
// built workspaces, so the image needs no TypeScript tooling at run time.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The six services, by the name used everywhere (compose, k8s, npm start). */
const SERVICES = [
  'gateway',
  'key-manager',
  'crypto-worker',
  'policy-authorizer',
  'quota-limiter',
  'audit-log',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `usage: entrypoint.js <command>

commands:
  ${SERVICES.join('\n  ')}
              run that service (configured by its environment)
  migrate     create or update the Postgres schemas of key-manager, policy-authorizer and audit-log, then exit
  health      exit 0 when this container's gRPC server (GRPC_LISTEN) reports SERVING
`;

async function health() {
  // A service listens on GRPC_LISTEN (often 0.0.0.0:<port>); probe it on loopback.
  const listen = process.env['GRPC_LISTEN'] ?? '';
  const port = /:(\d{1,5})$/.exec(listen)?.[1];
  if (port === undefined) {
    process.stderr.write('health: GRPC_LISTEN must be host:port\n');
    return 2;
  }
  const { checkHealth } = await import('@keyhold/proto');
  try {
    const status = await checkHealth(`127.0.0.1:${port}`, 2_000);
    if (status === 'SERVING') return 0;
    process.stderr.write(`health: ${status}\n`);
  } catch (err) {
    process.stderr.write(`health: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  return 1;
}

async function main(argv) {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'health') return health();
  if (command === 'migrate') {
    const { runMigrations } = await import('./migrate.js');
    return runMigrations(process.env);
  }
  if (SERVICES.includes(command)) {
    const main = join(root, 'services', command, 'dist', 'main.js');
    if (!existsSync(main)) {
      process.stderr.write(`${command} is not built (${main} is missing)\n`);
      return 1;
    }
    // The service owns the process from here: signals, exit codes, logs.
    await import(pathToFileURL(main).href);
    return undefined;
  }
  process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
