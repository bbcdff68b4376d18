/** Identifier rules shared by commands, the seed file and the admin API. */

// Principal ARNs follow core's rule, shared with the gateway.
export { PRINCIPAL_ARN, accountRootArn as rootArn, parsePrincipalArn } from '@keyhold/core';

export const ACCOUNT_ID = /^\d{12}$/;
/** DNS-style names of the platform's integrated services, e.g. s3.amazonaws.com. */
export const SERVICE_PRINCIPAL_NAME =
  /^(?=.{3,128}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
/** IAM's rule for imported (seed) access key ids; generated ones are stricter. */
export const ACCESS_KEY_ID = /^[\w+=,.@-]{1,128}$/;
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
