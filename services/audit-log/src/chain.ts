import { createHash } from 'node:crypto';

/** prev_hash of a region's first record. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * JSON with object keys sorted at every level and no whitespace, so that a
 * record read back from Postgres (jsonb reorders keys) serialises to the same
 * bytes it was hashed from. Only JSON values are expected. On the ingest hot
 * path: plain loops and string concatenation, no intermediate arrays.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    // undefined and functions have no JSON form; null keeps the output valid JSON.
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does on strings.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const k of keys) {
    const v = object[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

type Encoder = (value: unknown) => string;

/**
 * `canonicalJson` specialised for objects of a known shape: the keys are
 * sorted and quoted once, not per value. Any value not of that shape (an
 * unknown key, not an object) goes to `canonicalJson`, so the output is the
 * same for every input.
 */
function shaped(keys: readonly string[], fields: Readonly<Record<string, Encoder>> = {}): Encoder {
  const sorted = [...keys].sort();
  const labels = sorted.map((k) => `${JSON.stringify(k)}:`);
  const encoders = sorted.map((k) => fields[k] ?? canonicalJson);
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return canonicalJson(value);
    }
    const object = value as Record<string, unknown>;
    let own = 0;
    for (const k in object) if (Object.hasOwn(object, k)) own += 1;
    let known = 0;
    let out = '{';
    for (let i = 0; i < sorted.length; i++) {
      const k = sorted[i]!;
      if (!Object.hasOwn(object, k)) continue;
      known += 1;
      const v = object[k];
      if (v === undefined) continue;
      if (out.length > 1) out += ',';
      out += labels[i]! + encoders[i]!(v);
    }
    return known === own ? `${out}}` : canonicalJson(value);
  };
}

const arrayOf =
  (encode: Encoder): Encoder =>
  (value) => {
    if (!Array.isArray(value)) return canonicalJson(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += encode(value[i]);
    }
    return `${out}]`;
  };

/**
 * `encode` remembering its last object: the records of a version-2 batch
 * share the members they did not change (read-only from decoding on), so a
 * shared member is encoded once per run of records, not once per record.
 */
function lastOne(encode: Encoder): Encoder {
  let last: object | undefined;
  let json = '';
  return (value) => {
    if (typeof value !== 'object' || value === null) return encode(value);
    if (value !== last) {
      json = encode(value);
      last = value;
    }
    return json;
  };
}

/**
 * `canonicalJson` of an audit record, about twice as fast for the record
 * shape (it runs once per record ingested); any other value is encoded
 * exactly as `canonicalJson` would.
 */
export const canonicalRecordJson: Encoder = shaped(
  [
    'eventVersion',
    'userIdentity',
    'eventTime',
    'eventSource',
    'eventName',
    'awsRegion',
    'sourceIPAddress',
    'userAgent',
    'requestParameters',
    'responseElements',
    'errorCode',
    'errorMessage',
    'requestID',
    'eventID',
    'readOnly',
    'resources',
    'eventType',
    'managementEvent',
    'eventCategory',
    'recipientAccountId',
  ],
  {
    userIdentity: shaped(['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'invokedBy']),
    resources: arrayOf(shaped(['accountId', 'type', 'ARN'])),
    requestParameters: lastOne(canonicalJson),
    responseElements: lastOne(canonicalJson),
  },
);

/**
 * The hash of one chain link, from the record's canonical JSON. Region and
 * sequence are hashed with the record, so a record moved to another position
 * or chain no longer matches.
 */
export function linkHashOfJson(
  region: string,
  sequence: bigint | number | string,
  prevHash: Buffer,
  canonical: string | Uint8Array,
): Buffer {
  return createHash('sha256')
    .update(`keyhold-audit-v1\n${region}\n${String(sequence)}\n${prevHash.toString('hex')}\n`)
    .update(canonical)
    .digest();
}

/** The hash of one chain link (see {@link linkHashOfJson}). */
export function linkHash(
  region: string,
  sequence: bigint | number | string,
  prevHash: Buffer,
  record: unknown,
): Buffer {
  return linkHashOfJson(region, sequence, prevHash, canonicalJson(record));
}

/** One stored link as verification reads it. */
export interface StoredLink {
  readonly sequence: bigint;
  readonly eventId: string;
  readonly prevHash: Buffer;
  readonly hash: Buffer;
  readonly record: unknown;
  /** False when the indexed columns disagree with the record (an edit of a column). */
  readonly columnsMatch: boolean;
}

export const PROBLEM_KINDS = {
  Modified: 'modified',
  Deleted: 'deleted',
  Inserted: 'inserted',
  Digest: 'digest',
} as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[keyof typeof PROBLEM_KINDS];

export interface ChainProblem {
  readonly kind: ProblemKind;
  readonly sequence: bigint;
  readonly eventId: string;
  readonly detail: string;
}

/** Where the walk resumes from: the last good link and the one before it. */
export interface WalkState {
  /** Sequence the next link must have. */
  expected: bigint;
  /** Hash the next link must point back to. */
  prevHash: Buffer;
  /** The prev_hash of the last good link: lets an inserted link be told from a modified one. */
  prevPrevHash: Buffer | undefined;
  /** The last good link, kept until the next one confirms it was not inserted. */
  last: StoredLink | undefined;
  checked: number;
}

export function startWalk(firstSequence: bigint, prevHash: Buffer): WalkState {
  return {
    expected: firstSequence,
    prevHash,
    prevPrevHash: undefined,
    last: undefined,
    checked: 0,
  };
}

const selfConsistent = (region: string, l: StoredLink, sequence = l.sequence): boolean =>
  linkHash(region, sequence, l.prevHash, l.record).equals(l.hash);

/** How far a renumbered link is searched for, when records were deleted and the rest moved down. */
const MAX_RENUMBER = 1_000n;

/**
 * Checks the next links of a region's chain, in sequence order, and returns
 * the first problem, or undefined. `next` is the link after `links`, if any.
 * At the first link that breaks:
 * - a sequence gap: the records in between were deleted;
 * - a link whose content does not match its hash (or whose indexed columns do
 *   not match its content) while the link after it points back over it: it
 *   was inserted; otherwise it was modified;
 * - a link pointing back to a hash that is not the previous link's:
 *   - to the one before the previous link: the previous link was inserted;
 *   - with its own hash intact: the previous link was modified and re-hashed;
 *   - with its hash intact for a higher sequence: records before it were
 *     deleted and the rest renumbered down.
 */
export function walkLinks(
  region: string,
  state: WalkState,
  links: readonly StoredLink[],
  next?: StoredLink,
): ChainProblem | undefined {
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    const after = links[i + 1] ?? next;
    if (l.sequence !== state.expected) {
      return l.sequence < state.expected
        ? {
            kind: 'inserted',
            sequence: l.sequence,
            eventId: l.eventId,
            detail: `sequence ${l.sequence} appears twice or out of order`,
          }
        : {
            kind: 'deleted',
            sequence: state.expected,
            eventId: l.eventId,
            detail: `records ${state.expected}..${l.sequence - 1n} are missing before this record`,
          };
    }
    const linked = l.prevHash.equals(state.prevHash);
    const consistent = l.columnsMatch && selfConsistent(region, l);
    if (linked && consistent) {
      state.prevPrevHash = state.prevHash;
      state.prevHash = l.hash;
      state.last = l;
      state.expected = l.sequence + 1n;
      state.checked += 1;
      continue;
    }
    if (linked) {
      return after?.prevHash.equals(state.prevHash)
        ? {
            kind: 'inserted',
            sequence: l.sequence,
            eventId: l.eventId,
            detail: 'the next record links over this one to the record before it',
          }
        : {
            kind: 'modified',
            sequence: l.sequence,
            eventId: l.eventId,
            detail: l.columnsMatch
              ? 'the stored hash does not match the record'
              : 'the indexed columns do not match the record',
          };
    }
    const last = state.last;
    if (last && state.prevPrevHash && l.prevHash.equals(state.prevPrevHash)) {
      return {
        kind: 'inserted',
        sequence: last.sequence,
        eventId: last.eventId,
        detail: 'the next record links over this one to the record before it',
      };
    }
    if (consistent && last) {
      return {
        kind: 'modified',
        sequence: last.sequence,
        eventId: last.eventId,
        detail: 'the record and its hash were changed: the next record links to its old hash',
      };
    }
    if (l.columnsMatch) {
      for (let k = 1n; k <= MAX_RENUMBER; k++) {
        if (selfConsistent(region, l, l.sequence + k)) {
          return {
            kind: 'deleted',
            sequence: l.sequence,
            eventId: l.eventId,
            detail: `${k} record(s) before this one were deleted and the rest renumbered`,
          };
        }
      }
    }
    return {
      kind: consistent ? 'deleted' : 'modified',
      sequence: l.sequence,
      eventId: l.eventId,
      detail: consistent
        ? 'this record links back to a record that is no longer stored'
        : 'the record does not match its hash or its link',
    };
  }
  return undefined;
}
