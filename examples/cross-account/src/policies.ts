/** What account B may do with account A's key: use it, never manage it. */
export const CROSS_ACCOUNT_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:GenerateDataKey',
  'kms:DescribeKey',
] as const;

const document = (statements: readonly object[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});

/**
 * The key policy of A's key: A's own IAM policies govern A (the default
 * statement), and B's account root may use the key. Naming B's root hands
 * the decision on B's side to B's IAM policies: B must still allow it there.
 */
export function sharedKeyPolicy(ownerAccount: string, userAccount: string): string {
  return JSON.stringify(
    document([
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ownerAccount}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'Allow use of the key by another account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${userAccount}:root` },
        Action: [...CROSS_ACCOUNT_ACTIONS],
        Resource: '*',
      },
    ]),
  );
}

/**
 * B's identity policy, on the principal in B that uses the key: the same
 * actions on A's key, named by key ARN (or an ARN pattern of A's keys).
 */
export function crossAccountIdentityPolicy(keyArn: string): object {
  return document([
    {
      Sid: 'UseKeyOfAnotherAccount',
      Effect: 'Allow',
      Action: [...CROSS_ACCOUNT_ACTIONS],
      Resource: keyArn,
    },
  ]);
}
