// The pattern against `npm start`'s cluster: deploy a function's secrets into
// a manifest, start the function (decrypting them once), and show that a
// function of another name cannot read them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKeyholdClient, isKmsError } from '@keyhold/client';
import { encryptEnvironment } from './deploy.js';
import { readManifest, writeManifest } from './manifest.js';
import { loadFunctionEnvironment } from './startup.js';

const env = process.env;
const FUNCTION_NAME = env['FUNCTION_NAME'] ?? 'orders';
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const kms = createKeyholdClient({
    credentials: {
      accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? 'test',
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? 'test',
    },
    retry: { maxAttempts: 1 },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-function-env-'));
  try {
    const { keyMetadata } = await kms.createKey({ description: 'example: function secrets' });
    const keyArn = keyMetadata!.arn;

    // Deploy time.
    const manifest = await encryptEnvironment(kms, {
      functionName: FUNCTION_NAME,
      keyId: keyArn,
      secrets: { DB_PASSWORD: 'example-db-password', API_TOKEN: 'example-api-token' },
      plain: { LOG_LEVEL: 'info' },
    });
    const file = path.join(dir, `${FUNCTION_NAME}.manifest.json`);
    writeManifest(file, manifest);
    say(`deployed ${FUNCTION_NAME}: ${file}, secrets ${manifest.encryptedVariables.join(', ')}`);

    // Start-up of the function.
    const variables = await loadFunctionEnvironment(kms, readManifest(file), FUNCTION_NAME);
    for (const [name, value] of Object.entries(variables)) {
      const shown = manifest.encryptedVariables.includes(name)
        ? `${value.length} characters`
        : value;
      say(`  ${FUNCTION_NAME} starts with ${name} = ${shown}`);
    }

    // Another function with the same manifest.
    const other = `${FUNCTION_NAME}-impostor`;
    const err = await loadFunctionEnvironment(kms, manifest, other).catch((e: unknown) => e);
    say(`${other} starting with it: ${isKmsError(err) ? err.code : 'decrypted (unexpected)'}`);

    await kms.scheduleKeyDeletion({ keyId: keyArn, pendingWindowInDays: 7 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    kms.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
  process.exit(1);
});
