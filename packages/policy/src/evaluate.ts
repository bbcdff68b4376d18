import { KmsError } from '@keyhold/core';

/**
 * What the local evaluator needs to decide requests on one key, assembled and
 * versioned by policy-authorizer (`GetDecisionBundle`) and cached by
 * crypto-worker until the key's next event. Later versions add the key
 * policy, identity policies and grants.
 */
export interface DecisionBundle {
  readonly keyArn: string;
  /** The account that owns the key. */
  readonly keyAccountId: string;
  /** Version of the authorizer's view this bundle was built from (int64 as a decimal string). */
  readonly version: string;
}

/** One request to decide. */
export interface AuthorizationRequest {
  /** The IAM action, e.g. `kms:Encrypt`. */
  readonly action: string;
  readonly principalArn: string;
  /** The caller's account. */
  readonly accountId: string;
  /** The request's region. */
  readonly region: string;
  /** The key ARN the request acts on. */
  readonly resourceArn: string;
  /**
   * The service that called on the principal's behalf (`kms:ViaService`,
   * e.g. `s3.us-east-1.amazonaws.com`); empty for direct calls.
   */
  readonly viaService?: string;
  /** `aws:SourceIp`; empty when unknown. */
  readonly sourceIp?: string;
  /**
   * The request's encryption context (`kms:EncryptionContext:<k>`,
   * `kms:EncryptionContextKeys`): for Decrypt and ReEncrypt the one supplied
   * with the ciphertext, for ReEncrypt's destination the destination context.
   */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** Grant tokens the caller presented (`kms:GrantTokens`, grants not yet propagated). */
  readonly grantTokens?: readonly string[];
}

/** The outcome: denials carry AWS's AccessDeniedException message. */
export type Decision =
  { readonly allowed: true } | { readonly allowed: false; readonly message: string };

const ALLOW: Decision = Object.freeze({ allowed: true });

/**
 * Decides one request from a bundle, purely and locally. The rule for now:
 * allow iff the caller's account owns the key (the default key policy's
 * account-root delegation with every IAM principal allowed); anything else,
 * including a bundle for another key, is denied with AWS's message.
 */
export function evaluate(bundle: DecisionBundle, request: AuthorizationRequest): Decision {
  const sameKey = bundle.keyArn === request.resourceArn;
  if (sameKey && request.accountId !== '' && request.accountId === bundle.keyAccountId)
    return ALLOW;
  return {
    allowed: false,
    message: KmsError.accessDenied(request.principalArn, request.action, request.resourceArn)
      .message,
  };
}
