export { busNames } from './names.js';
export type { BusNames } from './names.js';
export { connectBus, ensureStreams } from './connection.js';
export type { Bus, BusOptions } from './connection.js';
export type { KeyCreated, KeyEvent, KeyEventMessage, KeyEventType } from './events/key-events.js';
export { AUDIT_OUTCOMES } from './events/audit.js';
export type { AuditBatch, AuditOutcome, AuditRecord } from './events/audit.js';
