import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { StreamVersionConflictError, assertExpectedVersion } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadStreamOptions,
  ReadStreamResult,
} from '../event-store.js';
import type { Event, EventMetadata, RecordedEvent } from '../types.js';
import { LOCK_CLASS, assertSchemaName, outboxChannel } from './schema.js';

const INSERT_CHUNK = 1000;
const EVENT_COLUMNS = ['stream_id', 'version', 'event_id', 'type', 'data', 'metadata'];

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
    async readStream<E extends Event = Event>(
      streamId: string,
      readOptions: ReadStreamOptions = {},
    ): Promise<ReadStreamResult<E>> {
      const after = readOptions.afterVersion ?? 0;
      const rows = await sql<EventRow[]>`
        select position, stream_id, version, event_id, type, data, metadata, recorded_at
        from ${events} where stream_id = ${streamId} and version > ${after} order by version`;
      const recorded = rows.map((r) => toRecordedEvent<E>(r));
      return { events: recorded, currentVersion: recorded.at(-1)?.version ?? after };
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
          // Multi-row inserts: one round trip per chunk, not two per event.
          for (let start = 0; start < toAppend.length; start += INSERT_CHUNK) {
            const rows: Record<string, postgres.ParameterOrJSON<never>>[] = toAppend
              .slice(start, start + INSERT_CHUNK)
              .map((e, i) => ({
                stream_id: streamId,
                version: current + start + i + 1,
                event_id: randomUUID(),
                type: e.type,
                data: tx.json(e.data as postgres.JSONValue),
                metadata: tx.json((e.metadata ?? {}) as postgres.JSONValue),
              }));
            const inserted = await tx<EventRow[]>`
              insert into ${events} ${tx(rows, EVENT_COLUMNS)}
              returning position, stream_id, version, event_id, type, data, metadata, recorded_at`;
            const chunk = inserted
              .map((r) => toRecordedEvent<E>(r))
              .sort((a, b) => a.version - b.version);
            await tx`insert into ${outbox} ${tx(
              chunk.map((r) => ({
                position: r.position,
                event_id: r.eventId,
                stream_id: streamId,
              })),
              'position',
              'event_id',
              'stream_id',
            )}`;
            recorded.push(...chunk);
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

/** Options of {@link readAllEvents}. */
export interface ReadAllOptions {
  /** The schema holding `events`. */
  readonly schema: string;
  /** Only events after this global position (a decimal string). @default '0' */
  readonly afterPosition?: string;
  /** At most this many. @default 10000 */
  readonly limit?: number;
}

/**
 * One page of the whole log in commit (position) order, for replays such as
 * a projection rebuild. Pass the last event's position as the next
 * `afterPosition`; an empty page is the end.
 */
export async function readAllEvents(
  sql: postgres.Sql | postgres.TransactionSql,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const events = sql(`${assertSchemaName(options.schema)}.events`);
  const rows = await sql<EventRow[]>`
    select position, stream_id, version, event_id, type, data, metadata, recorded_at
    from ${events} where position > ${options.afterPosition ?? '0'}::bigint
    order by position limit ${options.limit ?? 10_000}`;
  return rows.map((r) => toRecordedEvent(r));
}
