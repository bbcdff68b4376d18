import type { NatsConnection } from 'nats';
import type { Logger } from '@keyhold/core';
import { changeOf } from './directory.js';
import type { IdentityChange } from './directory.js';
import type { IdentityEvent } from './events.js';

/**
 * The core NATS subject identity changes are announced on, for caches of
 * signing keys and policies elsewhere (the gateway evicts on it). Payload:
 * JSON `{ accessKeyId?, principalArn? }`, never a secret. Mirrored in
 * services/gateway/src/auth/identity-changes.ts.
 */
export function identityChangedSubject(prefix: string): string {
  return `${prefix}.identity.changed`;
}

/** How long an admin call waits for NATS to take the announcement. */
const FLUSH_TIMEOUT_MS = 1_000;

/**
 * Announces what `events` changed and waits (briefly) until the server has
 * the messages. The change is committed already: a NATS outage is logged,
 * not reported to the caller; gateways clear their caches on reconnect.
 */
export async function publishIdentityChanges(
  nc: Pick<NatsConnection, 'publish' | 'flush'>,
  prefix: string,
  events: ReadonlyArray<{ type: string; data: unknown }>,
  logger: Logger,
): Promise<void> {
  const subject = identityChangedSubject(prefix);
  const seen = new Set<string>();
  for (const e of events) {
    const change: IdentityChange | undefined = changeOf(e as IdentityEvent);
    if (!change) continue;
    const payload = JSON.stringify(change);
    if (seen.has(payload)) continue;
    seen.add(payload);
    try {
      nc.publish(subject, payload);
    } catch (err) {
      // A closed connection: the commit stands; gateways clear their caches on reconnect.
      logger.warn({ err }, 'identity change not announced');
      return;
    }
  }
  if (seen.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      nc.flush(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('NATS flush timed out')), FLUSH_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    logger.warn({ err }, 'identity change announcement not confirmed by NATS');
  } finally {
    clearTimeout(timer);
  }
}
