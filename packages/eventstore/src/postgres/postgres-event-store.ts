import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { StreamVersionConflictError, assertExpectedVersion } from '../errors.js';
import type { AppendOptions, AppendResult, EventStore, ReadStreamResult } from '../event-store.js';
import type { Event, EventMetadata, RecordedEvent } from '../types.js';
import { LOCK_CLASS, assertSchemaName, outboxChannel } from './schema.js';

/** What `inTransaction` gets from the Postgres store: the append's transaction. */
export type PostgresTransaction = postgres.TransactionSql;

/** Options of {@link createPostgresEventStore}. */
export interface PostgresEventStoreOptions {
  /** The schema holding `events` and `outbox` (see {@link migrate}), e.g. `key_manager`. */
  readonly schema: string;
}

interface EventRow {
  position: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata | null;
  recorded_at: Date;
}

/** A row of `events` as a RecordedEvent. */
export function toRecordedEvent<E extends Event = Event>(row: EventRow): RecordedEvent<E> {
  return {
    type: row.type,
    data: row.data,
    metadata: row.metadata ?? {},
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    position: String(row.position),
    recordedAt: row.recorded_at,
  } as unknown as RecordedEvent<E>;
}

/**
 * The event store on Postgres. Each append is one transaction that writes the
 * events, their outbox rows, a NOTIFY for the relay and whatever
 * `inTransaction` writes, so all of it commits or none does.
 *
 * Appends within a schema are serialised by a transaction-scoped advisory
 * lock. That costs write throughput (fine for key management, a few appends
 * per second per key) and buys the outbox a simple invariant: positions are
 * handed out in commit order, so a relay reading by position never skips an
 * event that commits later with a smaller position.
 */
export function createPostgresEventStore(
  sql: postgres.Sql,
  options: PostgresEventStoreOptions,
): EventStore<PostgresTransaction> {
  const schema = assertSchemaName(options.schema);
  const events = sql(`${schema}.events`);
  const outbox = sql(`${schema}.outbox`);
  const channel = outboxChannel(schema);

  return {
    async readStream<E extends Event = Event>(streamId: string): Promise<ReadStreamResult<E>> {
      const rows = await sql<EventRow[]>`
        select position, stream_id, version, event_id, type, data, metadata, recorded_at
        from ${events} where stream_id = ${streamId} order by version`;
      const recorded = rows.map((r) => toRecordedEvent<E>(r));
      return { events: recorded, currentVersion: recorded.at(-1)?.version ?? 0 };
    },

    async appendToStream<E extends Event = Event>(
      streamId: string,
      toAppend: readonly E[],
      options: AppendOptions<PostgresTransaction, E>,
    ): Promise<AppendResult<E>> {
      try {
        return await sql.begin(async (tx) => {
          await tx`select pg_advisory_xact_lock(${LOCK_CLASS.append}, hashtext(${schema}))`;
          const [head] = await tx<{ version: number }[]>`
            select coalesce(max(version), 0)::int as version from ${events} where stream_id = ${streamId}`;
          const current = head?.version ?? 0;
          assertExpectedVersion(streamId, options.expectedVersion, current);
          const recorded: RecordedEvent<E>[] = [];
          for (const [i, e] of toAppend.entries()) {
            const [row] = await tx<EventRow[]>`
              insert into ${events} (stream_id, version, event_id, type, data, metadata)
              values (${streamId}, ${current + i + 1}, ${randomUUID()}, ${e.type},
                      ${tx.json(e.data as postgres.JSONValue)}, ${tx.json((e.metadata ?? {}) as postgres.JSONValue)})
              returning position, stream_id, version, event_id, type, data, metadata, recorded_at`;
            const r = toRecordedEvent<E>(row!);
            await tx`insert into ${outbox} (position, event_id, stream_id)
                     values (${r.position}, ${r.eventId}, ${streamId})`;
            recorded.push(r);
          }
          // Delivered to listeners only when (and if) this transaction commits.
          if (recorded.length > 0) await tx`select pg_notify(${channel}, '')`;
          if (options.inTransaction) await options.inTransaction(tx, recorded);
          return { nextExpectedVersion: current + recorded.length, recorded };
        });
      } catch (err) {
        // The unique (stream_id, version) index is the last word should a
        // writer ever append without the lock.
        if (isUniqueViolation(err, 'events_stream_version')) {
          throw new StreamVersionConflictError(streamId, options.expectedVersion, undefined, {
            cause: err,
          });
        }
        throw err;
      }
    },
  };
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint_name?: unknown } | undefined;
  return e?.code === '23505' && e.constraint_name === constraint;
}
