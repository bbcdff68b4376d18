/**
 * Every error a client can see is a {@link KmsError} whose `code` is an AWS
 * exception name. One table maps each code to its gRPC status, HTTP status and
 * whether clients may retry, so that the gateway, the gRPC adapter and the
 * client SDK agree on every error.
 */
export const KMS_ERRORS = {
  ValidationException: { grpc: 3, http: 400, retryable: false },
  SerializationException: { grpc: 3, http: 400, retryable: false },
  UnknownOperationException: { grpc: 12, http: 400, retryable: false },
  NotFoundException: { grpc: 5, http: 400, retryable: false },
  AlreadyExistsException: { grpc: 6, http: 400, retryable: false },
  DisabledException: { grpc: 9, http: 400, retryable: false },
  KMSInvalidStateException: { grpc: 9, http: 400, retryable: false },
  InvalidKeyUsageException: { grpc: 9, http: 400, retryable: false },
  InvalidCiphertextException: { grpc: 3, http: 400, retryable: false },
  IncorrectKeyException: { grpc: 3, http: 400, retryable: false },
  InvalidArnException: { grpc: 3, http: 400, retryable: false },
  InvalidAliasNameException: { grpc: 3, http: 400, retryable: false },
  InvalidGrantTokenException: { grpc: 3, http: 400, retryable: false },
  InvalidMarkerException: { grpc: 3, http: 400, retryable: false },
  MalformedPolicyDocumentException: { grpc: 3, http: 400, retryable: false },
  TagException: { grpc: 3, http: 400, retryable: false },
  InvalidGrantIdException: { grpc: 3, http: 400, retryable: false },
  InvalidImportTokenException: { grpc: 3, http: 400, retryable: false },
  ExpiredImportTokenException: { grpc: 3, http: 400, retryable: false },
  IncorrectKeyMaterialException: { grpc: 3, http: 400, retryable: false },
  KMSInvalidSignatureException: { grpc: 3, http: 400, retryable: false },
  KMSInvalidMacException: { grpc: 3, http: 400, retryable: false },
  ConflictException: { grpc: 10, http: 400, retryable: true },
  DryRunOperationException: { grpc: 9, http: 412, retryable: false },
  AccessDeniedException: { grpc: 7, http: 400, retryable: false },
  MissingAuthenticationTokenException: { grpc: 16, http: 403, retryable: false },
  IncompleteSignatureException: { grpc: 16, http: 400, retryable: false },
  UnrecognizedClientException: { grpc: 16, http: 400, retryable: false },
  InvalidSignatureException: { grpc: 16, http: 400, retryable: false },
  RequestExpired: { grpc: 16, http: 400, retryable: false },
  LimitExceededException: { grpc: 8, http: 400, retryable: false },
  ThrottlingException: { grpc: 8, http: 400, retryable: true },
  RequestEntityTooLargeException: { grpc: 8, http: 413, retryable: false },
  RequestTimeoutException: { grpc: 4, http: 408, retryable: true },
  UnsupportedOperationException: { grpc: 12, http: 400, retryable: false },
  DependencyTimeoutException: { grpc: 14, http: 503, retryable: true },
  KeyUnavailableException: { grpc: 14, http: 500, retryable: true },
  KMSInternalException: { grpc: 13, http: 500, retryable: true },
} as const satisfies Record<string, { grpc: number; http: number; retryable: boolean }>;

/** The closed set of AWS exception names Keyhold sends. */
export type KmsErrorCode = keyof typeof KMS_ERRORS;

const KMS_ERROR_MARK = Symbol.for('keyhold.KmsError');

/** True when `code` is one of the names in {@link KMS_ERRORS}. */
export function isKmsErrorCode(code: unknown): code is KmsErrorCode {
  return typeof code === 'string' && Object.hasOwn(KMS_ERRORS, code);
}

/**
 * What the audit record of a failed request says beyond the error sent: for
 * the audit trail only, never part of the AWS error body or the gRPC status
 * message a caller sees.
 */
export interface KmsErrorAudit {
  /** Why access was denied: the deciding statement (Sid or index), or `no allow`. */
  readonly denyReason?: string;
}

export interface KmsErrorOptions extends ErrorOptions {
  readonly audit?: KmsErrorAudit;
}

/**
 * A client-safe error: `message` goes to callers as is, so it never holds key
 * material, plaintext, SQL or stack details. Internal detail goes in `cause`,
 * detail for the audit record in `audit`.
 */
export class KmsError extends Error {
  readonly code: KmsErrorCode;
  declare readonly audit?: KmsErrorAudit;
  readonly [KMS_ERROR_MARK] = true;

  constructor(code: KmsErrorCode, message: string, options?: KmsErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = code;
    // Not enumerable: whatever serializes the error's own fields leaves it out.
    if (options?.audit) {
      Object.defineProperty(this, 'audit', { value: options.audit, enumerable: false });
    }
  }

  get httpStatus(): number {
    return KMS_ERRORS[this.code].http;
  }

  get grpcStatus(): number {
    return KMS_ERRORS[this.code].grpc;
  }

  get retryable(): boolean {
    return KMS_ERRORS[this.code].retryable;
  }

  static validation(message: string): KmsError {
    return new KmsError('ValidationException', message);
  }

  /** The AWS wording for a value that breaks a model constraint. */
  static constraint(field: string, value: unknown, constraint: string): KmsError {
    const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : '***';
    return new KmsError(
      'ValidationException',
      `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${constraint}`,
    );
  }

  static notFound(keyId: string): KmsError {
    return new KmsError('NotFoundException', `Key '${keyId}' does not exist`);
  }

  static disabled(keyArn: string): KmsError {
    return new KmsError('DisabledException', `${keyArn} is disabled.`);
  }

  static pendingDeletion(keyArn: string): KmsError {
    return new KmsError('KMSInvalidStateException', `${keyArn} is pending deletion.`);
  }

  static invalidCiphertext(): KmsError {
    return new KmsError(
      'InvalidCiphertextException',
      'The ciphertext is invalid or was not produced by this service.',
    );
  }

  static incorrectKey(): KmsError {
    return new KmsError(
      'IncorrectKeyException',
      'The key ID in the request does not identify a KMS key that can perform this operation.',
    );
  }

  /** AWS's AccessDenied message; `denyReason` goes to the audit record only. */
  static accessDenied(
    principalArn: string,
    action: string,
    resource: string,
    denyReason?: string,
  ): KmsError {
    return new KmsError(
      'AccessDeniedException',
      `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`,
      denyReason === undefined ? undefined : { audit: { denyReason } },
    );
  }

  static throttled(): KmsError {
    return new KmsError(
      'ThrottlingException',
      'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
    );
  }

  static internal(cause?: unknown): KmsError {
    return new KmsError(
      'KMSInternalException',
      'The request was rejected because an internal exception occurred. The request can be retried.',
      cause === undefined ? undefined : { cause },
    );
  }

  static dependencyTimeout(cause?: unknown): KmsError {
    return new KmsError(
      'DependencyTimeoutException',
      'The system timed out while trying to fulfill the request. The request can be retried.',
      cause === undefined ? undefined : { cause },
    );
  }
}

/**
 * Duck-typed check that survives duplicate module copies (no `instanceof`
 * alone), optionally for one code.
 */
export function isKmsError(err: unknown, code?: KmsErrorCode): err is KmsError {
  if (typeof err !== 'object' || err === null) return false;
  const marked = (err as Record<symbol, unknown>)[KMS_ERROR_MARK] === true;
  if (!marked || !isKmsErrorCode((err as { code?: unknown }).code)) return false;
  return code === undefined || (err as KmsError).code === code;
}

/** Any error as a client-safe KmsError: unknown errors become KMSInternalException. */
export function toKmsError(err: unknown): KmsError {
  return isKmsError(err) ? err : KmsError.internal(err);
}
