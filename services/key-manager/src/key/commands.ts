import type { GrantConstraintsData } from '@keyhold/bus';
import type { PolicyCaller } from './validation.js';

/** A tag as AWS takes it. */
export interface KeyTag {
  readonly tagKey: string;
  readonly tagValue: string;
}

/**
 * Time comes from the handler, never from `decide`. The request id is not
 * `decide`'s business either: the handler stores it with the events.
 */
interface Meta {
  readonly metadata: { readonly now: Date; readonly requestId?: string | undefined };
}

type Cmd<T extends string, D = object> = {
  readonly type: T;
  readonly data: { readonly keyId: string } & D;
} & Meta;

/**
 * CreateKey as the aggregate sees it: the request's fields as given (the
 * decider validates them), plus the id, account and region the handler chose,
 * and the time it injected.
 */
export type CreateKey = Cmd<
  'CreateKey',
  {
    readonly accountId: string;
    readonly region: string;
    readonly description?: string | undefined;
    readonly keyUsage?: string | undefined;
    readonly keySpec?: string | undefined;
    readonly origin?: string | undefined;
    readonly policy?: string | undefined;
    readonly multiRegion?: boolean | undefined;
    readonly tags: readonly KeyTag[];
    readonly bypassPolicyLockoutSafetyCheck?: boolean | undefined;
    /** Who asks, for the lockout safety check of a given policy; absent: no check. */
    readonly caller?: PolicyCaller | undefined;
  }
>;

/** The alias/aws/<service> key, created with its alias on first use; a no-op once it exists. */
export type CreateManagedKey = Cmd<
  'CreateManagedKey',
  { readonly accountId: string; readonly region: string; readonly aliasName: string }
>;
export type EnableKey = Cmd<'EnableKey'>;
export type DisableKey = Cmd<'DisableKey'>;
export type UpdateKeyDescription = Cmd<'UpdateKeyDescription', { readonly description: string }>;
export type ScheduleKeyDeletion = Cmd<
  'ScheduleKeyDeletion',
  { readonly pendingWindowInDays?: number | undefined }
>;
export type CancelKeyDeletion = Cmd<'CancelKeyDeletion'>;
/** Issued by the deletion job; a no-op unless the key is pending deletion and due. */
export type DeleteKey = Cmd<'DeleteKey'>;
export type PutKeyPolicy = Cmd<
  'PutKeyPolicy',
  {
    readonly policyName?: string | undefined;
    readonly policy: string;
    readonly bypassPolicyLockoutSafetyCheck?: boolean | undefined;
    /** Who asks, for the lockout safety check; absent: no check. */
    readonly caller?: PolicyCaller | undefined;
  }
>;
export type TagResource = Cmd<'TagResource', { readonly tags: readonly KeyTag[] }>;
export type UntagResource = Cmd<'UntagResource', { readonly tagKeys: readonly string[] }>;
/** On the target key's stream; name uniqueness and the per-key quota are checked in the append. */
export type CreateAlias = Cmd<'CreateAlias', { readonly aliasName: string }>;
/** On the new target's stream. */
export type UpdateAlias = Cmd<
  'UpdateAlias',
  { readonly aliasName: string; readonly previousKeyId: string }
>;
/** On the stream of the key the alias points at. */
export type DeleteAlias = Cmd<'DeleteAlias', { readonly aliasName: string }>;
export type EnableKeyRotation = Cmd<
  'EnableKeyRotation',
  { readonly rotationPeriodInDays?: number | undefined }
>;
export type DisableKeyRotation = Cmd<'DisableKeyRotation'>;
/**
 * New material, already generated (wrapped) for `materialVersion`: the next
 * version after the one the handler saw. AUTOMATIC comes from the scheduler
 * and is a no-op when not due.
 */
export type RotateKey = Cmd<
  'RotateKey',
  { readonly materialVersion: number; readonly rotationType: 'AUTOMATIC' | 'ON_DEMAND' }
>;
export type CreateGrant = Cmd<
  'CreateGrant',
  {
    readonly grantId: string;
    readonly name?: string | undefined;
    readonly granteePrincipal: string;
    readonly retiringPrincipal?: string | undefined;
    readonly operations: readonly string[];
    readonly constraints?: GrantConstraintsData | undefined;
    readonly issuingAccount: string;
    readonly maxGrants: number;
    /**
     * Set when the caller's authority is a grant (named by a grant token),
     * not the key policy: the new grant must then fit inside that grant.
     */
    readonly viaGrant?: { readonly grantId: string; readonly caller: PolicyCaller } | undefined;
  }
>;
export type RetireGrant = Cmd<'RetireGrant', { readonly grantId: string }>;
export type RevokeGrant = Cmd<'RevokeGrant', { readonly grantId: string }>;

/** Every command of the key aggregate, named after its AWS operation. */
export type KeyCommand =
  | CreateKey
  | CreateManagedKey
  | EnableKey
  | DisableKey
  | UpdateKeyDescription
  | ScheduleKeyDeletion
  | CancelKeyDeletion
  | DeleteKey
  | PutKeyPolicy
  | TagResource
  | UntagResource
  | CreateAlias
  | UpdateAlias
  | DeleteAlias
  | EnableKeyRotation
  | DisableKeyRotation
  | RotateKey
  | CreateGrant
  | RetireGrant
  | RevokeGrant;
