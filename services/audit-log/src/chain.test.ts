import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, linkHash, startWalk, walkLinks } from './chain.js';
import type { StoredLink } from './chain.js';

const REGION = 'us-east-1';

function chain(n: number): StoredLink[] {
  const out: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const record = { eventID: `e${i}`, n: i, nested: { b: 1, a: [i, 'x'] } };
    const hash = linkHash(REGION, i, prev, record);
    out.push({
      sequence: BigInt(i),
      eventId: `e${i}`,
      prevHash: prev,
      hash,
      record,
      columnsMatch: true,
    });
    prev = hash;
  }
  return out;
}

const walk = (links: StoredLink[]) =>
  walkLinks(REGION, startWalk(links[0]?.sequence ?? 1n, GENESIS_HASH), links);

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: true })).toBe('{"b":true}');
  });

  it('is the same for the same value whatever the key order', () => {
    expect(canonicalJson(JSON.parse('{"x":1,"y":{"q":2,"p":3}}'))).toBe(
      canonicalJson({ y: { p: 3, q: 2 }, x: 1 }),
    );
  });
});

describe('walkLinks', () => {
  it('accepts an intact chain', () => {
    const links = chain(5);
    const state = startWalk(1n, GENESIS_HASH);
    expect(walkLinks(REGION, state, links)).toBeUndefined();
    expect(state.checked).toBe(5);
    expect(state.expected).toBe(6n);
  });

  it('names a modified record', () => {
    const links = chain(5);
    links[2] = { ...links[2]!, record: { ...(links[2]!.record as object), n: 99 } };
    expect(walk(links)).toMatchObject({ kind: 'modified', sequence: 3n, eventId: 'e3' });
  });

  it('names a record whose column was edited', () => {
    const links = chain(5);
    links[1] = { ...links[1]!, columnsMatch: false };
    expect(walk(links)).toMatchObject({ kind: 'modified', sequence: 2n, eventId: 'e2' });
  });

  it('names a record modified and re-hashed by the record after it', () => {
    const links = chain(5);
    const record = { ...(links[2]!.record as object), n: 99 };
    const hash = linkHash(REGION, 3, links[2]!.prevHash, record);
    links[2] = { ...links[2]!, record, hash };
    expect(walk(links)).toMatchObject({ kind: 'modified', sequence: 3n, eventId: 'e3' });
  });

  it('names the first missing sequence of a deletion', () => {
    const links = chain(5);
    links.splice(2, 1);
    expect(walk(links)).toMatchObject({ kind: 'deleted', sequence: 3n, eventId: 'e4' });
  });

  it('finds a deletion hidden by renumbering', () => {
    const links = chain(6);
    links.splice(2, 1);
    const moved = links.map((l, i) => ({ ...l, sequence: BigInt(i + 1) }));
    expect(walk(moved)).toMatchObject({ kind: 'deleted', sequence: 3n, eventId: 'e4' });
  });

  it('names an inserted record, forged hash or not', () => {
    for (const forge of [false, true]) {
      const links = chain(5);
      const record = { eventID: 'forged', n: 0 };
      const prevHash = links[1]!.hash;
      const hash = forge ? linkHash(REGION, 3, prevHash, record) : Buffer.alloc(32, 7);
      const inserted: StoredLink = {
        sequence: 3n,
        eventId: 'forged',
        prevHash,
        hash,
        record,
        columnsMatch: true,
      };
      const after = links.slice(2).map((l) => ({ ...l, sequence: l.sequence + 1n }));
      const tampered = [...links.slice(0, 2), inserted, ...after];
      expect(walk(tampered), `forged=${forge}`).toMatchObject({
        kind: 'inserted',
        sequence: 3n,
        eventId: 'forged',
      });
    }
  });

  it('carries its state across pages', () => {
    const links = chain(6);
    const state = startWalk(1n, GENESIS_HASH);
    expect(walkLinks(REGION, state, links.slice(0, 3), links[3])).toBeUndefined();
    expect(walkLinks(REGION, state, links.slice(3))).toBeUndefined();
    expect(state.checked).toBe(6);
  });

  it('ties a hash to its region and sequence', () => {
    const r = { a: 1 };
    const h = linkHash(REGION, 1, GENESIS_HASH, r);
    expect(linkHash('eu-west-1', 1, GENESIS_HASH, r).equals(h)).toBe(false);
    expect(linkHash(REGION, 2, GENESIS_HASH, r).equals(h)).toBe(false);
  });
});
