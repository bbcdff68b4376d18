import { KmsError } from '@keyhold/core';
import { ACCOUNT_ID, parsePrincipalArn, rootArn } from '../identity/names.js';

/** An IAM principal named in a request: its account and the IAM action noun (User or Role). */
export interface NamedPrincipal {
  readonly arn: string;
  readonly accountId: string;
  readonly kind: 'root' | 'user' | 'role';
  /** `User` for users and the root, `Role` for roles: iam:PutUserPolicy, iam:PutRolePolicy. */
  readonly noun: 'User' | 'Role';
}

export function namedPrincipal(arn: string): NamedPrincipal {
  const parsed = parsePrincipalArn(arn);
  if (!parsed) {
    throw KmsError.validation(
      `'${arn.slice(0, 200)}' is not arn:aws:iam::<account>:root|user/<name>|role/<name>.`,
    );
  }
  return { arn, ...parsed, noun: parsed.kind === 'role' ? 'Role' : 'User' };
}

export function accountId(value: string): string {
  if (!ACCOUNT_ID.test(value)) throw KmsError.validation('An account id is 12 digits.');
  return value;
}

/** The resource an admin call on a service principal names, for identity policies. */
export function servicePrincipalResource(account: string, name: string): string {
  return `arn:aws:iam::${account}:service-principal/${name}`;
}

/** The resource of an account-level call (list, create account). */
export const accountResource = rootArn;

/**
 * An access key owner as named in a request: an IAM principal ARN (its
 * account implied) or a service principal name with its account.
 */
export function ownerOf(
  owner: string,
  account: string,
): { readonly accountId: string; readonly resource: string } {
  if (owner.startsWith('arn:')) {
    const p = namedPrincipal(owner);
    if (account !== '' && account !== p.accountId) {
      throw KmsError.validation(`${owner} is not in account ${account}.`);
    }
    return { accountId: p.accountId, resource: owner };
  }
  const id = accountId(account);
  return { accountId: id, resource: servicePrincipalResource(id, owner) };
}
