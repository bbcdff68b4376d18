import * as grpc from '@grpc/grpc-js';
import { KmsError, isKmsErrorCode, toKmsError } from '@keyhold/core';

/** Trailing metadata keys that carry a KmsError across gRPC. */
export const ERROR_CODE_KEY = 'kms-error-code';
export const REQUEST_ID_KEY = 'kms-request-id';
/**
 * The error's audit detail (why access was denied), between Keyhold's own
 * services only: binary (UTF-8), since a statement's Sid is free text.
 */
export const DENY_REASON_KEY = 'kms-deny-reason-bin';

export interface ServiceErrorOptions {
  /**
   * Send the error's audit detail too. Only for calls between Keyhold's
   * services: a caller outside the cluster never learns why it was denied.
   */
  readonly withAuditDetail?: boolean;
}

/** A KmsError as the ServiceError grpc-js sends: status from the table, code in metadata. */
export function toServiceError(
  err: unknown,
  requestId: string,
  options: ServiceErrorOptions = {},
): Partial<grpc.ServiceError> {
  const kms = toKmsError(err);
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, kms.code);
  metadata.set(REQUEST_ID_KEY, requestId);
  const denyReason = kms.audit?.denyReason;
  if (options.withAuditDetail && denyReason !== undefined) {
    metadata.set(DENY_REASON_KEY, Buffer.from(denyReason, 'utf8'));
  }
  return { code: kms.grpcStatus, details: kms.message, metadata };
}

/**
 * Rebuilds the KmsError a Keyhold server sent (with its audit detail, when
 * sent); transport failures without our
 * metadata become DependencyTimeoutException (unavailable, deadline) or
 * KMSInternalException, keeping the original as `cause`.
 */
export function fromServiceError(err: unknown): KmsError {
  const se = err as Partial<grpc.ServiceError> | undefined;
  const code = se?.metadata?.get(ERROR_CODE_KEY)[0];
  if (isKmsErrorCode(code)) {
    const reason = se?.metadata?.get(DENY_REASON_KEY)[0];
    const audit = Buffer.isBuffer(reason) ? { denyReason: reason.toString('utf8') } : undefined;
    return new KmsError(code, se?.details ?? '', { cause: err, ...(audit ? { audit } : {}) });
  }
  if (se?.code === grpc.status.UNAVAILABLE || se?.code === grpc.status.DEADLINE_EXCEEDED) {
    return KmsError.dependencyTimeout(err);
  }
  return KmsError.internal(err);
}
