import { z } from 'zod';
import { AUDIT_OUTCOMES } from '@keyhold/bus';
import type { AuditRecord } from '@keyhold/bus';
import { parseKeyArn } from '@keyhold/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Over-long free text is cut rather than dropping the record: losing an audit
// record is worse than a truncated user agent.
// NUL is cut too: Postgres text cannot hold it, and a row Postgres refuses
// would be retried forever.
const text = (max: number) =>
  z.string().transform((s) => {
    const clean = s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
    return clean.length > max ? clean.slice(0, max) : clean;
  });
// Years 1970..9999: what both Date and timestamptz print as plain ISO-8601.
const MAX_TIME = Date.UTC(10_000, 0, 1);
const isoTime = z.string().refine((s) => {
  const t = Date.parse(s);
  return t >= 0 && t < MAX_TIME;
}, 'must be an ISO-8601 time');
const json = z.record(z.string(), z.unknown());

const recordSchema = z.object({
  eventId: z.string().regex(UUID, 'must be a UUID'),
  requestId: text(128),
  eventTime: isoTime,
  eventName: text(128),
  region: text(64),
  accountId: text(64),
  principalArn: text(2048),
  accessKeyId: text(128),
  sourceIp: text(128),
  userAgent: text(1024),
  keyArn: text(2048),
  keyId: text(2048),
  outcome: z.enum(Object.values(AUDIT_OUTCOMES) as [string, ...string[]]),
  errorCode: text(128),
  errorMessage: text(2048),
  requestParameters: json,
  responseElements: json,
  service: text(64),
});

const batchSchema = z.object({
  batchId: z.string().min(1).max(256),
  records: z.array(z.unknown()).max(10_000),
});

/** A record as stored: times normalised, key id always the bare id when the ARN names it. */
export type StoredRecord = Omit<AuditRecord, 'outcome'> & { readonly outcome: string };

export interface DecodedBatch {
  readonly batchId: string;
  readonly records: readonly StoredRecord[];
  /** Records dropped for failing validation; the rest of the batch is kept. */
  readonly rejected: number;
}

/** A message that can never be stored; it is acked and logged, never retried. */
export class PoisonMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoisonMessageError';
  }
}

/** The bare key id from a key id or a key ARN. */
export function bareKeyId(value: string): string {
  return parseKeyArn(value)?.keyId ?? value;
}

/** Parses one JetStream message body as an AuditBatch. Throws PoisonMessageError when it is not one. */
export function decodeBatch(data: Uint8Array): DecodedBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    throw new PoisonMessageError('not JSON');
  }
  const batch = batchSchema.safeParse(raw);
  if (!batch.success) throw new PoisonMessageError('not an audit batch');
  const records: StoredRecord[] = [];
  let rejected = 0;
  for (const candidate of batch.data.records) {
    const parsed = recordSchema.safeParse(candidate);
    if (!parsed.success) {
      rejected += 1;
      continue;
    }
    const r = parsed.data;
    records.push({
      ...r,
      eventId: r.eventId.toLowerCase(),
      eventTime: new Date(r.eventTime).toISOString(),
      keyId: bareKeyId(r.keyId || r.keyArn),
    });
  }
  return { batchId: batch.data.batchId, records, rejected };
}
