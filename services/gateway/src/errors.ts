import { isKmsError } from '@keyhold/core';
import type { Logger } from '@keyhold/core';

/**
 * An error of the HTTP edge itself whose AWS name has no row in the shared
 * KMS_ERRORS table (it never crosses gRPC), e.g. a body that arrives too slowly.
 */
export class EdgeError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
  }
}

export function isEdgeError(err: unknown): err is EdgeError {
  return err instanceof EdgeError;
}

export interface AwsErrorResponse {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

const INTERNAL_MESSAGE =
  'The request was rejected because an internal exception occurred. The request can be retried.';

/**
 * The one place an error becomes an AWS JSON 1.1 error response. KmsError and
 * EdgeError messages are client-safe by contract; anything else is an internal
 * fault whose detail goes to the log only.
 */
export function toAwsErrorResponse(
  err: unknown,
  requestId: string,
  logger?: Logger,
): AwsErrorResponse {
  let status: number;
  let code: string;
  let message: string;
  if (isKmsError(err)) {
    ({ code, message } = err);
    status = err.httpStatus;
  } else if (isEdgeError(err)) {
    ({ code, message, status } = err);
  } else {
    logger?.error({ err, requestId }, 'internal error');
    status = 500;
    code = 'KMSInternalException';
    message = INTERNAL_MESSAGE;
  }
  return {
    status,
    code,
    message,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: code, message }),
  };
}
