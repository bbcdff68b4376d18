/** Identifier rules shared by commands, the seed file and the admin API. */

export const ACCOUNT_ID = /^\d{12}$/;
/** root, users and roles with optional paths, as IAM names them. */
export const PRINCIPAL_ARN =
  /^arn:aws:iam::(\d{12}):(root|(user|role)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128})$/;
/** DNS-style names of the platform's integrated services, e.g. s3.amazonaws.com. */
export const SERVICE_PRINCIPAL_NAME =
  /^(?=.{3,128}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
/** IAM's rule for imported (seed) access key ids; generated ones are stricter. */
export const ACCESS_KEY_ID = /^[\w+=,.@-]{1,128}$/;
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

/** The account and kind of a principal ARN, or undefined when it is not one. */
export function parsePrincipalArn(
  arn: string,
): { readonly accountId: string; readonly kind: 'root' | 'user' | 'role' } | undefined {
  const m = PRINCIPAL_ARN.exec(arn);
  if (!m) return undefined;
  return { accountId: m[1]!, kind: m[2] === 'root' ? 'root' : (m[3] as 'user' | 'role') };
}
