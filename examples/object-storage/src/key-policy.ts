/** Who a bucket key serves. */
export interface BucketKeyPolicyInput {
  readonly bucket: string;
  /** Manages the key; may not use it for data, not even directly. */
  readonly adminArn: string;
  /** The users (IAM principal ARNs) who may store objects in the bucket. */
  readonly userArns: readonly string[];
  /** The object store's service principal name, e.g. `objectstore.keyhold.internal`. */
  readonly service: string;
}

/** AWS's "key administrators" actions: everything but using the key for data. */
const ADMINISTRATION = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/**
 * A bucket key's policy in the shape of AWS's SSE-KMS keys: the bucket's
 * users may generate and decrypt data keys only through the object store
 * (`kms:ViaService`) and only for objects of this bucket (the `aws:s3:arn`
 * encryption context); the administrator manages the key without using it.
 * There is deliberately no `arn:aws:iam::<account>:root` statement: it
 * would let any identity policy granting `kms:Decrypt` reach the key
 * directly, around the store.
 */
export function bucketKeyPolicy(input: BucketKeyPolicyInput): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Key administrator',
        Effect: 'Allow',
        Principal: { AWS: input.adminArn },
        Action: ADMINISTRATION,
        Resource: '*',
      },
      {
        Sid: `Objects of ${input.bucket}, only through ${input.service}`,
        Effect: 'Allow',
        Principal: { AWS: [...input.userArns] },
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ViaService': input.service },
          StringLike: { 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${input.bucket}/*` },
        },
      },
    ],
  });
}
