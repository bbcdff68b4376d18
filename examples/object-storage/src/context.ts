/** The S3-style ARN of an object: what SSE-KMS binds each data key to. */
export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

/**
 * The encryption context of an object's data key, as S3 sends it to KMS: a
 * data key generated for one object cannot be decrypted under another's name,
 * and the context lands in the audit record, naming the object.
 */
export function objectContext(bucket: string, key: string): Record<string, string> {
  return { 'aws:s3:arn': objectArn(bucket, key) };
}
