/** A tag as AWS takes it. */
export interface KeyTag {
  readonly tagKey: string;
  readonly tagValue: string;
}

/**
 * CreateKey as the aggregate sees it: the request's fields as given (the
 * decider validates them), plus the id, account and region the handler chose,
 * and the time it injected.
 */
export interface CreateKey {
  readonly type: 'CreateKey';
  readonly data: {
    readonly keyId: string;
    readonly accountId: string;
    readonly region: string;
    readonly description?: string | undefined;
    readonly keyUsage?: string | undefined;
    readonly keySpec?: string | undefined;
    readonly origin?: string | undefined;
    readonly policy?: string | undefined;
    readonly multiRegion?: boolean | undefined;
    readonly tags: readonly KeyTag[];
  };
  readonly metadata: { readonly now: Date };
}

/** Every command of the key aggregate, named after its AWS operation. */
export type KeyCommand = CreateKey;
