import type { GrantConstraintsData, KeyEvent } from '@keyhold/bus';
import type { RecordedEvent } from '@keyhold/eventstore';

export interface TagView {
  readonly tagKey: string;
  readonly tagValue: string;
}

/** One key as the read models hold it (the columns of key_manager.keys). */
export interface KeyView {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  state: string;
  description: string;
  keyUsage: string;
  keySpec: string;
  origin: string;
  keyManager: string;
  multiRegion: boolean;
  policy: string;
  tags: TagView[];
  createdAt: string;
  currentMaterialVersion: number;
  position: string;
  streamVersion: number;
  deletionDate: string | null;
  pendingWindowDays: number | null;
  rotationEnabled: boolean;
  rotationPeriodDays: number | null;
  nextRotationDate: string | null;
  onDemandRotations: number;
}

export interface AliasView {
  accountId: string;
  region: string;
  aliasName: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
}

export interface GrantView {
  grantId: string;
  keyId: string;
  name: string;
  granteePrincipal: string;
  retiringPrincipal: string | null;
  issuingAccount: string;
  operations: readonly string[];
  constraints: GrantConstraintsData | null;
  createdAt: string;
  position: string;
}

export interface RotationView {
  keyId: string;
  materialVersion: number;
  rotationDate: string;
  rotationType: string;
}

/**
 * The read models in memory, folded from events in commit order. Used to
 * rebuild the tables in bulk and to answer "key K at time T"; the live path
 * (keys-view.ts) writes the same rows one event at a time, and a test checks
 * that both agree.
 */
export interface ProjectionModel {
  readonly keys: Map<string, KeyView>;
  /** By `${accountId}/${region}/${aliasName}`. */
  readonly aliases: Map<string, AliasView>;
  readonly grants: Map<string, GrantView>;
  /** By `${keyId}/${materialVersion}`. */
  readonly rotations: Map<string, RotationView>;
  /** Keys whose KeyDeleted was seen, for timelines. */
  readonly deleted: Set<string>;
}

export function emptyModel(): ProjectionModel {
  return {
    keys: new Map(),
    aliases: new Map(),
    grants: new Map(),
    rotations: new Map(),
    deleted: new Set(),
  };
}

export const aliasKey = (accountId: string, region: string, aliasName: string): string =>
  `${accountId}/${region}/${aliasName}`;

/** Tags after TagResource: existing keys keep their place with the new value, new keys go last. */
export function mergeTags(tags: readonly TagView[], added: readonly TagView[]): TagView[] {
  const out = tags.map((t) => ({ ...t }));
  for (const a of added) {
    const hit = out.find((t) => t.tagKey === a.tagKey);
    if (hit) hit.tagValue = a.tagValue;
    else out.push({ tagKey: a.tagKey, tagValue: a.tagValue });
  }
  return out as TagView[];
}

export function removeTags(tags: readonly TagView[], keys: readonly string[]): TagView[] {
  return tags.filter((t) => !keys.includes(t.tagKey));
}

/**
 * Drops the aliases, grants and rotations of deleted keys (a key id never
 * comes back, so whatever still names one is stale). Call after folding,
 * before reading the maps.
 */
export function pruneDeleted(model: ProjectionModel): void {
  if (model.deleted.size === 0) return;
  const gone = (v: { keyId: string }) => model.deleted.has(v.keyId);
  for (const [k, a] of model.aliases) if (gone(a)) model.aliases.delete(k);
  for (const [k, g] of model.grants) if (gone(g)) model.grants.delete(k);
  for (const [k, r] of model.rotations) if (gone(r)) model.rotations.delete(k);
}

type Foldable<E> =
  E extends RecordedEvent<KeyEvent> ? Pick<E, 'type' | 'data' | 'position' | 'version'> : never;

/** What {@link applyEvent} reads of a committed event: a log row fits as it is. */
export type FoldableEvent = Foldable<RecordedEvent<KeyEvent>>;

/** Folds one committed event into the model. */
export function applyEvent(model: ProjectionModel, r: FoldableEvent): void {
  const d = r.data;
  if (r.type === 'KeyCreated') {
    const c = r.data;
    model.keys.set(c.keyId, {
      keyId: c.keyId,
      arn: c.arn,
      accountId: c.accountId,
      region: c.region,
      state: 'Enabled',
      description: c.description,
      keyUsage: c.keyUsage,
      keySpec: c.keySpec,
      origin: c.origin,
      keyManager: c.keyManager,
      multiRegion: c.multiRegion,
      policy: c.policy,
      tags: c.tags.map((t) => ({ tagKey: t.tagKey, tagValue: t.tagValue })),
      createdAt: c.createdAt,
      currentMaterialVersion: c.materialVersion,
      position: r.position,
      streamVersion: r.version,
      deletionDate: null,
      pendingWindowDays: null,
      rotationEnabled: false,
      rotationPeriodDays: null,
      nextRotationDate: null,
      onDemandRotations: 0,
    });
    return;
  }
  const key = model.keys.get(d.keyId);
  if (!key) return;
  key.streamVersion = r.version;
  switch (r.type) {
    case 'KeyEnabled':
    case 'KeyDisabled':
    case 'KeyDeletionCanceled':
      key.state = r.type === 'KeyEnabled' ? 'Enabled' : 'Disabled';
      key.deletionDate = null;
      key.pendingWindowDays = null;
      break;
    case 'KeyDeletionScheduled':
      key.state = 'PendingDeletion';
      key.deletionDate = r.data.deletionDate;
      key.pendingWindowDays = r.data.pendingWindowInDays;
      break;
    case 'KeyDeleted':
      // Its aliases, grants and rotations go in pruneDeleted, once: a scan
      // of every map per deleted key would make a replay quadratic.
      model.keys.delete(key.keyId);
      model.deleted.add(key.keyId);
      break;
    case 'KeyDescriptionUpdated':
      key.description = r.data.description;
      break;
    case 'KeyPolicyPut':
      key.policy = r.data.policy;
      break;
    case 'KeyTagged':
      key.tags = mergeTags(key.tags, r.data.tags);
      break;
    case 'KeyUntagged':
      key.tags = removeTags(key.tags, r.data.tagKeys);
      break;
    case 'AliasCreated':
      model.aliases.set(aliasKey(key.accountId, key.region, r.data.aliasName), {
        accountId: key.accountId,
        region: key.region,
        aliasName: r.data.aliasName,
        keyId: key.keyId,
        createdAt: r.data.at,
        updatedAt: r.data.at,
      });
      break;
    case 'AliasUpdated': {
      const a = model.aliases.get(aliasKey(key.accountId, key.region, r.data.aliasName));
      if (a) {
        a.keyId = key.keyId;
        a.updatedAt = r.data.at;
      }
      break;
    }
    case 'AliasDeleted':
      model.aliases.delete(aliasKey(key.accountId, key.region, r.data.aliasName));
      break;
    case 'KeyRotationEnabled':
      key.rotationEnabled = true;
      key.rotationPeriodDays = r.data.rotationPeriodInDays;
      key.nextRotationDate = r.data.nextRotationDate;
      break;
    case 'KeyRotationDisabled':
      key.rotationEnabled = false;
      key.nextRotationDate = null;
      break;
    case 'KeyMaterialRotated':
      key.currentMaterialVersion = r.data.materialVersion;
      if (r.data.nextRotationDate !== undefined) key.nextRotationDate = r.data.nextRotationDate;
      if (r.data.rotationType === 'ON_DEMAND') key.onDemandRotations += 1;
      model.rotations.set(`${key.keyId}/${r.data.materialVersion}`, {
        keyId: key.keyId,
        materialVersion: r.data.materialVersion,
        rotationDate: r.data.at,
        rotationType: r.data.rotationType,
      });
      break;
    case 'GrantCreated':
      model.grants.set(r.data.grantId, {
        grantId: r.data.grantId,
        keyId: key.keyId,
        name: r.data.name,
        granteePrincipal: r.data.granteePrincipal,
        retiringPrincipal: r.data.retiringPrincipal ?? null,
        issuingAccount: r.data.issuingAccount,
        operations: r.data.operations,
        constraints: r.data.constraints ?? null,
        createdAt: r.data.at,
        position: r.position,
      });
      break;
    case 'GrantRetired':
    case 'GrantRevoked':
      model.grants.delete(r.data.grantId);
      break;
    default: {
      const unknown: never = r;
      void unknown;
    }
  }
}
