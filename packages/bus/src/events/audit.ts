/** How a request ended, as recorded in the audit log (derived from errorCode). */
export const AUDIT_OUTCOMES = {
  Allowed: 'Allowed',
  Denied: 'Denied',
  Throttled: 'Throttled',
  Failed: 'Failed',
} as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[keyof typeof AUDIT_OUTCOMES];

/**
 * Version of the {@link AuditRecord} shape. Bump it when the shape changes;
 * consumers dispatch on it. Records without an `eventVersion` are the flat
 * shape of version 1 (before CloudTrail-like fields) and are upcast on read.
 */
export const AUDIT_EVENT_VERSION = '2.0';

/** CloudTrail's split of KMS calls: the key's data plane or its management. */
export const AUDIT_EVENT_CATEGORIES = { Management: 'Management', Data: 'Data' } as const;
export type AuditEventCategory =
  (typeof AUDIT_EVENT_CATEGORIES)[keyof typeof AUDIT_EVENT_CATEGORIES];

/** Who made the request, as CloudTrail's `userIdentity`. Empty strings when unauthenticated. */
export interface AuditUserIdentity {
  /**
   * `IAMUser`, `AssumedRole`, `Root`, `Role`, `AWSService` (a service
   * principal acting as itself), or `Unknown` when authentication failed.
   */
  readonly type: string;
  /**
   * A stable opaque id of the principal. Keyhold has no IAM unique ids, so it
   * is derived from the principal ARN (`AIDA…` for users, `AROA…` for roles).
   */
  readonly principalId: string;
  readonly arn: string;
  readonly accountId: string;
  /** Present even when authentication failed, as the request named it. */
  readonly accessKeyId: string;
  /** The service principal that made the call (itself, or for the principal above). */
  readonly invokedBy?: string;
}

/** A resource the request touched; for KMS, the key. */
export interface AuditResource {
  readonly accountId: string;
  /** `AWS::KMS::Key` */
  readonly type: string;
  readonly ARN: string;
}

/** {@link AuditRecord.additionalEventData} */
export interface AuditAdditionalEventData {
  readonly denyReason?: string;
}

/**
 * One audited request, shaped like a CloudTrail KMS event (field names as
 * CloudTrail writes them). Never holds plaintext, data keys, ciphertext
 * blobs, key material, grant tokens or secrets: requestParameters and
 * responseElements are built from allow-lists.
 */
export interface AuditRecord {
  /** {@link AUDIT_EVENT_VERSION} */
  readonly eventVersion: string;
  readonly userIdentity: AuditUserIdentity;
  /** ISO-8601, UTC, milliseconds. */
  readonly eventTime: string;
  /** `kms.amazonaws.com`, so CloudTrail tooling recognises the records. */
  readonly eventSource: string;
  /** The AWS operation name ('' when the request named none we know). */
  readonly eventName: string;
  /** The request's region ('' when it named no valid one). */
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  /** Allow-listed request members, camelCase as CloudTrail writes them. */
  readonly requestParameters: Readonly<Record<string, unknown>> | null;
  /** Allow-listed response members of management calls; null for data calls and failures. */
  readonly responseElements: Readonly<Record<string, unknown>> | null;
  /** The AWS exception name; absent when the request succeeded. */
  readonly errorCode?: string;
  /** The client-safe message sent; absent when the request succeeded. */
  readonly errorMessage?: string;
  /**
   * Keyhold's detail beyond CloudTrail's fields; `denyReason` on a denied
   * request: the deciding statement (Sid or index) or `no allow`, which the
   * caller is never told.
   */
  readonly additionalEventData?: AuditAdditionalEventData;
  /** The `x-amzn-RequestId` the caller saw. */
  readonly requestID: string;
  /** Unique per record (UUID); the audit log stores each at most once. */
  readonly eventID: string;
  readonly readOnly: boolean;
  /** The key, when known. */
  readonly resources: readonly AuditResource[];
  /** `AwsApiCall` */
  readonly eventType: string;
  readonly managementEvent: boolean;
  readonly eventCategory: AuditEventCategory;
  /** The key owner's account (differs from the caller's on cross-account calls); else the caller's. */
  readonly recipientAccountId: string;
}

/**
 * Audit records travel packed: one JetStream message on `<prefix>.audit.<region>`
 * holds up to a few hundred records, `Nats-Msg-Id` = `batchId`.
 */
export interface AuditBatch {
  readonly batchId: string;
  readonly records: readonly AuditRecord[];
}

/** Allowed, Denied (AccessDenied), Throttled or Failed (any other error), from a record's errorCode. */
export function auditOutcome(errorCode: string | undefined): AuditOutcome {
  if (errorCode === undefined || errorCode === '') return AUDIT_OUTCOMES.Allowed;
  if (errorCode === 'AccessDeniedException') return AUDIT_OUTCOMES.Denied;
  if (errorCode === 'ThrottlingException') return AUDIT_OUTCOMES.Throttled;
  return AUDIT_OUTCOMES.Failed;
}
