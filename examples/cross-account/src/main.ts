// The pattern against `npm start`'s cluster: the dev account (A) shares a key
// with the second dev account (B); B uses it by ARN and cannot manage it.
import { createKeyholdClient } from '@keyhold/client';
import { outcome } from './outcome.js';
import { createSharedKey } from './share.js';
import { decryptWithSharedKey, describeSharedKey, encryptWithSharedKey } from './shared-key.js';

const env = process.env;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** `npm start`'s two dev accounts unless the environment names others. */
function account(prefix: 'A' | 'B', id: string, accessKeyId: string, secret: string) {
  return {
    id: env[`ACCOUNT_${prefix}_ID`] ?? id,
    kms: createKeyholdClient({
      credentials: {
        accessKeyId: env[`ACCOUNT_${prefix}_ACCESS_KEY_ID`] ?? accessKeyId,
        secretAccessKey: env[`ACCOUNT_${prefix}_SECRET_ACCESS_KEY`] ?? secret,
      },
      retry: { maxAttempts: 1 },
    }),
  };
}

async function main(): Promise<void> {
  const a = account('A', '111122223333', 'test', 'test');
  const b = account('B', '444455556666', 'alt', 'alt');
  try {
    const keyArn = await createSharedKey(a.kms, a.id, b.id, 'example: shared with account B');
    const aliasName = `alias/example-shared-${Date.now()}`;
    await a.kms.createAlias({ aliasName, targetKeyId: keyArn });
    say(`account ${a.id} created ${keyArn}, its key policy naming account ${b.id}`);

    const described = await describeSharedKey(b.kms, keyArn);
    say(`account ${b.id} sees it: ${described.keySpec}, enabled ${String(described.enabled)}`);
    const context = { tenant: 'example' };
    const blob = await encryptWithSharedKey(b.kms, keyArn, Buffer.from('hello from B'), context);
    const back = await decryptWithSharedKey(b.kms, keyArn, blob, context);
    say(`account ${b.id} encrypted ${blob.length} bytes and decrypted them: '${back.toString()}'`);

    // Named any other way, the key is looked up in B's own account.
    for (const keyId of [aliasName, keyArn.split('/').pop()!]) {
      say(`${keyId} from ${b.id}: ${await outcome(b.kms.encrypt({ keyId, plaintext: back }))}`);
    }
    const management = {
      PutKeyPolicy: () =>
        b.kms.putKeyPolicy({ keyId: keyArn, policyName: 'default', policy: '{}' }),
      ScheduleKeyDeletion: () =>
        b.kms.scheduleKeyDeletion({ keyId: keyArn, pendingWindowInDays: 7 }),
    };
    for (const [what, call] of Object.entries(management)) {
      say(`${what} from ${b.id}: ${await outcome(call())}`);
    }
    await a.kms.scheduleKeyDeletion({ keyId: keyArn, pendingWindowInDays: 7 });
    say(`account ${a.id} scheduled the example key for deletion in 7 days`);
  } finally {
    a.kms.close();
    b.kms.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
  process.exit(1);
});
