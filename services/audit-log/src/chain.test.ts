import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  canonicalRecordJson,
  linkHash,
  linkHashOfJson,
  startWalk,
  walkLinks,
} from './chain.js';
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

/** The definition canonicalJson must keep to: stored hashes were made with it. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const identity = {
  type: 'IAMUser',
  principalId: 'AIDA',
  arn: 'arn:aws:iam::111122223333:user/u',
  accountId: '111122223333',
  accessKeyId: 'AKIA',
};
const auditRecord = {
  eventVersion: '2.0',
  userIdentity: identity,
  eventTime: '2024-06-01T12:00:00.000Z',
  eventSource: 'kms.amazonaws.com',
  eventName: 'Encrypt',
  awsRegion: 'us-east-1',
  sourceIPAddress: '127.0.0.1',
  userAgent: 'ua "quoted" \\ \t ü 😀',
  requestParameters: { keyId: 'k', encryptionContext: { b: '1', a: '2', 10: 'x', 9: 'y' } },
  responseElements: null,
  requestID: 'r',
  eventID: 'e',
  readOnly: true,
  resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: 'arn:k' }],
  eventType: 'AwsApiCall',
  managementEvent: false,
  eventCategory: 'Data',
  recipientAccountId: '111122223333',
};

describe('canonicalRecordJson', () => {
  it.each([
    ['a record', auditRecord],
    ['a failed record', { ...auditRecord, errorCode: 'X', errorMessage: 'm' }],
    ['a record with an undefined field', { ...auditRecord, errorCode: undefined }],
    ['an unknown top-level field', { ...auditRecord, extra: { z: 1, a: [2] } }],
    [
      'an unknown identity field',
      { ...auditRecord, userIdentity: { ...identity, sessionContext: {} } },
    ],
    ['a missing field', { ...auditRecord, userIdentity: { type: 'Unknown' }, resources: [] }],
    ['resources not an array', { ...auditRecord, resources: { ARN: 'a' } }],
    ['a resource not an object', { ...auditRecord, resources: ['arn', null, 1] }],
    ['numeric keys', { 2: 'b', 10: 'a', awsRegion: 'x' }],
    ['not an object', [1, 'a', null]],
    ['a string', 'x\ny'],
    ['null', null],
  ])('is canonicalJson, for %s', (_, value) => {
    expect(canonicalRecordJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('is canonicalJson for records sharing, then not sharing, their members', () => {
    const shared = { keyId: 'k', encryptionContext: { b: '1', a: '2' } };
    const records = [
      { ...auditRecord, requestParameters: shared, requestID: '1' },
      { ...auditRecord, requestParameters: shared, requestID: '2' },
      { ...auditRecord, requestParameters: { keyId: 'other' }, requestID: '3' },
      { ...auditRecord, requestParameters: shared, responseElements: { keyId: 'x' } },
      { ...auditRecord, requestParameters: null },
      { ...auditRecord, requestParameters: shared },
    ];
    for (const r of records) expect(canonicalRecordJson(r)).toBe(reference(r));
  });

  it('hashes the same from the JSON text as from the record', () => {
    const text = canonicalRecordJson(auditRecord);
    const h = linkHash(REGION, 7, GENESIS_HASH, auditRecord);
    expect(linkHashOfJson(REGION, 7n, GENESIS_HASH, text).equals(h)).toBe(true);
    expect(linkHashOfJson(REGION, '7', GENESIS_HASH, Buffer.from(text)).equals(h)).toBe(true);
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
