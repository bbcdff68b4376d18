import { createHash } from 'node:crypto';
import { AUDIT_EVENT_CATEGORIES, AUDIT_EVENT_VERSION, auditOutcome } from '@keyhold/bus';
import type { AuditEventCategory, AuditRecord, AuditUserIdentity } from '@keyhold/bus';
import { isKeyId, isKmsError, memoize, parseKeyArn } from '@keyhold/core';
import { v7 as uuidV7 } from 'uuid';

export { auditOutcome };

/** Everything known about one request when its audit record is written. */
export interface AuditInput {
  readonly requestId: string;
  readonly eventTime: Date;
  /** The AWS operation name ('' when the target named none we know). */
  readonly eventName: string;
  readonly region: string;
  readonly accountId?: string | undefined;
  readonly principalArn?: string | undefined;
  readonly accessKeyId?: string | undefined;
  /**
   * The service principal that made the call: the principal itself when a
   * service acts as itself, else the service acting for `principalArn`.
   */
  readonly invokedBy?: string | undefined;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The parsed JSON body, when it was a JSON object. */
  readonly requestBody?: Readonly<Record<string, unknown>> | undefined;
  /** The key ARN named by the response, on success. */
  readonly responseKeyArn?: string | undefined;
  /** Allow-listed response fields from the operation. */
  readonly responseElements?: Readonly<Record<string, unknown>> | undefined;
  /** On failure: the AWS error code and client-safe message sent. */
  readonly errorCode?: string | undefined;
  readonly errorMessage?: string | undefined;
  /** On AccessDenied: the deciding statement or `no allow`; recorded, never sent to the caller. */
  readonly denyReason?: string | undefined;
}

const MAX_STRING = 8192;
const EVENT_SOURCE = 'kms.amazonaws.com';

/**
 * The key's data plane: CloudTrail's "data events". Their responseElements
 * are left out (null), as CloudTrail does: they would only repeat the key.
 */
const DATA_EVENTS = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateRandom',
  'GenerateMac',
  'VerifyMac',
  'Sign',
  'Verify',
  'DeriveSharedSecret',
]);

/** Calls that change nothing, as CloudTrail marks them (crypto calls included). */
const isReadOnly = (eventName: string): boolean =>
  DATA_EVENTS.has(eventName) || /^(Describe|List|Get)/.test(eventName);

type Kind = 'string' | 'number' | 'boolean' | 'map' | 'list';

/**
 * Request members copied into the record, by AWS member name. An allow-list:
 * Plaintext, CiphertextBlob, GrantTokens, Policy, Tags and anything not named
 * here never reach the audit log, and values of an unexpected type are
 * dropped rather than copied.
 */
const REQUEST_PARAMETERS: ReadonlyArray<readonly [string, string, Kind]> = [
  ['KeyId', 'keyId', 'string'],
  ['SourceKeyId', 'sourceKeyId', 'string'],
  ['DestinationKeyId', 'destinationKeyId', 'string'],
  ['TargetKeyId', 'targetKeyId', 'string'],
  ['AliasName', 'aliasName', 'string'],
  ['EncryptionContext', 'encryptionContext', 'map'],
  ['SourceEncryptionContext', 'sourceEncryptionContext', 'map'],
  ['DestinationEncryptionContext', 'destinationEncryptionContext', 'map'],
  ['EncryptionAlgorithm', 'encryptionAlgorithm', 'string'],
  ['SourceEncryptionAlgorithm', 'sourceEncryptionAlgorithm', 'string'],
  ['DestinationEncryptionAlgorithm', 'destinationEncryptionAlgorithm', 'string'],
  ['NumberOfBytes', 'numberOfBytes', 'number'],
  ['KeySpec', 'keySpec', 'string'],
  ['KeyPairSpec', 'keyPairSpec', 'string'],
  ['CustomerMasterKeySpec', 'customerMasterKeySpec', 'string'],
  ['KeyUsage', 'keyUsage', 'string'],
  ['Origin', 'origin', 'string'],
  ['MultiRegion', 'multiRegion', 'boolean'],
  ['Description', 'description', 'string'],
  ['PendingWindowInDays', 'pendingWindowInDays', 'number'],
  ['RotationPeriodInDays', 'rotationPeriodInDays', 'number'],
  ['GrantId', 'grantId', 'string'],
  ['GranteePrincipal', 'granteePrincipal', 'string'],
  ['RetiringPrincipal', 'retiringPrincipal', 'string'],
  ['Operations', 'operations', 'list'],
  ['Name', 'name', 'string'],
  ['PolicyName', 'policyName', 'string'],
  ['TagKeys', 'tagKeys', 'list'],
  ['BypassPolicyLockoutSafetyCheck', 'bypassPolicyLockoutSafetyCheck', 'boolean'],
  ['DryRun', 'dryRun', 'boolean'],
  ['Limit', 'limit', 'number'],
  ['Marker', 'marker', 'string'],
];

const shortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STRING;

/** Allow-listed request parameters, camelCase as CloudTrail writes them. */
export function auditRequestParameters(
  body: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body) return out;
  for (const [member, field, kind] of REQUEST_PARAMETERS) {
    if (!Object.hasOwn(body, member)) continue;
    const value = body[member];
    if (kind === 'map') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const entries = Object.entries(value).filter(
        (e): e is [string, string] => e[0].length <= MAX_STRING && shortString(e[1]),
      );
      out[field] = Object.fromEntries(entries);
    } else if (kind === 'list') {
      if (Array.isArray(value)) out[field] = value.filter(shortString).slice(0, 100);
    } else if (typeof value === kind) {
      out[field] = typeof value === 'string' ? value.slice(0, MAX_STRING) : value;
    }
  }
  return out;
}

/** Why a failed request was denied, as the service that decided told the gateway. */
export function auditDenyReason(err: unknown): string | undefined {
  return isKmsError(err) ? err.audit?.denyReason : undefined;
}

/** The key a request was about: from the response's ARN, else the request's KeyId. */
export function auditKey(
  responseKeyArn: string | undefined,
  requestKeyId: unknown,
): { keyId: string; keyArn: string; accountId: string } {
  const fromArn = (arn: string) => {
    const parts = parseKeyArn(arn);
    return parts ? { keyId: parts.keyId, keyArn: arn, accountId: parts.accountId } : undefined;
  };
  const fromResponse = responseKeyArn ? fromArn(responseKeyArn) : undefined;
  if (fromResponse) return fromResponse;
  if (typeof requestKeyId === 'string') {
    const fromRequest = fromArn(requestKeyId);
    if (fromRequest) return fromRequest;
    if (isKeyId(requestKeyId)) return { keyId: requestKeyId, keyArn: '', accountId: '' };
  }
  return { keyId: '', keyArn: '', accountId: '' };
}

/**
 * The 17 characters after an IAM-looking id's prefix, the same for a
 * principal every time. Memoised: they are on every request's record and
 * cost a hash and a BigInt; the ARN alone keys the memo, since the prefix
 * follows from it.
 */
const principalIdSuffix = memoize((arn: string): string => {
  const digest = createHash('sha256').update(arn).digest('hex').toUpperCase();
  return BigInt(`0x${digest.slice(0, 22)}`)
    .toString(36)
    .toUpperCase()
    .padStart(17, '0')
    .slice(0, 17);
});

/** A stable, IAM-looking id: the same principal always gets the same one. */
function stablePrincipalId(prefix: string, arn: string): string {
  return `${prefix}${principalIdSuffix(arn)}`;
}

/**
 * CloudTrail's `userIdentity` from what authentication established. A
 * service principal acting as itself is CloudTrail's `AWSService` (its name
 * in `invokedBy`; Keyhold keeps it in `arn` too, so lookups by principal find
 * it); a service acting for a user shows the user, with `invokedBy` naming
 * the service and `accessKeyId` the service's key that signed.
 */
export function auditUserIdentity(
  accountId: string | undefined,
  principalArn: string | undefined,
  accessKeyId: string | undefined,
  invokedBy?: string,
): AuditUserIdentity {
  const arn = principalArn ?? '';
  const via = invokedBy ? { invokedBy } : {};
  if (invokedBy !== undefined && invokedBy === arn) {
    return {
      type: 'AWSService',
      principalId: '',
      arn,
      accountId: accountId ?? '',
      accessKeyId: accessKeyId ?? '',
      ...via,
    };
  }
  const resource = /^arn:[^:]*:(?:iam|sts)::\d{12}:(.*)$/.exec(arn)?.[1];
  let type = 'Unknown';
  let prefix = '';
  if (resource === 'root') type = 'Root';
  else if (resource?.startsWith('user/')) [type, prefix] = ['IAMUser', 'AIDA'];
  else if (resource?.startsWith('assumed-role/')) [type, prefix] = ['AssumedRole', 'AROA'];
  else if (resource?.startsWith('role/')) [type, prefix] = ['Role', 'AROA'];
  else if (arn !== '') type = 'IAMUser';
  let principalId = '';
  if (type === 'Root') principalId = accountId ?? '';
  else if (arn !== '') principalId = stablePrincipalId(prefix || 'AIDA', arn);
  return {
    type,
    principalId,
    arn,
    accountId: accountId ?? '',
    accessKeyId: accessKeyId ?? '',
    ...via,
  };
}

/** One audit record; see {@link AuditRecord} for what it never holds. */
export function buildAuditRecord(input: AuditInput): AuditRecord {
  const key = auditKey(input.responseKeyArn, input.requestBody?.['KeyId']);
  const failed = input.errorCode !== undefined;
  const category: AuditEventCategory = DATA_EVENTS.has(input.eventName)
    ? AUDIT_EVENT_CATEGORIES.Data
    : AUDIT_EVENT_CATEGORIES.Management;
  const record: AuditRecord = {
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: auditUserIdentity(
      input.accountId,
      input.principalArn,
      input.accessKeyId,
      input.invokedBy,
    ),
    eventTime: input.eventTime.toISOString(),
    eventSource: EVENT_SOURCE,
    eventName: input.eventName,
    awsRegion: input.region,
    sourceIPAddress: input.sourceIp,
    userAgent: input.userAgent.slice(0, 1024),
    requestParameters: input.requestBody ? auditRequestParameters(input.requestBody) : null,
    responseElements:
      failed || category === AUDIT_EVENT_CATEGORIES.Data || !input.responseElements
        ? null
        : { ...input.responseElements },
    ...(failed ? { errorCode: input.errorCode, errorMessage: input.errorMessage ?? '' } : {}),
    ...(failed && input.denyReason !== undefined
      ? { additionalEventData: { denyReason: input.denyReason.slice(0, MAX_STRING) } }
      : {}),
    requestID: input.requestId,
    // Time-ordered (UUIDv7: ms timestamp, then a counter and random bits), so that
    // audit-log's unique index on event_id grows at its right edge like the
    // time index, instead of taking each insert on a random page: with random
    // v4 ids that index cost twice as much per row already at 1.6M rows, and
    // once it outgrows memory each insert would read a random page.
    eventID: uuidV7(),
    readOnly: isReadOnly(input.eventName),
    resources: key.keyArn
      ? [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.keyArn }]
      : [],
    eventType: 'AwsApiCall',
    managementEvent: category === AUDIT_EVENT_CATEGORIES.Management,
    eventCategory: category,
    recipientAccountId: key.accountId || (input.accountId ?? ''),
  };
  return record;
}
