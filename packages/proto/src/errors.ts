import * as grpc from '@grpc/grpc-js';
import { KmsError, isKmsErrorCode, toKmsError } from '@keyhold/core';

/** Trailing metadata keys that carry a KmsError across gRPC. */
export const ERROR_CODE_KEY = 'kms-error-code';
export const REQUEST_ID_KEY = 'kms-request-id';

/** A KmsError as the ServiceError grpc-js sends: status from the table, code in metadata. */
export function toServiceError(err: unknown, requestId: string): Partial<grpc.ServiceError> {
  const kms = toKmsError(err);
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, kms.code);
  metadata.set(REQUEST_ID_KEY, requestId);
  return { code: kms.grpcStatus, details: kms.message, metadata };
}

/**
 * Rebuilds the KmsError a Keyhold server sent; transport failures without our
 * metadata become DependencyTimeoutException (unavailable, deadline) or
 * KMSInternalException, keeping the original as `cause`.
 */
export function fromServiceError(err: unknown): KmsError {
  const se = err as Partial<grpc.ServiceError> | undefined;
  const code = se?.metadata?.get(ERROR_CODE_KEY)[0];
  if (isKmsErrorCode(code)) return new KmsError(code, se?.details ?? '', { cause: err });
  if (se?.code === grpc.status.UNAVAILABLE || se?.code === grpc.status.DEADLINE_EXCEEDED) {
    return KmsError.dependencyTimeout(err);
  }
  return KmsError.internal(err);
}
