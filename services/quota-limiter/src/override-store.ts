import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { NO_OVERRIDES, formatQuotaFile, parseQuotaFile } from './quotas.js';
import type { QuotaOverrides } from './quotas.js';

/** Where live overrides survive a restart. */
export interface OverrideStore {
  load(): Promise<QuotaOverrides>;
  save(overrides: QuotaOverrides): Promise<void>;
}

/** Keeps nothing: live overrides last as long as the process. */
export const MEMORY_STORE: OverrideStore = {
  load: async () => NO_OVERRIDES,
  save: async () => {},
};

/**
 * A JSON file in the quota file's format, replaced atomically (write a
 * sibling, then rename), so that a crash mid-write leaves the old version.
 * Writes are serialised: the last call's state is the one on disk.
 */
export function fileOverrideStore(path: string): OverrideStore {
  let chain: Promise<void> = Promise.resolve();
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return NO_OVERRIDES;
        throw err;
      }
      return parseQuotaFile(text, `KEYHOLD_QUOTA_STATE_FILE (${path})`);
    },
    save(overrides) {
      const run = async (): Promise<void> => {
        const tmp = `${path}.${randomUUID()}.tmp`;
        try {
          await writeFile(tmp, formatQuotaFile(overrides), { mode: 0o644 });
          await rename(tmp, path);
        } catch (err) {
          await rm(tmp, { force: true });
          throw err;
        }
      };
      const next = chain.then(run, run);
      chain = next.catch(() => {});
      return next;
    },
  };
}
