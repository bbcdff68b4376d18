export type {
  Decider,
  Event,
  EventMetadata,
  ExpectedVersion,
  RecordedEvent,
  RecordedEventInfo,
} from './types.js';
export type {
  AppendOptions,
  AppendResult,
  EventStore,
  InTransaction,
  ReadStreamOptions,
  ReadStreamResult,
} from './event-store.js';
export {
  StreamVersionConflictError,
  assertExpectedVersion,
  isStreamVersionConflictError,
} from './errors.js';
export { commandHandler } from './command-handler.js';
export { createStateCache } from './state-cache.js';
export type { CachedState, StateCache } from './state-cache.js';
export type {
  CommandHandler,
  CommandHandlerOptions,
  CommandInTransaction,
  CommandResult,
  HandleOptions,
} from './command-handler.js';
export { createInMemoryEventStore } from './in-memory-event-store.js';
export type { InMemoryEventStore, InMemoryTransaction } from './in-memory-event-store.js';
export {
  createPostgresEventStore,
  readAllEvents,
  toRecordedEvent,
} from './postgres/postgres-event-store.js';
export type {
  PostgresEventStoreOptions,
  ReadAllOptions,
  PostgresTransaction,
} from './postgres/postgres-event-store.js';
export { migrate } from './postgres/migrate.js';
export { assertSchemaName, lockAppends, outboxChannel, schemaDdl } from './postgres/schema.js';
export { createOutboxRelay } from './outbox/outbox-relay.js';
export type { OutboxRelay, OutboxRelayOptions } from './outbox/outbox-relay.js';
