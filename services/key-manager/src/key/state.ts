import type { KeyEvent } from '@keyhold/bus';

interface ExistingKey {
  readonly keyId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
  /** Newest material version; new encryptions use it, every older one stays decryptable. */
  readonly latestMaterialVersion: number;
}

/** What `decide` needs to know about a key, by lifecycle status. */
export type KeyState =
  | { readonly status: 'Nonexistent' }
  | ({ readonly status: 'Enabled' } & ExistingKey)
  | ({ readonly status: 'Disabled' } & ExistingKey)
  | ({ readonly status: 'PendingDeletion'; readonly deletionDate: string } & ExistingKey);

export function initialState(): KeyState {
  return { status: 'Nonexistent' };
}

/** Folds one event into the state; pure, never throws. */
export function evolve(state: KeyState, event: KeyEvent): KeyState {
  switch (event.type) {
    case 'KeyCreated':
      return {
        status: 'Enabled',
        keyId: event.data.keyId,
        arn: event.data.arn,
        accountId: event.data.accountId,
        region: event.data.region,
        latestMaterialVersion: event.data.materialVersion,
      };
    default: {
      const unknown: never = event.type;
      void unknown;
      return state;
    }
  }
}
