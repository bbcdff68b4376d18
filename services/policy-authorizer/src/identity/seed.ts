import { isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';
import type { IdentitiesDocument } from '../identities.js';
import type { IdentityCommand } from './decider.js';
import type { IdentityDirectory } from './directory.js';

/** The inline policy name a seed file's `policies[i]` gets. */
export const seedPolicyName = (index: number): string => `seed-${index}`;

/**
 * Creates whatever of the seed document the directory lacks: accounts,
 * principals, access keys (their secrets sealed) and policies. Run at every
 * start, so it is idempotent: an entry that exists, even if changed since
 * (a deactivated key, an edited policy), is left as it is. A racing replica
 * creating the same entry is fine too.
 */
export async function seedIdentities(
  directory: IdentityDirectory,
  document: IdentitiesDocument,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<number> {
  let created = 0;
  const run = async (command: IdentityCommand): Promise<void> => {
    try {
      created += (await directory.execute(command)).length > 0 ? 1 : 0;
    } catch (err) {
      if (!isKmsError(err, 'AlreadyExistsException')) throw err;
    }
  };
  for (const account of document.accounts) {
    const { accountId } = account;
    const at = () => now().toISOString();
    if (!directory.account(accountId)) await run({ type: 'CreateAccount', accountId, at: at() });
    for (const principal of account.principals) {
      const state = directory.account(accountId);
      if (!state?.principals.has(principal.arn)) {
        await run({ type: 'CreatePrincipal', accountId, arn: principal.arn, at: at() });
      }
      for (const key of principal.accessKeys) {
        const holder = directory.accountOfAccessKey(key.accessKeyId);
        if (holder !== undefined) {
          const owner = directory.account(holder)?.accessKeys.get(key.accessKeyId)?.owner;
          if (owner !== principal.arn) {
            logger.warn(
              { accessKeyId: key.accessKeyId, owner },
              'seed access key belongs to another principal; left as it is',
            );
          }
          continue;
        }
        await run({
          type: 'CreateAccessKey',
          accountId,
          owner: principal.arn,
          accessKeyId: key.accessKeyId,
          secret: directory.seal(key.accessKeyId, key.secretAccessKey),
          at: at(),
        });
      }
      for (const [index, doc] of (principal.policies ?? []).entries()) {
        const policyName = seedPolicyName(index);
        if (directory.account(accountId)?.principals.get(principal.arn)?.policies.has(policyName))
          continue;
        await run({
          type: 'PutIdentityPolicy',
          accountId,
          principalArn: principal.arn,
          policyName,
          document: JSON.stringify(doc),
          at: at(),
        });
      }
    }
  }
  return created;
}
