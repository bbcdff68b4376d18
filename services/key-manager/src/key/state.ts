import type { GrantConstraintsData, KeyEvent } from '@keyhold/bus';
import { emptyMap, mapDelete, mapGet, mapSet } from './persistent-map.js';
import type { PersistentMap } from './persistent-map.js';

/** What `decide` needs to know about one grant. */
export interface GrantEntry {
  readonly grantId: string;
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  readonly operations: readonly string[];
  readonly constraints?: GrantConstraintsData;
  readonly fingerprint: string;
}

export interface RotationState {
  readonly enabled: boolean;
  /** Kept after a disable, as AWS reports it again on re-enable. */
  readonly periodInDays?: number;
  /** ISO-8601; set while rotation is enabled. */
  readonly nextRotationDate?: string;
}

interface ExistingKey {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  readonly keyManager: 'CUSTOMER' | 'AWS';
  /** Newest material version; new encryptions use it, every older one stays decryptable. */
  readonly latestMaterialVersion: number;
  readonly onDemandRotations: number;
  readonly rotation: RotationState;
  readonly tags: Readonly<Record<string, string>>;
  readonly grants: PersistentMap<GrantEntry>;
  /** Fingerprint of a named grant's parameters -> its id, for Name idempotency. */
  readonly namedGrants: PersistentMap<string>;
}

/** What `decide` needs to know about a key, by lifecycle status. */
export type KeyState =
  | { readonly status: 'Nonexistent' }
  | ({ readonly status: 'Enabled' } & ExistingKey)
  | ({ readonly status: 'Disabled' } & ExistingKey)
  | ({
      readonly status: 'PendingDeletion';
      readonly deletionDate: string;
      readonly pendingWindowInDays: number;
    } & ExistingKey)
  | { readonly status: 'Deleted'; readonly keyId: string; readonly arn: string };

export type ExistingKeyState = Extract<
  KeyState,
  { status: 'Enabled' | 'Disabled' | 'PendingDeletion' }
>;

export function initialState(): KeyState {
  return { status: 'Nonexistent' };
}

function existing(state: KeyState): ExistingKeyState | undefined {
  return state.status === 'Nonexistent' || state.status === 'Deleted' ? undefined : state;
}

/** Leaves PendingDeletion (dropping its fields) or moves between Enabled and Disabled. */
function withStatus(key: ExistingKeyState, status: 'Enabled' | 'Disabled'): KeyState {
  if (key.status === 'PendingDeletion') {
    const { deletionDate: _d, pendingWindowInDays: _w, ...rest } = key;
    return { ...rest, status };
  }
  return { ...key, status };
}

/** Folds one event into the state; pure, never throws. */
export function evolve(state: KeyState, event: KeyEvent): KeyState {
  if (event.type === 'KeyCreated') {
    const d = event.data;
    return {
      status: 'Enabled',
      keyId: d.keyId,
      arn: d.arn,
      accountId: d.accountId,
      region: d.region,
      keyManager: d.keyManager,
      latestMaterialVersion: d.materialVersion,
      onDemandRotations: 0,
      rotation: { enabled: false },
      tags: Object.fromEntries(d.tags.map((t) => [t.tagKey, t.tagValue])),
      grants: emptyMap(),
      namedGrants: emptyMap(),
    };
  }
  const key = existing(state);
  if (!key) return state;
  switch (event.type) {
    case 'KeyEnabled':
      return withStatus(key, 'Enabled');
    case 'KeyDisabled':
    case 'KeyDeletionCanceled':
      return withStatus(key, 'Disabled');
    case 'KeyDeletionScheduled':
      return {
        ...key,
        status: 'PendingDeletion',
        deletionDate: event.data.deletionDate,
        pendingWindowInDays: event.data.pendingWindowInDays,
      };
    case 'KeyDeleted':
      return { status: 'Deleted', keyId: key.keyId, arn: key.arn };
    case 'KeyTagged': {
      const tags = { ...key.tags };
      for (const t of event.data.tags) tags[t.tagKey] = t.tagValue;
      return { ...key, tags };
    }
    case 'KeyUntagged': {
      const tags = { ...key.tags };
      for (const k of event.data.tagKeys) delete tags[k];
      return { ...key, tags };
    }
    case 'KeyRotationEnabled':
      return {
        ...key,
        rotation: {
          enabled: true,
          periodInDays: event.data.rotationPeriodInDays,
          nextRotationDate: event.data.nextRotationDate,
        },
      };
    case 'KeyRotationDisabled': {
      const { nextRotationDate: _n, ...rotation } = key.rotation;
      return { ...key, rotation: { ...rotation, enabled: false } };
    }
    case 'KeyMaterialRotated': {
      const d = event.data;
      return {
        ...key,
        latestMaterialVersion: d.materialVersion,
        onDemandRotations: key.onDemandRotations + (d.rotationType === 'ON_DEMAND' ? 1 : 0),
        rotation:
          d.nextRotationDate !== undefined
            ? { ...key.rotation, nextRotationDate: d.nextRotationDate }
            : key.rotation,
      };
    }
    case 'GrantCreated': {
      const d = event.data;
      const entry: GrantEntry = {
        grantId: d.grantId,
        granteePrincipal: d.granteePrincipal,
        operations: d.operations,
        fingerprint: d.fingerprint,
        ...(d.retiringPrincipal !== undefined ? { retiringPrincipal: d.retiringPrincipal } : {}),
        ...(d.constraints !== undefined ? { constraints: d.constraints } : {}),
      };
      return {
        ...key,
        grants: mapSet(key.grants, d.grantId, entry),
        namedGrants: d.name ? mapSet(key.namedGrants, d.fingerprint, d.grantId) : key.namedGrants,
      };
    }
    case 'GrantRetired':
    case 'GrantRevoked': {
      const grant = mapGet(key.grants, event.data.grantId);
      if (!grant) return key;
      const named = mapGet(key.namedGrants, grant.fingerprint);
      return {
        ...key,
        grants: mapDelete(key.grants, grant.grantId),
        namedGrants:
          named === grant.grantId ? mapDelete(key.namedGrants, grant.fingerprint) : key.namedGrants,
      };
    }
    // Facts that change the read models only: descriptions, policies, aliases.
    case 'KeyDescriptionUpdated':
    case 'KeyPolicyPut':
    case 'AliasCreated':
    case 'AliasUpdated':
    case 'AliasDeleted':
      return key;
    default: {
      const unknown: never = event;
      void unknown;
      return state;
    }
  }
}
