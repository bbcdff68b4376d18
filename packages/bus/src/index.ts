export { busNames } from './names.js';
export type { BusNames } from './names.js';
export {
  DEFAULT_STREAM_SETTINGS,
  STREAM_ENV,
  connectBus,
  ensureStreams,
  parseDuration,
  streamSettings,
} from './connection.js';
export type { Bus, BusOptions, StreamChange, StreamSettings } from './connection.js';
export { JetStreamAcks, JetStreamPublishError } from './acks.js';
export type { JetStreamAcksOptions, PubAck } from './acks.js';
export { KEY_EVENT_REQUEST_ID_HEADER, KEY_EVENT_TYPES } from './events/key-events.js';
export type {
  AliasCreated,
  AliasDeleted,
  AliasUpdated,
  GrantConstraintsData,
  GrantCreated,
  GrantRetired,
  GrantRevoked,
  KeyCreated,
  KeyDeleted,
  KeyDeletionCanceled,
  KeyDeletionScheduled,
  KeyDescriptionUpdated,
  KeyDisabled,
  KeyEnabled,
  KeyEvent,
  KeyEventBase,
  KeyEventMessage,
  KeyEventType,
  KeyMaterialRotated,
  KeyPolicyPut,
  KeyRotationDisabled,
  KeyRotationEnabled,
  KeyTagged,
  KeyUntagged,
} from './events/key-events.js';
export {
  AUDIT_BATCH_LIMITS,
  AUDIT_EVENT_CATEGORIES,
  AUDIT_EVENT_VERSION,
  AUDIT_OUTCOMES,
  AUDIT_WIRE_FORMATS,
  AuditBatchEncoder,
  AuditBatchFormatError,
  DEFAULT_AUDIT_WIRE_FORMAT,
  auditOutcome,
  decodeAuditBatch,
} from './events/audit.js';
export type {
  AuditAdditionalEventData,
  AuditBatch,
  AuditEventCategory,
  AuditOutcome,
  AuditRecord,
  AuditRecordDelta,
  AuditResource,
  AuditUserIdentity,
  AuditWireFormat,
  DecodedAuditBatch,
} from './events/audit.js';
