/*
 * Identity events: one stream per account, `account-<12 digits>`, holding
 * the account, its principals, service principals, access keys and identity
 * policies. Type strings are permanent. No event ever carries a secret in
 * the clear: an access key's secret is AES-256-GCM ciphertext (see secrets.ts).
 */

/** The secret access key sealed under the identity key; AAD binds the access key id. */
export interface SealedSecret {
  /** base64 of the 12-byte nonce. */
  readonly iv: string;
  /** base64 of ciphertext followed by the 16-byte tag. */
  readonly sealed: string;
}

export type PrincipalKind = 'root' | 'user' | 'role';
export type AccessKeyStatus = 'Active' | 'Inactive';

interface At {
  /** ISO-8601 time the fact was recorded by the service. */
  readonly at: string;
}

export type IdentityEvent =
  | { type: 'AccountCreated'; data: { accountId: string } & At }
  | { type: 'PrincipalCreated'; data: { arn: string; kind: PrincipalKind } & At }
  | { type: 'PrincipalDeleted'; data: { arn: string } & At }
  | { type: 'ServicePrincipalRegistered'; data: { name: string } & At }
  | { type: 'ServicePrincipalRemoved'; data: { name: string } & At }
  | {
      type: 'AccessKeyCreated';
      /** `owner`: a principal ARN of this account or a service principal name. */
      data: { accessKeyId: string; owner: string; secret: SealedSecret } & At;
    }
  | { type: 'AccessKeyDeactivated'; data: { accessKeyId: string } & At }
  | { type: 'AccessKeyActivated'; data: { accessKeyId: string } & At }
  | { type: 'AccessKeyDeleted'; data: { accessKeyId: string } & At }
  | {
      type: 'IdentityPolicyPut';
      data: { principalArn: string; policyName: string; document: string } & At;
    }
  | { type: 'IdentityPolicyDeleted'; data: { principalArn: string; policyName: string } & At };

export const ACCOUNT_STREAM_PREFIX = 'account-';

export function accountStreamId(accountId: string): string {
  return `${ACCOUNT_STREAM_PREFIX}${accountId}`;
}
