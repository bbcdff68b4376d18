import type { NatsConnection, Subscription } from 'nats';
import type { Logger } from '@keyhold/core';
import type { SigV4Verifier } from './verifier.js';

const optionalString = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/**
 * Evicts the verifier's cached signing keys of every access key or
 * principal an identity change names, so that a deactivated or deleted key
 * stops working within the message's delivery time instead of the cache TTL.
 */
export function followIdentityChanges(
  nc: Pick<NatsConnection, 'subscribe' | 'status'>,
  /** BusNames.identityChangedSubject: policy-authorizer announces there (JSON, ids only). */
  subject: string,
  verifier: Pick<SigV4Verifier, 'evict'>,
  logger: Logger,
): Subscription {
  // Changes announced while disconnected are lost: after a reconnect, trust nothing cached.
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'reconnect') verifier.evict({});
    }
  })().catch((err: unknown) => logger.warn({ err }, 'NATS status stream ended'));
  return nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) {
        logger.warn({ err }, 'identity change subscription failed');
        return;
      }
      let body: unknown;
      try {
        body = msg.json();
      } catch {
        logger.warn('identity change is not JSON; ignored');
        return;
      }
      const record =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const accessKeyId = optionalString(record['accessKeyId']);
      const principalArn = optionalString(record['principalArn']);
      if (accessKeyId === undefined && principalArn === undefined) return;
      verifier.evict({
        ...(accessKeyId !== undefined ? { accessKeyId } : {}),
        ...(principalArn !== undefined ? { principalArn } : {}),
      });
    },
  });
}
