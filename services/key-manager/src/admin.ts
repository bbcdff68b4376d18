import type postgres from 'postgres';
import type { KeyEvent } from '@keyhold/bus';
import { KmsError, keyStreamId, parseKeyReference } from '@keyhold/core';
import type { RecordedEvent } from '@keyhold/eventstore';
import { toRecordedEvent } from '@keyhold/eventstore';
import type { KeyManagerUnaryHandlers } from './key/handlers.js';
import { applyEvent, emptyModel, pruneDeleted } from './projections/model.js';
import { rebuildProjections } from './projections/rebuild.js';
import { countMaterialNotUnder, rewrapKeyMaterial } from './jobs/rewrap-material.js';
import type { RewrapMaterialDeps } from './jobs/rewrap-material.js';
import { keyUsageHistory } from './usage-history.js';

export type AdminHandlers = Pick<
  KeyManagerUnaryHandlers,
  'RebuildProjections' | 'GetKeyTimeline' | 'GetKeyUsageHistory' | 'RewrapAllKeyMaterial'
>;

/**
 * The events that shape key K's view: its own stream, plus AliasUpdated
 * events on other keys' streams that took an alias away from K.
 */
async function keyHistory(
  sql: postgres.Sql,
  keyId: string,
  at: Date,
): Promise<RecordedEvent<KeyEvent>[]> {
  const rows = await sql<Parameters<typeof toRecordedEvent>[0][]>`
    select position, stream_id, version, event_id, type, data, metadata, recorded_at
    from key_manager.events
    where (stream_id = ${keyStreamId(keyId)}
       or (type = 'AliasUpdated' and data->>'previousKeyId' = ${keyId}))
      and recorded_at <= ${at}
    order by position`;
  return rows.map((r) => toRecordedEvent<KeyEvent>(r));
}

/**
 * Admin RPCs, for operators (the `keyhold admin` command), not exposed by
 * the gateway: rebuilding the read models from the log, a key as it was
 * at a point in time, and the key history usage metering prices.
 */
export function createAdminHandlers(deps: {
  sql: postgres.Sql;
  /** For RewrapAllKeyMaterial; without it that RPC answers UnsupportedOperationException. */
  cryptoWorker?: RewrapMaterialDeps['cryptoWorker'] | undefined;
  clock?: () => Date;
}): AdminHandlers {
  const clock = deps.clock ?? (() => new Date());
  return {
    async RebuildProjections(_request, call) {
      const r = await rebuildProjections(deps.sql);
      call.logger.info({ ...r }, 'projections rebuilt');
      return {
        events: String(r.events),
        keys: String(r.keys),
        aliases: String(r.aliases),
        grants: String(r.grants),
        durationMs: r.durationMs,
      };
    },

    async GetKeyTimeline(request) {
      const ref = parseKeyReference(request.keyId);
      const at = request.at === undefined ? clock() : new Date(request.at * 1000);
      const events = await keyHistory(deps.sql, ref.keyId, at);
      const own = events.filter((e) => e.streamId === keyStreamId(ref.keyId));
      if (own.length === 0) throw KmsError.notFound(request.keyId);
      const model = emptyModel();
      for (const e of events) {
        // Another key's AliasUpdated only matters as "the alias left K": fold
        // it against a placeholder of the new target so the model moves it.
        if (e.streamId !== keyStreamId(ref.keyId) && !model.keys.has(e.data.keyId)) {
          const alias = [...model.aliases.values()].find(
            (a) =>
              e.type === 'AliasUpdated' &&
              a.aliasName === e.data.aliasName &&
              a.keyId === ref.keyId,
          );
          if (alias) model.aliases.delete(`${alias.accountId}/${alias.region}/${alias.aliasName}`);
          continue;
        }
        applyEvent(model, e);
      }
      pruneDeleted(model);
      const key = model.keys.get(ref.keyId);
      const state = {
        at: at.toISOString(),
        keyId: ref.keyId,
        deleted: model.deleted.has(ref.keyId),
        key: key ?? null,
        aliases: [...model.aliases.values()]
          .filter((a) => a.keyId === ref.keyId)
          .map((a) => a.aliasName),
        grants: [...model.grants.values()].filter((g) => g.keyId === ref.keyId).length,
        rotations: [...model.rotations.values()].filter((r) => r.keyId === ref.keyId),
      };
      return {
        stateJson: JSON.stringify(state),
        events: own.map((e) => ({
          version: e.version,
          type: e.type,
          recordedAt: e.recordedAt.getTime() / 1000,
        })),
        version: own.at(-1)!.version,
      };
    },

    GetKeyUsageHistory: async (request) => keyUsageHistory(deps.sql, request),

    async RewrapAllKeyMaterial(request, call) {
      const target = request.targetRootVersion;
      if (!Number.isInteger(target) || target < 1) {
        throw KmsError.validation('targetRootVersion must be a root key version (1 or more).');
      }
      if (!deps.cryptoWorker) {
        throw new KmsError(
          'UnsupportedOperationException',
          'This key-manager has no crypto-worker.',
        );
      }
      const r = await rewrapKeyMaterial(
        { sql: deps.sql, cryptoWorker: deps.cryptoWorker, logger: call.logger },
        { targetRootVersion: target, signal: call.signal },
      );
      const remaining = await countMaterialNotUnder(deps.sql, target);
      // Counts only, named one by one: nothing a future result field carries reaches the log.
      call.logger.info(
        {
          scanned: r.scanned,
          rewrapped: r.rewrapped,
          skipped: r.skipped,
          remaining,
          targetRootVersion: target,
        },
        'key material re-wrapped',
      );
      return {
        scanned: String(r.scanned),
        rewrapped: String(r.rewrapped),
        skipped: String(r.skipped),
        remaining: String(remaining),
      };
    },
  };
}
