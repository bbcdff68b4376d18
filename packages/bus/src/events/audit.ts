/** How a request ended, as recorded in the audit log. */
export const AUDIT_OUTCOMES = {
  Allowed: 'Allowed',
  Denied: 'Denied',
  Throttled: 'Throttled',
  Failed: 'Failed',
} as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[keyof typeof AUDIT_OUTCOMES];

/**
 * One audited request, in the spirit of a CloudTrail record. Never holds
 * plaintext, data keys, ciphertext blobs, key material or secrets:
 * requestParameters and responseElements are built from allow-lists.
 */
export interface AuditRecord {
  readonly eventId: string;
  readonly requestId: string;
  /** ISO-8601 */
  readonly eventTime: string;
  /** The AWS operation name. */
  readonly eventName: string;
  readonly region: string;
  /** The caller's account ('' when the caller was not authenticated). */
  readonly accountId: string;
  readonly principalArn: string;
  readonly accessKeyId: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The key's ARN when known. */
  readonly keyArn: string;
  /** The key's id when known (from the ARN or the request's bare key id). */
  readonly keyId: string;
  readonly outcome: AuditOutcome;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly requestParameters: Readonly<Record<string, unknown>>;
  readonly responseElements: Readonly<Record<string, unknown>>;
  /** The service that served the request. */
  readonly service: string;
}

/**
 * Audit records travel packed: one JetStream message on `<prefix>.audit.<region>`
 * holds up to a few hundred records, `Nats-Msg-Id` = `batchId`.
 */
export interface AuditBatch {
  readonly batchId: string;
  readonly records: readonly AuditRecord[];
}
