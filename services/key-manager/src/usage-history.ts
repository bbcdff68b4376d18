import type postgres from 'postgres';
import { KmsError, isAccountId } from '@keyhold/core';
import type { GetKeyUsageHistoryRequest__Output, GetKeyUsageHistoryResponse } from '@keyhold/proto';

interface History {
  readonly keyId: string;
  readonly accountId: string;
  readonly region: string;
  keyManager: string;
  readonly changes: { readonly type: string; readonly at: number }[];
}

interface Row {
  type: string;
  key_id: string;
  account_id: string;
  region: string;
  key_manager: string | null;
  at_epoch: number;
}

/** [from, to) as Dates, or a ValidationException. */
function window(request: GetKeyUsageHistoryRequest__Output): { from: Date; to: Date } {
  const { from, to } = request;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0 || to <= from) {
    throw KmsError.validation('from and to must be epoch seconds with from < to.');
  }
  if (request.accountId !== undefined && !isAccountId(request.accountId)) {
    throw KmsError.validation('accountId must be a 12-digit AWS account id.');
  }
  return { from: new Date(from * 1000), to: new Date(to * 1000) };
}

/**
 * The lifecycle changes of every key that existed in [from, to), each from
 * its creation on (rotations before `from` still price the key) up to `to`.
 * Times are the events' own (`createdAt` / `at`), not when they were stored.
 */
export async function keyUsageHistory(
  sql: postgres.Sql,
  request: GetKeyUsageHistoryRequest__Output,
): Promise<GetKeyUsageHistoryResponse> {
  const { from, to } = window(request);
  const account = request.accountId ?? null;
  const rows = await sql<Row[]>`
    select type, data->>'keyId' as key_id, data->>'accountId' as account_id,
      data->>'region' as region, data->>'keyManager' as key_manager,
      extract(epoch from coalesce(data->>'createdAt', data->>'at')::timestamptz)::float8 as at_epoch
    from key_manager.events
    -- The events that price a key (see @keyhold/metering), written out so that
    -- the partial index events_pricing (schema.ts) matches.
    where type in ('KeyCreated', 'KeyDeletionScheduled', 'KeyDeletionCanceled', 'KeyDeleted', 'KeyMaterialRotated')
      and recorded_at < ${to}
      and (${account}::text is null or data->>'accountId' = ${account})
    order by position`;
  const keys = new Map<string, History>();
  for (const r of rows) {
    if (r.at_epoch >= to.getTime() / 1000) continue;
    let key = keys.get(r.key_id);
    if (!key) {
      key = {
        keyId: r.key_id,
        accountId: r.account_id,
        region: r.region,
        keyManager: r.key_manager ?? 'CUSTOMER',
        changes: [],
      };
      keys.set(r.key_id, key);
    }
    if (r.type === 'KeyCreated' && r.key_manager) key.keyManager = r.key_manager;
    key.changes.push({ type: r.type, at: r.at_epoch });
  }
  // Keys deleted before the window had no part in it.
  const fromEpoch = from.getTime() / 1000;
  return {
    keys: [...keys.values()].filter(
      (k) => !k.changes.some((c) => c.type === 'KeyDeleted' && c.at < fromEpoch),
    ),
  };
}
