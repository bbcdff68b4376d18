import { headers } from 'nats';
import { KEY_EVENT_REQUEST_ID_HEADER } from '@keyhold/bus';
import type { Bus, KeyEvent, KeyEventMessage, KeyEventType } from '@keyhold/bus';
import type { Counter } from '@keyhold/core';
import type { RecordedEvent } from '@keyhold/eventstore';

/**
 * Publishes one committed key event as a KeyEventMessage on
 * `<prefix>.key.<region>.<keyId>`, resolving on the JetStream ack. `msgID` is
 * the event id, so a record the relay sends twice is stored once. The id of
 * the request that caused the event (stored in its metadata) travels in the
 * message and in the `Keyhold-Request-Id` header, for consumers' logs.
 */
export function keyEventPublisher(
  bus: Bus,
  published?: Counter<'type'>,
): (record: RecordedEvent) => Promise<void> {
  const encoder = new TextEncoder();
  return async (record) => {
    const data = record.data as KeyEvent['data'];
    const requestId = record.metadata['requestId'];
    const message: KeyEventMessage = {
      eventId: record.eventId,
      streamId: record.streamId,
      version: record.version,
      position: record.position,
      type: record.type as KeyEventType,
      data,
      recordedAt: record.recordedAt.toISOString(),
      ...(typeof requestId === 'string' && requestId !== '' ? { requestId } : {}),
    };
    const h = headers();
    if (message.requestId !== undefined) h.set(KEY_EVENT_REQUEST_ID_HEADER, message.requestId);
    await bus.js.publish(
      bus.names.keyEventSubject(data.region, data.keyId),
      encoder.encode(JSON.stringify(message)),
      { msgID: record.eventId, headers: h },
    );
    published?.inc({ type: record.type });
  };
}
