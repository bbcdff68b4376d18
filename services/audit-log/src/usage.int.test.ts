import { randomUUID } from 'node:crypto';
import { AUDIT_EVENT_VERSION } from '@keyhold/bus';
import type { AuditRecord } from '@keyhold/bus';
import { createLogger, isKmsError } from '@keyhold/core';
import {
  createAuditLogClient,
  implement,
  serviceDefinitions,
  startGrpcServer,
} from '@keyhold/proto';
import type { AuditLogMethods, Client, GrpcServerHandle } from '@keyhold/proto';
import { testDatabase } from '@keyhold/testkit';
import type { TestDatabase } from '@keyhold/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './schema.js';
import { loadSigningKey } from './signing.js';
import { appendRecords, prepareRecord } from './store.js';
import { countRequests } from './usage.js';

const A = '111122223333';
const B = '444455556666';
const logger = createLogger({ service: 'audit-log-test', level: 'silent' });
const epoch = (iso: string) => Date.parse(iso) / 1000;

let db: TestDatabase;
let server: GrpcServerHandle;
let client: Client<AuditLogMethods>;

/** `n` audited calls of `eventName` by `account` at `time`, failing with `errorCode` when given. */
function calls(n: number, account: string, eventName: string, time: string, errorCode?: string) {
  return Array.from({ length: n }, (): AuditRecord => ({
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDA',
      arn: `arn:aws:iam::${account}:user/u`,
      accountId: account,
      accessKeyId: 'AKIA',
    },
    eventTime: time,
    eventSource: 'kms.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '127.0.0.1',
    userAgent: 'vitest',
    requestParameters: null,
    responseElements: null,
    ...(errorCode ? { errorCode, errorMessage: 'no' } : {}),
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: false,
    resources: [],
    eventType: 'AwsApiCall',
    managementEvent: eventName !== 'Encrypt',
    eventCategory: eventName === 'Encrypt' ? 'Data' : 'Management',
    recipientAccountId: account,
  }));
}

beforeAll(async () => {
  db = await testDatabase();
  await migrate(db.sql);
  const signingKey = await loadSigningKey(db.sql, undefined);
  const records = [
    ...calls(5, A, 'Encrypt', '2026-11-03T10:00:00.000Z'),
    ...calls(2, A, 'Encrypt', '2026-11-30T23:59:59.999Z', 'AccessDeniedException'),
    ...calls(3, A, 'Encrypt', '2026-11-15T00:00:00.000Z', 'ThrottlingException'),
    ...calls(1, A, 'CreateKey', '2026-11-01T00:00:00.000Z', 'LimitExceededException'),
    ...calls(4, B, 'Decrypt', '2026-11-20T00:00:00.000Z'),
    // Outside November: the last instant of October and the first of December.
    ...calls(1, A, 'Encrypt', '2026-10-31T23:59:59.999Z'),
    ...calls(1, B, 'Decrypt', '2026-12-01T00:00:00.000Z'),
  ];
  await appendRecords(db.sql, records.map(prepareRecord), { signingKey, digestEvery: 1000 });
  server = await startGrpcServer('127.0.0.1:0', [
    [
      serviceDefinitions().auditLog,
      implement({ CountRequests: async (req) => countRequests(db.sql, req) }, { logger }),
    ],
  ]);
  client = createAuditLogClient(server.address);
});

afterAll(async () => {
  client?.close();
  await server?.close(1000);
  await db?.drop();
});

describe('CountRequests', () => {
  const november = {
    startTime: epoch('2026-11-01T00:00:00Z'),
    endTime: epoch('2026-12-01T00:00:00Z'),
  };

  it('counts the window’s requests by caller account and event name, with outcomes', async () => {
    const { counts } = await client.CountRequests(november);
    expect(counts).toEqual([
      {
        accountId: A,
        eventName: 'CreateKey',
        requests: '1',
        denied: '0',
        throttled: '0',
        failed: '1',
      },
      {
        accountId: A,
        eventName: 'Encrypt',
        requests: '10',
        denied: '2',
        throttled: '3',
        failed: '0',
      },
      {
        accountId: B,
        eventName: 'Decrypt',
        requests: '4',
        denied: '0',
        throttled: '0',
        failed: '0',
      },
    ]);
  });

  it('filters by account', async () => {
    const { counts } = await client.CountRequests({ ...november, accountId: B });
    expect(counts.map((c) => [c.accountId, c.eventName, c.requests])).toEqual([
      [B, 'Decrypt', '4'],
    ]);
  });

  // Plans depend on the table: these run on a year of 20,000 rows as wide as
  // real records (~900 bytes; with narrow rows Postgres rightly prefers the
  // heap), in 2025 so that they count in no window the tests above ask about.
  describe('plans on a realistic table', () => {
    beforeAll(async () => {
      await db.sql.unsafe(`
        INSERT INTO audit.records (region, sequence, event_id, request_id, event_time, event_name,
          account_id, principal_arn, key_arn, key_id, error_code, event_category,
          recipient_account_id, record, prev_hash, hash)
        SELECT 'eu-north-9', n, gen_random_uuid(), gen_random_uuid()::text,
          '2025-01-01'::timestamptz + n * interval '26 minutes',
          (ARRAY['Encrypt', 'Decrypt', 'CreateKey'])[1 + n % 3], '${A}',
          'arn:aws:iam::${A}:user/u' || (n % 50), '', 'k' || (n % 200),
          CASE WHEN n % 10 = 0 THEN 'AccessDeniedException' ELSE '' END, 'Data', '${A}',
          '{"pad":"' || repeat('x', 900) || '"}',
          decode('00', 'hex'), decode('00', 'hex')
        FROM generate_series(1, 20000) AS n`);
      await db.sql`VACUUM ANALYZE audit.records`;
    });

    it('meters a month from the time index alone', async () => {
      const plan = await db.sql.unsafe(
        `EXPLAIN SELECT account_id, event_name, count(*) FROM audit.records
         WHERE event_time >= '2025-03-01' AND event_time < '2025-04-01' GROUP BY 1, 2`,
      );
      expect(JSON.stringify(plan)).toContain('Index Only Scan using records_time_idx');
    });

    it('pages an unfiltered lookup newest first from the same index, read backwards', async () => {
      const plan = await db.sql.unsafe(
        `EXPLAIN SELECT id, record FROM audit.records
         WHERE (event_time, id) < ('2025-06-01'::timestamptz, 1000::bigint)
         ORDER BY event_time DESC, id DESC LIMIT 11`,
      );
      expect(JSON.stringify(plan)).toContain('Index Scan Backward using records_time_idx');
    });
  });

  it('refuses an empty window', async () => {
    const err = await client
      .CountRequests({ startTime: november.endTime, endTime: november.startTime })
      .catch((e: unknown) => e);
    expect(isKmsError(err, 'ValidationException')).toBe(true);
  });
});
