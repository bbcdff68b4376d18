import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyringError, RootKeyring, loadKeyring, parseKeyring } from './keyring.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const doc = (d: unknown) => JSON.stringify(d);

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KeyringError);
    return (err as Error).message;
  }
  return 'no error';
}

describe('parseKeyring', () => {
  it('parses a valid keyring', () => {
    const ring = parseKeyring(doc({ current: 2, keys: { '1': k1, '2': k2 } }));
    expect(ring.currentVersion).toBe(2);
    expect(ring.versions).toEqual([1, 2]);
  });

  it('refuses bad documents without quoting them', () => {
    const bad = `{"current": 1, "keys": {"1": "${k1}"`;
    const msg = problem(() => parseKeyring(bad));
    expect(msg).toMatch(/not valid JSON/);
    expect(msg).not.toContain(k1.slice(0, 8));
    expect(problem(() => parseKeyring('[]'))).toMatch(/JSON object/);
    expect(problem(() => parseKeyring(doc({ current: 0, keys: { '1': k1 } })))).toMatch(
      /"current"/,
    );
    expect(problem(() => parseKeyring(doc({ current: 1, keys: {} })))).toMatch(/at least one/);
    expect(problem(() => parseKeyring(doc({ current: 1, keys: [] })))).toMatch(/"keys"/);
    expect(problem(() => parseKeyring(doc({ current: 3, keys: { '1': k1 } })))).toMatch(
      /no key with that version/,
    );
    expect(problem(() => parseKeyring(doc({ current: 1, keys: { '01': k1 } })))).toMatch(
      /key version "01"/,
    );
    expect(problem(() => parseKeyring(doc({ current: 1, keys: { x: k1 } })))).toMatch(
      /key version "x"/,
    );
    expect(problem(() => parseKeyring(doc({ current: 1, keys: { '1': 'not base64!' } })))).toMatch(
      /base64/,
    );
    expect(problem(() => parseKeyring(doc({ current: 1, keys: { '1': 42 } })))).toMatch(/base64/);
    const short = randomBytes(16).toString('base64');
    const msg2 = problem(() => parseKeyring(doc({ current: 1, keys: { '1': short } })));
    expect(msg2).toMatch(/32 bytes, got 16/);
    expect(msg2).not.toContain(short);
  });

  it('reports every problem at once', () => {
    const msg = problem(() => parseKeyring(doc({ current: 'one', keys: { '1': 'x', y: k1 } })));
    expect(msg).toMatch(/"current"/);
    expect(msg).toMatch(/key version 1 must be a base64/);
    expect(msg).toMatch(/key version "y"/);
  });
});

describe('loadKeyring', () => {
  it('wants exactly one source', () => {
    expect(problem(() => loadKeyring({}))).toMatch(/exactly one/);
    expect(
      problem(() => loadKeyring({ inline: doc({ current: 1, keys: { '1': k1 } }), file: '/x' })),
    ).toMatch(/exactly one/);
    expect(loadKeyring({ inline: doc({ current: 1, keys: { '1': k1 } }) }).currentVersion).toBe(1);
  });
});

describe('RootKeyring', () => {
  const ring = parseKeyring(doc({ current: 1, keys: { '1': k1 } }));

  it('wraps and unwraps, naming the root version', () => {
    const material = randomBytes(32);
    const wrapped = ring.wrap(material);
    expect(RootKeyring.rootVersionOf(wrapped)).toBe(1);
    expect(wrapped.includes(material)).toBe(false);
    expect(ring.unwrap(wrapped)).toEqual(material);
  });

  it('binds associated data', () => {
    const material = randomBytes(32);
    const wrapped = ring.wrap(material, Buffer.from('key-a/1'));
    expect(ring.unwrap(wrapped, Buffer.from('key-a/1'))).toEqual(material);
    expect(() => ring.unwrap(wrapped, Buffer.from('key-b/1'))).toThrow(KeyringError);
    expect(() => ring.unwrap(wrapped)).toThrow(KeyringError);
  });

  it('rejects every tampered byte', () => {
    const wrapped = ring.wrap(randomBytes(32));
    for (let i = 0; i < wrapped.length; i++) {
      const t = Buffer.from(wrapped);
      t[i] = t[i]! ^ 0x01;
      expect(() => ring.unwrap(t), `byte ${i}`).toThrow(KeyringError);
    }
    expect(() => ring.unwrap(wrapped.subarray(0, 20))).toThrow(/malformed/);
  });

  it('keeps old root versions for unwrapping after rotation', () => {
    const material = randomBytes(32);
    const wrappedV1 = ring.wrap(material);
    const rotated = parseKeyring(doc({ current: 2, keys: { '1': k1, '2': k2 } }));
    expect(rotated.unwrap(wrappedV1)).toEqual(material);
    const wrappedV2 = rotated.wrap(material);
    expect(RootKeyring.rootVersionOf(wrappedV2)).toBe(2);
    expect(() => ring.unwrap(wrappedV2)).toThrow(/version 2, which is not in the keyring/);
  });

  it('never shows root key bytes in JSON, strings or inspect', () => {
    const hex = Buffer.from(k1, 'base64').toString('hex');
    for (const shown of [
      JSON.stringify(ring),
      String(ring),
      inspect(ring, { showHidden: true, depth: 10 }),
      `${ring}`,
    ]) {
      expect(shown).not.toContain(k1);
      expect(shown).not.toContain(hex);
      expect(shown).not.toContain(hex.slice(0, 2 * 8));
    }
    expect(JSON.parse(JSON.stringify(ring))).toEqual({ currentVersion: 1, versions: [1] });
  });
});
