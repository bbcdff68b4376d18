import { consumerOpts } from 'nats';
import { KmsError, isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type { Bus, KeyEventMessage } from '@keyhold/bus';
import { parsePolicy } from '@keyhold/policy';
import type { Grant, Policy } from '@keyhold/policy';

/** What the authorizer knows about one key, built from its events. */
export interface KeyView {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly keyState: string;
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly origin: string;
  readonly multiRegion: boolean;
  /** The policy document as stored, and its parsed form. */
  readonly policyJson: string;
  readonly policy: Policy;
  readonly grants: ReadonlyMap<string, Grant>;
  readonly aliases: ReadonlySet<string>;
  readonly tags: ReadonlyMap<string, string>;
  /** The last applied version of the key's stream. */
  readonly version: number;
  readonly deleted: boolean;
}

interface MutableView {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  keyState: string;
  keySpec: string;
  keyUsage: string;
  origin: string;
  multiRegion: boolean;
  policyJson: string;
  policy: Policy;
  grants: Map<string, Grant>;
  aliases: Set<string>;
  tags: Map<string, string>;
  version: number;
  deleted: boolean;
}

// A stored policy this evaluator cannot read allows nothing (fail closed);
// grants still apply, as they do not depend on the policy.
const ALLOWS_NOTHING: Policy = { version: '2012-10-17', id: undefined, statements: [] };

interface Waiter {
  readonly arn: string;
  readonly ready: (view: KeyView) => boolean;
  readonly resolve: (view: KeyView) => void;
}

/**
 * The authorizer's read model of keys: key policy, grants, aliases, tags and
 * state per key, from the key-event stream. Events are applied in stream
 * order; a version at or below the applied one is a redelivery and ignored.
 */
export class KeyReadModel {
  readonly #byArn = new Map<string, MutableView>();
  readonly #byKeyId = new Map<string, MutableView>();
  readonly #waiters = new Set<Waiter>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  get(arn: string): KeyView | undefined {
    return this.#byArn.get(arn);
  }

  get size(): number {
    return this.#byArn.size;
  }

  /**
   * The key once the model satisfies `ready` (e.g. has applied a version the
   * caller has already seen), waiting at most `timeoutMs`; undefined when the
   * key is unknown by then. Lag behind key-manager is normally milliseconds.
   */
  async waitFor(
    arn: string,
    ready: (view: KeyView) => boolean,
    timeoutMs: number,
  ): Promise<KeyView | undefined> {
    const now = this.get(arn);
    if (now && ready(now)) return now;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        arn,
        ready,
        resolve: (view) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(view);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        resolve(this.get(arn));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Applies one key event. */
  apply(message: KeyEventMessage): void {
    const d = message.data;
    let view = this.#byKeyId.get(d.keyId);
    if (message.type === 'KeyCreated') {
      if (view) return;
      const c = message.data as Extract<KeyEventMessage['data'], { keySpec: string }>;
      view = {
        keyId: d.keyId,
        arn: d.arn,
        accountId: d.accountId,
        region: d.region,
        keyState: c.origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
        keySpec: c.keySpec,
        keyUsage: c.keyUsage,
        origin: c.origin,
        multiRegion: c.multiRegion,
        policyJson: c.policy,
        policy: this.#parse(d.keyId, c.policy),
        grants: new Map(),
        aliases: new Set(),
        tags: new Map(c.tags.map((t) => [t.tagKey, t.tagValue])),
        version: message.version,
        deleted: false,
      };
      this.#byKeyId.set(d.keyId, view);
      this.#byArn.set(d.arn, view);
      this.#notify(view);
      return;
    }
    if (!view) {
      this.#logger.warn({ keyId: d.keyId, type: message.type }, 'event for unknown key ignored');
      return;
    }
    if (message.version <= view.version) return;
    this.#evolve(view, message);
    view.version = message.version;
    this.#notify(view);
  }

  #evolve(view: MutableView, message: KeyEventMessage): void {
    // The union's data is narrowed by hand: `type` and `data` travel apart in the message.
    const data = message.data as unknown as Record<string, unknown>;
    const str = (name: string): string => String(data[name] ?? '');
    switch (message.type) {
      case 'KeyEnabled':
        view.keyState = 'Enabled';
        break;
      case 'KeyDisabled':
      case 'KeyDeletionCanceled':
        view.keyState = 'Disabled';
        break;
      case 'KeyDeletionScheduled':
        view.keyState = 'PendingDeletion';
        break;
      case 'KeyDeleted':
        view.deleted = true;
        view.grants.clear();
        view.aliases.clear();
        break;
      case 'KeyPolicyPut':
        view.policyJson = str('policy');
        view.policy = this.#parse(view.keyId, view.policyJson);
        break;
      case 'KeyTagged':
        for (const t of data['tags'] as { tagKey: string; tagValue: string }[]) {
          view.tags.set(t.tagKey, t.tagValue);
        }
        break;
      case 'KeyUntagged':
        for (const k of data['tagKeys'] as string[]) view.tags.delete(k);
        break;
      case 'AliasCreated':
        view.aliases.add(str('aliasName'));
        break;
      case 'AliasUpdated': {
        const previous = this.#byKeyId.get(str('previousKeyId'));
        previous?.aliases.delete(str('aliasName'));
        view.aliases.add(str('aliasName'));
        break;
      }
      case 'AliasDeleted':
        view.aliases.delete(str('aliasName'));
        break;
      case 'GrantCreated': {
        const g = message.data as Extract<
          KeyEventMessage['data'],
          { grantId: string; fingerprint: string }
        >;
        view.grants.set(g.grantId, {
          grantId: g.grantId,
          granteePrincipal: g.granteePrincipal,
          operations: g.operations,
          issuingAccount: g.issuingAccount,
          ...(g.retiringPrincipal ? { retiringPrincipal: g.retiringPrincipal } : {}),
          ...(g.constraints ? { constraints: g.constraints } : {}),
        });
        break;
      }
      case 'GrantRetired':
      case 'GrantRevoked':
        view.grants.delete(str('grantId'));
        break;
      default:
        // Rotation and description events change nothing a decision reads.
        break;
    }
  }

  #parse(keyId: string, json: string): Policy {
    try {
      return parsePolicy(json);
    } catch (err) {
      if (!isKmsError(err)) throw err;
      this.#logger.warn(
        { keyId, reason: err.message },
        'stored key policy unreadable: allows nothing',
      );
      return ALLOWS_NOTHING;
    }
  }

  #notify(view: KeyView): void {
    for (const w of this.#waiters) {
      if (w.arn === view.arn && w.ready(view)) w.resolve(view);
    }
  }
}

/** A running feed of key events into a read model. */
export interface KeyEventFeed {
  /** Resolves once every event stored when the feed started has been applied. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Feeds the read model from the key-event stream with an ordered (ephemeral)
 * consumer replaying from the first event. Not a durable consumer: the model
 * lives in memory, so every process (and every restart) must see the whole
 * stream, and ordered consumers recreate themselves after a reconnect
 * without gaps or duplicates. The push flavour: the pull-based ordered
 * consumer of nats.js never delivers on nats-server 2.9.
 */
export async function feedKeyEvents(
  bus: Pick<Bus, 'js' | 'jsm' | 'names'>,
  model: KeyReadModel,
  logger: Logger,
): Promise<KeyEventFeed> {
  const stream = bus.names.keyEventsStream;
  const target = (await bus.jsm.streams.info(stream)).state.last_seq;
  const messages = await bus.js.subscribe(
    bus.names.keyEventsSubjects,
    consumerOpts().orderedConsumer().deliverAll(),
  );
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });
  if (target === 0) markCaughtUp();
  const done = (async () => {
    for await (const m of messages) {
      try {
        model.apply(m.json<KeyEventMessage>());
      } catch (err) {
        logger.error({ err, seq: m.seq }, 'key event not applied');
      }
      if (m.seq >= target) markCaughtUp();
    }
  })();
  return {
    caughtUp,
    stop: async () => {
      messages.unsubscribe();
      await done;
    },
  };
}

/** The bounded wait for the read model to catch up: a lagging authorizer answers retryably. */
export function notCaughtUp(arn: string): KmsError {
  return KmsError.dependencyTimeout(new Error(`read model has not caught up with ${arn}`));
}
