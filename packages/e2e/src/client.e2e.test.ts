import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyCache, createEnvelope, createKeyholdClient, isKmsError } from '@keyhold/client';
import type { DataKeyService, KeyholdClient } from '@keyhold/client';
import { findFreePort } from '@keyhold/testkit';
import { startTestCluster } from './support/test-cluster.js';
import type { TestCluster } from './support/test-cluster.js';

// @keyhold/client against the whole cluster through the gateway's native
// gRPC port: typed calls signed with SigV4, errors as KmsError, and the
// streaming envelope helper and `keyhold encrypt|decrypt` on top of it.

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const CREDS = { accessKeyId: 'sdk', secretAccessKey: 'sdk-secret' };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI_MAIN = path.join(ROOT, 'packages/cli/dist/main.js');
const MIB = 1024 * 1024;

let test: TestCluster;
let kms: KeyholdClient;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    expect(isKmsError(err)).toBe(true);
    return (err as { code: string }).code;
  }
}

/** `mib` MiB of deterministic bytes in 1 MiB chunks, hashed as they go out. */
function deterministic(mib: number): { source: AsyncGenerator<Buffer>; digest: () => string } {
  const hash = createHash('sha256');
  const base = createHash('sha512').update('client e2e').digest();
  async function* source(): AsyncGenerator<Buffer> {
    for (let i = 0; i < mib; i++) {
      const chunk = Buffer.allocUnsafe(MIB);
      for (let at = 0; at < MIB; at += base.length) base.copy(chunk, at);
      chunk.writeUInt32BE(i, 0);
      hash.update(chunk);
      yield chunk;
    }
  }
  return { source: source(), digest: () => hash.digest('hex') };
}

beforeAll(async () => {
  test = await startTestCluster({
    name: 'client',
    principals: [
      {
        arn: `arn:aws:iam::${ACCOUNT}:user/sdk`,
        ...CREDS,
        // No `policies`: the fixture writes one allowing every kms action.
      },
    ],
  });
  kms = createKeyholdClient({
    endpoint: test.cluster.addresses.gateway,
    region: REGION,
    credentials: CREDS,
  });
}, 120_000);

afterAll(async () => {
  kms?.close();
  await test?.stop();
});

describe('the typed native client', () => {
  it('manages keys, aliases, tags and rotation', async () => {
    const { keyMetadata } = await kms.createKey({ description: 'sdk e2e' });
    const keyId = keyMetadata!.keyId;
    expect(keyMetadata!.arn).toBe(`arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`);
    expect(keyMetadata!.keyState).toBe('Enabled');

    const listed = await kms.listKeys({});
    expect(listed.keys.map((k) => k.keyId)).toContain(keyId);

    await kms.updateKeyDescription({ keyId, description: 'renamed' });
    expect((await kms.describeKey({ keyId })).keyMetadata!.description).toBe('renamed');

    const aliasName = `alias/sdk-${randomUUID()}`;
    await kms.createAlias({ aliasName, targetKeyId: keyId });
    const aliases = await kms.listAliases({ keyId });
    expect(aliases.aliases.map((a) => a.aliasName)).toEqual([aliasName]);
    expect((await kms.describeKey({ keyId: aliasName })).keyMetadata!.keyId).toBe(keyId);

    await kms.tagResource({ keyId, tags: [{ tagKey: 'team', tagValue: 'sdk' }] });
    const tags = await kms.listResourceTags({ keyId });
    expect(tags.tags.map((t) => [t.tagKey, t.tagValue])).toEqual([['team', 'sdk']]);

    await kms.enableKeyRotation({ keyId });
    expect((await kms.getKeyRotationStatus({ keyId })).keyRotationEnabled).toBe(true);

    await kms.disableKey({ keyId });
    expect(await codeOf(kms.encrypt({ keyId, plaintext: Buffer.from('x') }))).toBe(
      'DisabledException',
    );
    await kms.enableKey({ keyId });

    const scheduled = await kms.scheduleKeyDeletion({ keyId, pendingWindowInDays: 7 });
    expect(scheduled.keyState).toBe('PendingDeletion');
    await kms.cancelKeyDeletion({ keyId });
    expect((await kms.describeKey({ keyId })).keyMetadata!.keyState).toBe('Disabled');
  });

  it('encrypts, decrypts, re-encrypts and generates data keys and random bytes', async () => {
    const a = (await kms.createKey({})).keyMetadata!;
    const b = (await kms.createKey({})).keyMetadata!;
    const plaintext = Buffer.from(`sdk plaintext ${randomBytes(8).toString('hex')}`);
    test.registerSecret(plaintext);
    const context = { app: 'sdk-e2e' };
    const enc = await kms.encrypt({ keyId: a.keyId, plaintext, encryptionContext: context });
    expect(enc.keyId).toBe(a.arn);
    const dec = await kms.decrypt({
      ciphertextBlob: enc.ciphertextBlob,
      encryptionContext: context,
    });
    expect(dec.plaintext.equals(plaintext)).toBe(true);
    expect(dec.keyId).toBe(a.arn);

    const re = await kms.reEncrypt({
      ciphertextBlob: enc.ciphertextBlob,
      sourceEncryptionContext: context,
      destinationKeyId: b.keyId,
    });
    expect(re.keyId).toBe(b.arn);
    expect((await kms.decrypt({ ciphertextBlob: re.ciphertextBlob })).plaintext).toEqual(plaintext);

    const dk = await kms.generateDataKey({ keyId: a.keyId, keySpec: 'AES_256' });
    test.registerSecret(dk.plaintext);
    expect(dk.plaintext).toHaveLength(32);
    const back = await kms.decrypt({ ciphertextBlob: dk.ciphertextBlob });
    expect(back.plaintext.equals(dk.plaintext)).toBe(true);

    const without = await kms.generateDataKeyWithoutPlaintext({
      keyId: a.keyId,
      numberOfBytes: 16,
    });
    expect((await kms.decrypt({ ciphertextBlob: without.ciphertextBlob })).plaintext).toHaveLength(
      16,
    );
    expect((await kms.generateRandom({ numberOfBytes: 24 })).plaintext).toHaveLength(24);
  });

  it('fails with KmsError named by the AWS exception, without retrying what cannot succeed', async () => {
    const missing = randomUUID();
    const err = await kms.describeKey({ keyId: missing }).catch((e: unknown) => e);
    expect(isKmsError(err, 'NotFoundException')).toBe(true);
    expect((err as Error).name).toBe('NotFoundException');
    expect((err as Error).message).toContain(missing);
    expect(
      await codeOf(kms.decrypt({ ciphertextBlob: Buffer.from('not a ciphertext blob') })),
    ).toBe('InvalidCiphertextException');
    expect(await codeOf(kms.generateRandom({ numberOfBytes: 5000 }))).toBe('ValidationException');

    const wrongSecret = createKeyholdClient({
      endpoint: test.cluster.addresses.gateway,
      region: REGION,
      credentials: { ...CREDS, secretAccessKey: 'wrong' },
    });
    try {
      expect(await codeOf(wrongSecret.listKeys({}))).toBe('InvalidSignatureException');
    } finally {
      wrongSecret.close();
    }
  });

  it('turns an unreachable endpoint into DependencyTimeoutException after its retries', async () => {
    const nowhere = createKeyholdClient({
      endpoint: `127.0.0.1:${await findFreePort()}`,
      credentials: CREDS,
      timeoutMs: 5_000,
      retry: { maxAttempts: 2, baseDelayMs: 10 },
    });
    try {
      expect(await codeOf(nowhere.listKeys({}))).toBe('DependencyTimeoutException');
    } finally {
      nowhere.close();
    }
  });
});

describe('envelope encryption through the cluster', () => {
  it('round-trips 0 bytes and 1 byte, and reuses cached data keys', async () => {
    const { keyId } = (await kms.createKey({})).keyMetadata!;
    const calls = { generateDataKey: 0, decrypt: 0 };
    const counted: DataKeyService = {
      generateDataKey: (r) => (calls.generateDataKey++, kms.generateDataKey(r)),
      decrypt: (r) => (calls.decrypt++, kms.decrypt(r)),
    };
    const envelope = createEnvelope(counted, { cache: new DataKeyCache({ maxMessages: 2 }) });
    const context = { purpose: 'sdk-e2e' };
    for (const size of [0, 1]) {
      const plaintext = randomBytes(size);
      const message = await envelope.encryptBuffer(plaintext, {
        keyId,
        encryptionContext: context,
      });
      expect((await envelope.decryptBuffer(message)).equals(plaintext)).toBe(true);
    }
    // Two messages under one data key (maxMessages 2), one Decrypt per data key.
    expect(calls).toEqual({ generateDataKey: 1, decrypt: 1 });
    await envelope.encryptBuffer(Buffer.from('third'), { keyId, encryptionContext: context });
    expect(calls.generateDataKey).toBe(2);
  });

  it('streams 100 MiB through encrypt and decrypt, compared by hash', async () => {
    const { keyId } = (await kms.createKey({})).keyMetadata!;
    const envelope = createEnvelope(kms);
    const input = deterministic(100);
    const output = createHash('sha256');
    let largest = 0;
    let total = 0;
    const sealed = envelope.encrypt(input.source, {
      keyId,
      encryptionContext: { object: 'big.bin' },
    });
    for await (const chunk of envelope.decrypt(sealed, {
      encryptionContext: { object: 'big.bin' },
    })) {
      output.update(chunk);
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    expect(total).toBe(100 * MIB);
    expect(largest).toBe(64 * 1024);
    expect(output.digest('hex')).toBe(input.digest());
  }, 120_000);

  it('keyhold encrypt and decrypt a file, and refuse a tampered one without leaving output', async () => {
    if (!fs.existsSync(CLI_MAIN)) throw new Error(`build the CLI first: ${CLI_MAIN}`);
    const dir = fs.mkdtempSync(path.join(test.dir, 'cli-'));
    const plain = path.join(dir, 'data.bin');
    const sealed = path.join(dir, 'data.bin.khe');
    const opened = path.join(dir, 'data.out');
    const data = randomBytes(3 * MIB + 17);
    fs.writeFileSync(plain, data);
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: CREDS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDS.secretAccessKey,
      AWS_REGION: REGION,
      KEYHOLD_GRPC_ENDPOINT: test.cluster.addresses.gateway,
    };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [CLI_MAIN, ...args, '--json'], { env, encoding: 'utf8' });
    const alias = `alias/cli-${randomUUID()}`;
    const { keyId } = (await kms.createKey({})).keyMetadata!;
    await kms.createAlias({ aliasName: alias, targetKeyId: keyId });
    const enc = cli(
      'encrypt',
      '--key-id',
      alias,
      '--context',
      'file=data.bin',
      '--in',
      plain,
      '--out',
      sealed,
    );
    expect(enc.stderr).toBe('');
    expect(enc.status).toBe(0);
    expect(JSON.parse(enc.stdout)).toMatchObject({ keyId: alias, bytesIn: data.length });

    const dec = cli('decrypt', '--context', 'file=data.bin', '--in', sealed, '--out', opened);
    expect(dec.status).toBe(0);
    expect(JSON.parse(dec.stdout)).toMatchObject({
      keyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
      encryptionContext: { file: 'data.bin' },
      bytesOut: data.length,
    });
    expect(fs.readFileSync(opened).equals(data)).toBe(true);

    const tampered = Buffer.from(fs.readFileSync(sealed));
    tampered[tampered.length - 100_000]! ^= 1;
    fs.writeFileSync(sealed, tampered);
    const bad = cli('decrypt', '--in', sealed, '--out', path.join(dir, 'never.out'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/EnvelopeError: Frame \d+ failed authentication/);
    expect(fs.readdirSync(dir).sort()).toEqual(['data.bin', 'data.bin.khe', 'data.out']);
  });
});
