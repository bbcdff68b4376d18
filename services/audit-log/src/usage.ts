import { KmsError, isAccountId } from '@keyhold/core';
import type { CountRequestsRequest__Output, CountRequestsResponse } from '@keyhold/proto';
import type { Sql } from 'postgres';

interface Row {
  account_id: string;
  event_name: string;
  requests: string;
  denied: string;
  throttled: string;
  failed: string;
}

/**
 * Requests per caller account and event name in [startTime, endTime), with
 * their outcomes, for usage metering. One aggregate over audit.records that
 * records_time_idx (event_time, covering the grouped columns) answers with
 * an index-only scan of the window.
 */
export async function countRequests(
  sql: Sql,
  req: CountRequestsRequest__Output,
): Promise<CountRequestsResponse> {
  const { startTime, endTime } = req;
  if (!Number.isFinite(startTime) || !Number.isFinite(endTime) || endTime <= startTime) {
    throw KmsError.validation(
      'startTime and endTime must be epoch seconds with startTime < endTime.',
    );
  }
  if (req.accountId !== undefined && !isAccountId(req.accountId)) {
    throw KmsError.validation('accountId must be a 12-digit AWS account id.');
  }
  const account = req.accountId ?? null;
  const rows = await sql<Row[]>`
    SELECT account_id, event_name,
      count(*)::text AS requests,
      count(*) FILTER (WHERE error_code = 'AccessDeniedException')::text AS denied,
      count(*) FILTER (WHERE error_code = 'ThrottlingException')::text AS throttled,
      count(*) FILTER (WHERE error_code NOT IN ('', 'AccessDeniedException', 'ThrottlingException'))::text AS failed
    FROM audit.records
    WHERE event_time >= ${new Date(startTime * 1000)} AND event_time < ${new Date(endTime * 1000)}
      AND (${account}::text IS NULL OR account_id = ${account})
    GROUP BY account_id, event_name
    ORDER BY account_id, event_name`;
  return {
    counts: rows.map((r) => ({
      accountId: r.account_id,
      eventName: r.event_name,
      requests: r.requests,
      denied: r.denied,
      throttled: r.throttled,
      failed: r.failed,
    })),
  };
}
