/**
 * Key events: the facts on each key's stream, relayed to JetStream by the
 * key-manager's outbox and consumed by crypto-worker (cache eviction) and
 * policy-authorizer (read model). Type strings are permanent; change a shape
 * through a new type, never a rename.
 *
 * Every event's data starts with {@link KeyEventBase}, so that a consumer
 * (and the outbox, which builds the subject `<prefix>.key.<region>.<keyId>`)
 * never needs a lookup. No event carries key material, wrapped or not.
 */
export interface KeyEventBase {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
}

type Ev<T extends string, D> = { readonly type: T; readonly data: KeyEventBase & D };

/** The constraints of a grant, as CreateGrant takes them. */
export interface GrantConstraintsData {
  readonly encryptionContextSubset?: Readonly<Record<string, string>>;
  readonly encryptionContextEquals?: Readonly<Record<string, string>>;
}

export type KeyCreated = Ev<
  'KeyCreated',
  {
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
  }
>;
export type KeyEnabled = Ev<'KeyEnabled', { readonly at: string }>;
export type KeyDisabled = Ev<'KeyDisabled', { readonly at: string }>;
export type KeyDescriptionUpdated = Ev<
  'KeyDescriptionUpdated',
  { readonly description: string; readonly at: string }
>;
export type KeyDeletionScheduled = Ev<
  'KeyDeletionScheduled',
  {
    /** ISO-8601: the key is deleted at (not before) this instant. */
    readonly deletionDate: string;
    readonly pendingWindowInDays: number;
    readonly at: string;
  }
>;
/** The key leaves PendingDeletion as Disabled, as in AWS. */
export type KeyDeletionCanceled = Ev<'KeyDeletionCanceled', { readonly at: string }>;
/** The key and its aliases and grants are gone and its material destroyed; its history stays. */
export type KeyDeleted = Ev<'KeyDeleted', { readonly at: string }>;
export type KeyPolicyPut = Ev<
  'KeyPolicyPut',
  { readonly policyName: string; readonly policy: string; readonly at: string }
>;
/** `tags` are added or overwrite the values of existing keys. */
export type KeyTagged = Ev<
  'KeyTagged',
  {
    readonly tags: ReadonlyArray<{ readonly tagKey: string; readonly tagValue: string }>;
    readonly at: string;
  }
>;
export type KeyUntagged = Ev<
  'KeyUntagged',
  { readonly tagKeys: readonly string[]; readonly at: string }
>;
/** An alias now points at this key (`keyId`); created anew. */
export type AliasCreated = Ev<'AliasCreated', { readonly aliasName: string; readonly at: string }>;
/** An alias moved to this key (`keyId`) from `previousKeyId`. */
export type AliasUpdated = Ev<
  'AliasUpdated',
  { readonly aliasName: string; readonly previousKeyId: string; readonly at: string }
>;
export type AliasDeleted = Ev<'AliasDeleted', { readonly aliasName: string; readonly at: string }>;
export type KeyRotationEnabled = Ev<
  'KeyRotationEnabled',
  { readonly rotationPeriodInDays: number; readonly nextRotationDate: string; readonly at: string }
>;
export type KeyRotationDisabled = Ev<'KeyRotationDisabled', { readonly at: string }>;
/** New material became current; every earlier version stays decryptable. */
export type KeyMaterialRotated = Ev<
  'KeyMaterialRotated',
  {
    readonly materialVersion: number;
    readonly rotationType: 'AUTOMATIC' | 'ON_DEMAND';
    /** The next automatic rotation, when automatic rotation is on. */
    readonly nextRotationDate?: string;
    readonly at: string;
  }
>;
export type GrantCreated = Ev<
  'GrantCreated',
  {
    readonly grantId: string;
    /** Empty when the request gave none. */
    readonly name: string;
    readonly granteePrincipal: string;
    readonly retiringPrincipal?: string;
    readonly operations: readonly string[];
    readonly constraints?: GrantConstraintsData;
    /** The account that created the grant (the caller's). */
    readonly issuingAccount: string;
    /** Digest of the request parameters, for Name idempotency. */
    readonly fingerprint: string;
    readonly at: string;
  }
>;
export type GrantRetired = Ev<'GrantRetired', { readonly grantId: string; readonly at: string }>;
export type GrantRevoked = Ev<'GrantRevoked', { readonly grantId: string; readonly at: string }>;

export type KeyEvent =
  | KeyCreated
  | KeyEnabled
  | KeyDisabled
  | KeyDescriptionUpdated
  | KeyDeletionScheduled
  | KeyDeletionCanceled
  | KeyDeleted
  | KeyPolicyPut
  | KeyTagged
  | KeyUntagged
  | AliasCreated
  | AliasUpdated
  | AliasDeleted
  | KeyRotationEnabled
  | KeyRotationDisabled
  | KeyMaterialRotated
  | GrantCreated
  | GrantRetired
  | GrantRevoked;
export type KeyEventType = KeyEvent['type'];

/** Every key event type, for consumers that switch on them exhaustively. */
export const KEY_EVENT_TYPES: readonly KeyEventType[] = [
  'KeyCreated',
  'KeyEnabled',
  'KeyDisabled',
  'KeyDescriptionUpdated',
  'KeyDeletionScheduled',
  'KeyDeletionCanceled',
  'KeyDeleted',
  'KeyPolicyPut',
  'KeyTagged',
  'KeyUntagged',
  'AliasCreated',
  'AliasUpdated',
  'AliasDeleted',
  'KeyRotationEnabled',
  'KeyRotationDisabled',
  'KeyMaterialRotated',
  'GrantCreated',
  'GrantRetired',
  'GrantRevoked',
];

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
  /**
   * The id of the request whose command caused the event, for consumers'
   * logs; absent for events of background jobs. Also in the
   * {@link KEY_EVENT_REQUEST_ID_HEADER} header.
   */
  readonly requestId?: string;
}

/** NATS header carrying {@link KeyEventMessage.requestId}. */
export const KEY_EVENT_REQUEST_ID_HEADER = 'Keyhold-Request-Id';
