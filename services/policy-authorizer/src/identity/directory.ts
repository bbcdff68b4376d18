import { KmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import {
  commandHandler,
  createPostgresEventStore,
  outboxChannel,
  readAllEvents,
} from '@keyhold/eventstore';
import type { PostgresTransaction, RecordedEvent } from '@keyhold/eventstore';
import { parsePolicy, serializePolicy } from '@keyhold/policy';
import type { Policy } from '@keyhold/policy';
import type postgres from 'postgres';
import type { Identity, IdentityPolicies, IdentityStore } from '../identities.js';
import { accountDecider } from './decider.js';
import type { AccountState, IdentityCommand } from './decider.js';
import { ACCOUNT_STREAM_PREFIX, accountStreamId } from './events.js';
import type { IdentityEvent, SealedSecret } from './events.js';
import { SCHEMA } from './schema.js';
import type { SecretBox } from './secrets.js';

/** What one committed identity event changes, for caches elsewhere (never a secret). */
export interface IdentityChange {
  readonly accessKeyId?: string;
  readonly principalArn?: string;
}

/** The identities, event-sourced in Postgres and projected in memory. */
export interface IdentityDirectory extends IdentityStore {
  /** Runs a command; resolves once the projection includes its events. */
  execute(command: IdentityCommand): Promise<ReadonlyArray<RecordedEvent<IdentityEvent>>>;
  account(accountId: string): AccountState | undefined;
  accounts(): AccountState[];
  /** The account holding an access key (active or not). */
  accountOfAccessKey(accessKeyId: string): string | undefined;
  /** Applies events committed since the last catch-up (by any process). */
  catchUp(): Promise<void>;
  /** Seals a new secret access key for a CreateAccessKey command. */
  seal(accessKeyId: string, secret: string): SealedSecret;
  close(): Promise<void>;
}

const NO_POLICIES: IdentityPolicies = Object.freeze({ parsed: [], documents: [] });
const PAGE = 1_000;

/** What an event changes for authentication and authorization caches. */
export function changeOf(event: IdentityEvent): IdentityChange | undefined {
  switch (event.type) {
    case 'AccessKeyCreated':
    case 'AccessKeyDeactivated':
    case 'AccessKeyActivated':
    case 'AccessKeyDeleted':
      return { accessKeyId: event.data.accessKeyId };
    case 'PrincipalDeleted':
      return { principalArn: event.data.arn };
    case 'ServicePrincipalRemoved':
      return { principalArn: event.data.name };
    case 'IdentityPolicyPut':
    case 'IdentityPolicyDeleted':
      return { principalArn: event.data.principalArn };
    default:
      return undefined;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | undefined)?.code === '23505';
}

/** Keeps the access_keys side table in step with the events, in their transaction. */
async function indexAccessKeys(
  tx: PostgresTransaction,
  recorded: ReadonlyArray<RecordedEvent<IdentityEvent>>,
  accountId: string,
): Promise<void> {
  for (const e of recorded) {
    if (e.type === 'AccessKeyCreated') {
      try {
        await tx`insert into policy_authorizer.access_keys (access_key_id, account_id)
                 values (${e.data.accessKeyId}, ${accountId})`;
      } catch (err) {
        if (isUniqueViolation(err))
          throw new KmsError('AlreadyExistsException', 'The access key already exists.');
        throw err;
      }
    } else if (e.type === 'AccessKeyDeleted') {
      await tx`delete from policy_authorizer.access_keys where access_key_id = ${e.data.accessKeyId}`;
    }
  }
}

export interface DirectoryDeps {
  /** A pool on a database migrated with migratePolicyAuthorizer. */
  readonly sql: postgres.Sql;
  readonly box: SecretBox;
  readonly logger: Logger;
}

/**
 * Opens the directory: replays every identity event into memory, then
 * follows appends (this process's at once, other processes' through the
 * event store's NOTIFY), so that a change is visible as soon as it commits.
 */
export async function openIdentityDirectory(deps: DirectoryDeps): Promise<IdentityDirectory> {
  const { sql, box, logger } = deps;
  const store = createPostgresEventStore(sql, { schema: SCHEMA });
  const handle = commandHandler(store, accountDecider, {
    streamId: (c: IdentityCommand) => accountStreamId(c.accountId),
  });
  const accounts = new Map<string, AccountState>();
  const keyAccount = new Map<string, string>();
  const policyCache = new Map<string, IdentityPolicies>();
  let position = '0';
  let running: Promise<void> | undefined;
  let again = false;

  function apply(event: RecordedEvent<IdentityEvent>): void {
    const accountId = event.streamId.slice(ACCOUNT_STREAM_PREFIX.length);
    const state = accounts.get(accountId) ?? accountDecider.initialState();
    accounts.set(accountId, accountDecider.evolve(state, event as unknown as IdentityEvent));
    if (event.type === 'AccessKeyCreated') keyAccount.set(event.data.accessKeyId, accountId);
    if (event.type === 'AccessKeyDeleted') keyAccount.delete(event.data.accessKeyId);
    const arn = changeOf(event as unknown as IdentityEvent)?.principalArn;
    if (arn !== undefined) policyCache.delete(arn);
  }

  async function readNewEvents(): Promise<void> {
    for (;;) {
      const page = await readAllEvents(sql, {
        schema: SCHEMA,
        afterPosition: position,
        limit: PAGE,
      });
      for (const e of page) {
        if (e.streamId.startsWith(ACCOUNT_STREAM_PREFIX)) apply(e as RecordedEvent<IdentityEvent>);
        position = e.position;
      }
      if (page.length < PAGE) return;
    }
  }

  // One catch-up at a time; a request during one runs another right after.
  function catchUp(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await readNewEvents();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  await catchUp();
  const listener = await sql.listen(outboxChannel(SCHEMA), () => {
    catchUp().catch((err: unknown) => logger.error({ err }, 'identity catch-up failed'));
  });

  function policiesOf(arn: string): IdentityPolicies {
    const cached = policyCache.get(arn);
    if (cached) return cached;
    const accountId = /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1];
    const principal = accountId ? accounts.get(accountId)?.principals.get(arn) : undefined;
    if (!principal) return NO_POLICIES;
    const parsed: Policy[] = [];
    for (const [name, doc] of principal.policies) {
      try {
        parsed.push(parsePolicy(doc, { kind: 'identity' }));
      } catch (err) {
        // Accepted when put; a later, stricter parser must not lock the caller out silently.
        logger.error(
          { err, principalArn: arn, policyName: name },
          'stored identity policy no longer parses',
        );
      }
    }
    const out = { parsed, documents: parsed.map((p) => serializePolicy(p)) };
    policyCache.set(arn, out);
    return out;
  }

  return {
    byAccessKeyId(accessKeyId: string): Identity | undefined {
      const accountId = keyAccount.get(accessKeyId);
      const state = accountId ? accounts.get(accountId) : undefined;
      const key = state?.accessKeys.get(accessKeyId);
      if (!accountId || !state || !key || key.status !== 'Active') return undefined;
      const service = state.servicePrincipals.has(key.owner);
      return {
        accountId,
        principalArn: key.owner,
        accessKeyId,
        secretAccessKey: box.open(accessKeyId, key.secret),
        ...(service ? { servicePrincipal: key.owner } : {}),
      };
    },
    policiesOf,
    get size() {
      return keyAccount.size;
    },
    async execute(command) {
      const result = await handle(command, {
        inTransaction: (tx, recorded) => indexAccessKeys(tx, recorded, command.accountId),
      });
      await catchUp();
      return result.newEvents;
    },
    account: (accountId) => {
      const state = accounts.get(accountId);
      return state?.accountId === undefined ? undefined : state;
    },
    accounts: () => [...accounts.values()].filter((s) => s.accountId !== undefined),
    accountOfAccessKey: (accessKeyId) => keyAccount.get(accessKeyId),
    catchUp,
    seal: (accessKeyId, secret) => box.seal(accessKeyId, secret),
    close: async () => {
      await listener.unlisten();
      await running;
    },
  };
}
