import { describe, expect, it } from 'vitest';
import { createEnvelope } from '../envelope/envelope.js';
import { FakeKms } from '../testing/fake-kms.js';
import { DataKeyCache, decryptPartition, encryptPartition } from './data-key-cache.js';
import type { DataKeyCacheOptions } from './data-key-cache.js';

const KEY = 'orders';

function fakeClock(start = 1_000_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

function setup(options: DataKeyCacheOptions) {
  const clock = fakeClock();
  const kms = new FakeKms();
  const cache = new DataKeyCache({ now: clock.now, ...options });
  const envelope = createEnvelope(kms, { cache, frameSize: 16 });
  const encrypt = (size: number, context: Record<string, string> = {}, keyId = KEY) =>
    envelope.encryptBuffer(Buffer.alloc(size, 1), { keyId, encryptionContext: context });
  return { clock, kms, cache, envelope, encrypt };
}

const materials = (n: number) => ({
  dataKey: Buffer.alloc(32, n),
  encryptedDataKey: Buffer.from([n]),
  keyId: `key-${n}`,
});

describe('DataKeyCache for encryption', () => {
  it('reuses one data key for at most maxMessages messages', async () => {
    const { kms, encrypt } = setup({ maxMessages: 3 });
    for (let i = 0; i < 7; i++) await encrypt(10);
    expect(kms.calls.generateDataKey).toBe(3);
  });

  it('reuses one data key for at most maxBytes plaintext bytes', async () => {
    const { kms, encrypt } = setup({ maxBytes: 250 });
    for (let i = 0; i < 5; i++) await encrypt(100);
    // 100 + 100 fit in 250, a third would not: keys for messages 1-2, 3-4, 5.
    expect(kms.calls.generateDataKey).toBe(3);
    await encrypt(251);
    await encrypt(251);
    expect(kms.calls.generateDataKey).toBe(5);
  });

  it('never uses an entry at or past maxAgeMs', async () => {
    const { kms, clock, encrypt } = setup({ maxAgeMs: 1000 });
    await encrypt(1);
    clock.t += 999;
    await encrypt(1);
    expect(kms.calls.generateDataKey).toBe(1);
    clock.t += 1;
    await encrypt(1);
    expect(kms.calls.generateDataKey).toBe(2);
  });

  it('keeps keys apart by key id and encryption context', async () => {
    const { kms, encrypt } = setup({});
    await encrypt(1, { a: '1' });
    await encrypt(1, { a: '1' });
    await encrypt(1, { a: '2' });
    await encrypt(1, { a: '1' }, 'other');
    await encrypt(1, { a: '1', b: '' });
    expect(kms.calls.generateDataKey).toBe(4);
    expect(encryptPartition(KEY, { a: '1', b: '2' })).toBe(
      encryptPartition(KEY, { b: '2', a: '1' }),
    );
    expect(encryptPartition('ab', { c: 'd' })).not.toBe(encryptPartition('a', { bc: 'd' }));
  });

  it('holds at most capacity entries, dropping the least recently used', () => {
    const clock = fakeClock();
    const cache = new DataKeyCache({ capacity: 2, now: clock.now });
    cache.putForEncrypt('a', materials(1), 1);
    cache.putForEncrypt('b', materials(2), 1);
    expect(cache.takeForEncrypt('a', 1)?.keyId).toBe('key-1');
    cache.putForEncrypt('c', materials(3), 1);
    expect(cache.size).toBe(2);
    expect(cache.takeForEncrypt('b', 1)).toBeUndefined();
    expect(cache.takeForEncrypt('a', 1)?.keyId).toBe('key-1');
    expect(cache.takeForEncrypt('c', 1)?.keyId).toBe('key-3');
  });

  it('hands out copies: zeroing one leaves the cached key intact', () => {
    const cache = new DataKeyCache({});
    const put = materials(9);
    cache.putForEncrypt('a', put, 1);
    put.dataKey.fill(0);
    const first = cache.takeForEncrypt('a', 1)!;
    first.dataKey.fill(0);
    expect(cache.takeForEncrypt('a', 1)!.dataKey).toEqual(Buffer.alloc(32, 9));
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not cache when the plaintext length is unknown (streaming without plaintextLength)', async () => {
    const { kms, envelope } = setup({});
    for (let i = 0; i < 2; i++) {
      for await (const _ of envelope.encrypt([Buffer.from('x')], { keyId: KEY }));
    }
    expect(kms.calls.generateDataKey).toBe(2);
  });

  it('gives messages under a cached key distinct ciphertexts that all decrypt', async () => {
    const { kms, envelope, encrypt } = setup({});
    const one = await encrypt(40);
    const two = await encrypt(40);
    expect(kms.calls.generateDataKey).toBe(1);
    expect(one.equals(two)).toBe(false);
    expect(await envelope.decryptBuffer(one)).toEqual(Buffer.alloc(40, 1));
    expect(await envelope.decryptBuffer(two)).toEqual(Buffer.alloc(40, 1));
  });
});

describe('DataKeyCache for decryption', () => {
  it('serves repeated Decrypts of one encrypted data key until maxAgeMs', async () => {
    const { kms, clock, envelope, encrypt } = setup({ maxAgeMs: 1000 });
    const message = await encrypt(5);
    for (let i = 0; i < 3; i++) await envelope.decryptBuffer(message);
    expect(kms.calls.decrypt).toBe(1);
    clock.t += 1000;
    await envelope.decryptBuffer(message);
    expect(kms.calls.decrypt).toBe(2);
  });

  it('keys entries by key id, context and encrypted data key', () => {
    const edk = Buffer.from([1, 2, 3]);
    const base = decryptPartition('k', { a: 'b' }, edk);
    expect(decryptPartition('k', { a: 'c' }, edk)).not.toBe(base);
    expect(decryptPartition('k2', { a: 'b' }, edk)).not.toBe(base);
    expect(decryptPartition('k', { a: 'b' }, Buffer.from([1, 2]))).not.toBe(base);
    expect(decryptPartition('k', { a: 'b' }, edk)).toBe(base);
  });

  it('rejects limits that are not positive', () => {
    expect(() => new DataKeyCache({ maxMessages: 0 })).toThrow(RangeError);
    expect(() => new DataKeyCache({ maxAgeMs: -1 })).toThrow(RangeError);
  });
});
