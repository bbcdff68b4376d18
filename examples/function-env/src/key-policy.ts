/** One function and the role it runs as. */
export interface FunctionRole {
  readonly functionName: string;
  readonly roleArn: string;
}

/**
 * A key policy for functions' secrets: the account's administrators manage
 * and encrypt through IAM as usual, and each function role may decrypt only
 * ciphertexts whose encryption context names its own function.
 */
export function functionKeyPolicy(account: string, functions: readonly FunctionRole[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...functions.map((f) => ({
        Sid: `Decrypt secrets of ${f.functionName}`,
        Effect: 'Allow',
        Principal: { AWS: f.roleArn },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:FunctionName': f.functionName } },
      })),
    ],
  });
}
