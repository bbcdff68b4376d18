// The object store as a process, against `npm start`'s cluster (see README.md
// for registering its service principal and creating a bucket key).
import http from 'node:http';
import { createKeyholdClient } from '@keyhold/client';
import { objectStoreListener } from './http.js';
import { ObjectStore } from './object-store.js';

const env = process.env;

/** `photos=alias/photos,logs=arn:aws:kms:...` -> { photos: 'alias/photos', logs: 'arn:...' } */
function parseBuckets(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of spec.split(',').filter((e) => e.trim() !== '')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new TypeError(`OBJECT_STORE_BUCKETS: '${entry}' is not <bucket>=<key id>`);
    out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return out;
}

function main(): void {
  const buckets = parseBuckets(env['OBJECT_STORE_BUCKETS'] ?? '');
  if (Object.keys(buckets).length === 0)
    throw new TypeError('OBJECT_STORE_BUCKETS names no bucket');
  // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: the store's own service-principal key.
  const kms = createKeyholdClient();
  const server = http.createServer(objectStoreListener(new ObjectStore({ kms, buckets })));
  const port = Number(env['OBJECT_STORE_PORT'] ?? 8080);
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(
      `object store on http://127.0.0.1:${port}: ${Object.keys(buckets).join(', ')}\n`,
    );
  });
  const stop = (): void => void server.close(() => kms.close());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
  process.exit(1);
}
