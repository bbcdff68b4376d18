export { deciderSpec } from './decider-spec.js';
export type { DeciderSpec, DeciderThen, DeciderWhen } from './decider-spec.js';
export { createInMemoryEventStore } from '../in-memory-event-store.js';
export type { InMemoryEventStore, InMemoryTransaction } from '../in-memory-event-store.js';
