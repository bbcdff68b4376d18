/**
 * Key events: the facts on each key's stream, relayed to JetStream by the
 * key-manager's outbox and consumed by crypto-worker (cache eviction) and
 * policy-authorizer (read model). Type strings are permanent; change a shape
 * through a new type, never a rename.
 */
export interface KeyCreated {
  readonly type: 'KeyCreated';
  readonly data: {
    readonly keyId: string;
    readonly arn: string;
    readonly accountId: string;
    readonly region: string;
    readonly description: string;
    readonly keyUsage: string;
    readonly keySpec: string;
    readonly origin: string;
    readonly keyManager: 'CUSTOMER' | 'AWS';
    readonly multiRegion: boolean;
    readonly policy: string;
    readonly tags: ReadonlyArray<{ readonly tagKey: string; readonly tagValue: string }>;
    /** ISO-8601 */
    readonly createdAt: string;
    /** The first key material version, whose wrapped material is stored by key-manager. */
    readonly materialVersion: number;
  };
}

export type KeyEvent = KeyCreated;
export type KeyEventType = KeyEvent['type'];

/** What travels on `<prefix>.key.<region>.<keyId>`; `Nats-Msg-Id` is `eventId`. */
export interface KeyEventMessage {
  readonly eventId: string;
  readonly streamId: string;
  /** Version of the event within its stream, from 1. */
  readonly version: number;
  /** Global commit position, as a decimal string. */
  readonly position: string;
  readonly type: KeyEventType;
  readonly data: KeyEvent['data'];
  /** ISO-8601 commit time. */
  readonly recordedAt: string;
}
