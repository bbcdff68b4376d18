// Shared data for this folder's tests (not exported from the package).
import { parsePolicy } from './parse.js';
import type { CallerPrincipal, Policy, RequestContext } from './types.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;
export const OTHER_ROOT_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:root`;

export const alice: CallerPrincipal = {
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  type: 'user',
};
export const bob: CallerPrincipal = {
  arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
  accountId: ACCOUNT,
  type: 'user',
};
export const root: CallerPrincipal = { arn: ROOT_ARN, accountId: ACCOUNT, type: 'root' };
export const appRole: CallerPrincipal = {
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/session-1`,
  accountId: ACCOUNT,
  type: 'role',
};
export const carol: CallerPrincipal = {
  arn: `arn:aws:iam::${OTHER_ACCOUNT}:user/carol`,
  accountId: OTHER_ACCOUNT,
  type: 'user',
};
export const otherRoot: CallerPrincipal = {
  arn: OTHER_ROOT_ARN,
  accountId: OTHER_ACCOUNT,
  type: 'root',
};
export const s3Service: CallerPrincipal = {
  arn: 's3.amazonaws.com',
  accountId: '',
  type: 'service',
};

/** A request from alice to Encrypt under the test key, with `overrides`. */
export function request(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    principal: alice,
    action: 'kms:Encrypt',
    key: { arn: KEY_ARN, accountId: ACCOUNT },
    ...overrides,
  };
}

/** A key policy of these statements. */
export function keyPolicy(...statements: object[]): Policy {
  return parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

/** An identity policy of these statements. */
export function identityPolicy(...statements: object[]): Policy {
  return parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), {
    kind: 'identity',
  });
}

/** The default key policy: the account root, i.e. delegation to IAM. */
export const DEFAULT_KEY_POLICY = keyPolicy({
  Sid: 'Enable IAM policies',
  Effect: 'Allow',
  Principal: { AWS: ROOT_ARN },
  Action: 'kms:*',
  Resource: '*',
});

/** An identity policy allowing every kms action. */
export const KMS_ALL = identityPolicy({
  Sid: 'AllKms',
  Effect: 'Allow',
  Action: 'kms:*',
  Resource: '*',
});
