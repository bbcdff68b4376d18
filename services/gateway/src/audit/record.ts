import { randomUUID } from 'node:crypto';
import { AUDIT_OUTCOMES } from '@keyhold/bus';
import type { AuditOutcome, AuditRecord } from '@keyhold/bus';
import { isKeyId, parseKeyArn } from '@keyhold/core';

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
}

const MAX_STRING = 8192;

/**
 * Request members copied into the record, by AWS member name. An allow-list:
 * Plaintext, CiphertextBlob and anything not named here never reach the audit
 * log, and values of an unexpected type are dropped rather than copied.
 */
const REQUEST_PARAMETERS: ReadonlyArray<
  readonly [string, string, 'string' | 'number' | 'boolean' | 'map']
> = [
  ['KeyId', 'keyId', 'string'],
  ['EncryptionContext', 'encryptionContext', 'map'],
  ['NumberOfBytes', 'numberOfBytes', 'number'],
  ['KeySpec', 'keySpec', 'string'],
  ['KeyUsage', 'keyUsage', 'string'],
  ['Origin', 'origin', 'string'],
  ['MultiRegion', 'multiRegion', 'boolean'],
  ['EncryptionAlgorithm', 'encryptionAlgorithm', 'string'],
  ['Description', 'description', 'string'],
  ['Limit', 'limit', 'number'],
  ['Marker', 'marker', 'string'],
];

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
        (e): e is [string, string] =>
          typeof e[1] === 'string' && e[0].length <= MAX_STRING && e[1].length <= MAX_STRING,
      );
      out[field] = Object.fromEntries(entries);
    } else if (typeof value === kind) {
      out[field] = typeof value === 'string' ? value.slice(0, MAX_STRING) : value;
    }
  }
  return out;
}

/** Allowed, Denied (AccessDenied), Throttled or Failed (any other error). */
export function auditOutcome(errorCode: string | undefined): AuditOutcome {
  if (errorCode === undefined) return AUDIT_OUTCOMES.Allowed;
  if (errorCode === 'AccessDeniedException') return AUDIT_OUTCOMES.Denied;
  if (errorCode === 'ThrottlingException') return AUDIT_OUTCOMES.Throttled;
  return AUDIT_OUTCOMES.Failed;
}

/** The key a request was about: from the response's ARN, else the request's KeyId. */
export function auditKey(
  responseKeyArn: string | undefined,
  requestKeyId: unknown,
): { keyId: string; keyArn: string } {
  const fromArn = (arn: string): { keyId: string; keyArn: string } | undefined => {
    const parts = parseKeyArn(arn);
    return parts ? { keyId: parts.keyId, keyArn: arn } : undefined;
  };
  const fromResponse = responseKeyArn ? fromArn(responseKeyArn) : undefined;
  if (fromResponse) return fromResponse;
  if (typeof requestKeyId === 'string') {
    const fromRequest = fromArn(requestKeyId);
    if (fromRequest) return fromRequest;
    if (isKeyId(requestKeyId)) return { keyId: requestKeyId, keyArn: '' };
  }
  return { keyId: '', keyArn: '' };
}

/** One audit record; see {@link AuditRecord} for what it never holds. */
export function buildAuditRecord(input: AuditInput): AuditRecord {
  const key = auditKey(input.responseKeyArn, input.requestBody?.['KeyId']);
  return {
    eventId: randomUUID(),
    requestId: input.requestId,
    eventTime: input.eventTime.toISOString(),
    eventName: input.eventName,
    region: input.region,
    accountId: input.accountId ?? '',
    principalArn: input.principalArn ?? '',
    accessKeyId: input.accessKeyId ?? '',
    sourceIp: input.sourceIp,
    userAgent: input.userAgent.slice(0, 1024),
    keyArn: key.keyArn,
    keyId: key.keyId,
    outcome: auditOutcome(input.errorCode),
    errorCode: input.errorCode ?? '',
    errorMessage: input.errorMessage ?? '',
    requestParameters: auditRequestParameters(input.requestBody),
    responseElements: input.errorCode === undefined ? { ...input.responseElements } : {},
    service: 'gateway',
  };
}
