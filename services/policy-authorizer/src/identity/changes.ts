import type { NatsConnection } from 'nats';
import type postgres from 'postgres';
import type { Logger } from '@keyhold/core';
import { createOutboxRelay } from '@keyhold/eventstore';
import type { OutboxRelay, RecordedEvent } from '@keyhold/eventstore';
import { changeOf } from './directory.js';
import type { IdentityEvent } from './events.js';
import { SCHEMA } from './schema.js';

/** How long one announcement may wait for NATS before the relay retries it. */
const FLUSH_TIMEOUT_MS = 1_000;

/**
 * Announces what one committed identity event changed on the bus's
 * identity-changed subject (JSON `{ accessKeyId?, principalArn? }`, never a
 * secret) and resolves once the server has it; rejects when it cannot say so
 * in time, so that the outbox relay tries again.
 */
export function identityChangePublisher(
  nc: Pick<NatsConnection, 'publish' | 'flush'>,
  subject: string,
): (record: RecordedEvent) => Promise<void> {
  return async (record) => {
    const change = changeOf({ type: record.type, data: record.data } as IdentityEvent);
    if (!change) return;
    nc.publish(subject, JSON.stringify(change));
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        nc.flush(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('NATS flush timed out')), FLUSH_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Relays committed identity events from policy-authorizer's outbox as
 * announcements, at least once and in commit order: a change committed just
 * before a crash or during a NATS outage is announced when the relay runs
 * again, so a gateway never keeps a deactivated key's signing key for its
 * cache lifetime. Admin calls flush it before they answer.
 */
export async function startIdentityAnnouncer(deps: {
  readonly sql: postgres.Sql;
  readonly nc: Pick<NatsConnection, 'publish' | 'flush'>;
  readonly subject: string;
  readonly logger: Logger;
}): Promise<OutboxRelay> {
  const relay = createOutboxRelay({
    sql: deps.sql,
    schema: SCHEMA,
    publish: identityChangePublisher(deps.nc, deps.subject),
    logger: deps.logger.child({ component: 'identity-announcer' }),
  });
  await relay.start();
  return relay;
}
